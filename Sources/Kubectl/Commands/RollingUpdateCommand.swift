import Formatting
import KubernetesAPI
import Kernel
import Simulation
import StructuredData

/// `kubectl rolling-update` of 1.8 (`pkg/kubectl/rolling_updater.go`): the client itself
/// replaces a replication controller's pods with a new controller's, one step per update
/// period, labelling both sets of pods with a `deployment` key so the two selectors part.
extension Commands {
    static let rollingUpdate = CommandSpec(
        name: "rolling-update",
        summary: "Perform a rolling update of the given ReplicationController",
        description: """
            Perform a rolling update of the given ReplicationController.

            Replaces the specified replication controller with a new replication controller by updating one pod at a time to use the new PodTemplate. The new-controller.json must specify the same namespace as the existing replication controller and overwrite at least one (common) label in its replicaSelector.

            ! http://kubernetes.io/images/docs/kubectl_rollingupdate.svg
            """,
        examples: """
              # Update pods of frontend-v1 using new replication controller data in frontend-v2.json.
              kubectl rolling-update frontend-v1 -f frontend-v2.json

              # Update pods of frontend-v1 using JSON data passed into stdin.
              cat frontend-v2.json | kubectl rolling-update frontend-v1 -f -

              # Update the pods of frontend-v1 to frontend-v2 by just changing the image, and switching the
              # name of the replication controller.
              kubectl rolling-update frontend-v1 frontend-v2 --image=image:v2

              # Update the pods of frontend by just changing the image, and keeping the old name.
              kubectl rolling-update frontend --image=image:v2

              # Abort and reverse an existing rollout in progress (from frontend-v1 to frontend-v2).
              kubectl rolling-update frontend-v1 frontend-v2 --rollback
            """,
        usage: "kubectl rolling-update OLD_CONTROLLER_NAME ([NEW_CONTROLLER_NAME] --image=NEW_CONTAINER_IMAGE | -f NEW_CONTROLLER_SPEC) [options]",
        declareFlags: { flags in
            flags.add("container", nil, .string, "Container name which will have its image upgraded. Only relevant when --image is specified, ignored otherwise. Required when using --image on a multi-container pod")
            flags.add("deployment-label-key", nil, .string, default: "deployment", "The key to use to differentiate between two different controllers, default 'deployment'.  Only relevant when --image is specified, ignored otherwise")
            flags.add("image", nil, .string, "Image to use for upgrading the replication controller. Must be distinct from the existing image (either new image or new image tag).  Can not be used with --filename/-f")
            flags.add("image-pull-policy", nil, .string, "Explicit policy for when to pull container images. Required when --image is same as existing image, ignored otherwise.")
            flags.add("poll-interval", nil, .string, default: "3s", "Time delay between polling for replication controller status after the update. Valid time units are \"ns\", \"us\" (or \"µs\"), \"ms\", \"s\", \"m\", \"h\".")
            flags.add("timeout", nil, .string, default: "5m0s", "Max time to wait for a replication controller to update before giving up. Valid time units are \"ns\", \"us\" (or \"µs\"), \"ms\", \"s\", \"m\", \"h\".")
            flags.add("update-period", nil, .string, default: "1m0s", "Time to wait between updating pods. Valid time units are \"ns\", \"us\" (or \"µs\"), \"ms\", \"s\", \"m\", \"h\".")
        },
        run: { invocation, flags in try await RollingUpdate(invocation: invocation, flags: flags).run() })
}

struct RollingUpdate {
    static let sourceIDAnnotation = "kubectl.kubernetes.io/update-source-id"
    static let desiredReplicasAnnotation = "kubectl.kubernetes.io/desired-replicas"
    static let originalReplicasAnnotation = "kubectl.kubernetes.io/original-replicas"
    static let nextControllerAnnotation = "kubectl.kubernetes.io/next-controller-id"

    let invocation: Invocation
    let flags: ParsedFlags

    private func duration(_ name: String, _ fallback: Duration) throws -> Duration {
        guard let text = flags.string(name) else { return fallback }
        do {
            return try GoDuration.parse(text)
        } catch {
            throw KubectlError.raw("Error: invalid argument \(goQuoted(text)) for \(goQuoted("--" + name)) flag: \(error.message)\n" + Commands.rollingUpdate.usageText)
        }
    }

    func run() async throws -> Int32 {
        let updatePeriod = try duration("update-period", .seconds(60))
        let interval = try duration("poll-interval", .seconds(3))
        let timeout = try duration("timeout", .seconds(300))
        guard let oldName = flags.positional.first else {
            throw KubectlError.usage("Must specify the controller to update", command: "rolling-update")
        }
        guard let image = flags.string("image"), !image.isEmpty else {
            throw KubectlError.usage("Must specify --filename or --image for new controller", command: "rolling-update")
        }
        guard flags.positional.count <= 2 else {
            throw KubectlError.usage("Only one or two arguments are allowed", command: "rolling-update")
        }
        let key = flags.string("deployment-label-key") ?? "deployment"
        let client = try invocation.client()
        let namespace = invocation.namespace
        var oldController = try client.get(ReplicationController.self, namespace: namespace, name: oldName)
        let containers = oldController.spec?.template?.spec?.containers ?? []
        var index = 0
        if let name = flags.string("container"), !name.isEmpty {
            guard let found = containers.firstIndex(where: { $0.name == name }) else { throw KubectlError.message("container \(name) not found in pod") }
            index = found
        } else if containers.count > 1 {
            throw KubectlError.message("must specify container to update when updating a multi-container pod")
        }
        guard !containers.isEmpty else { throw KubectlError.message("pod has no containers!") }
        let pullPolicy = flags.string("image-pull-policy") ?? ""
        if containers[index].image == image, pullPolicy.isEmpty {
            throw KubectlError.usage("--image-pull-policy (Always|Never|IfNotPresent) must be provided when --image is the same as existing container image", command: "rolling-update")
        }
        // CreateNewControllerFromCurrentController: the old one with the new image, its hash as the key.
        var newController = oldController
        newController.spec?.template?.spec?.containers[index].image = image
        if !pullPolicy.isEmpty { newController.spec?.template?.spec?.containers[index].imagePullPolicy = pullPolicy }
        let newHash = Self.hash(newController)
        let newName = flags.positional.count > 1 ? flags.positional[1] : oldName + "-" + newHash
        newController.metadata = ObjectMeta(name: newName, namespace: namespace, labels: oldController.metadata.labels,
                                            annotations: oldController.metadata.annotations)
        newController.status = nil
        newController.spec?.selector?[key] = newHash
        newController.spec?.template?.metadata?.labels?[key] = newHash
        // UpdateExistingReplicationController: point the old one at the new, and part the selectors.
        oldController = try addDeploymentKey(to: oldController, next: newName, key: key, value: Self.hash(oldController) + "-orig", client: client)

        let out = invocation
        let sourceID = oldController.name + ":" + oldController.uid
        let desired = Int(newController.spec?.replicas ?? 1)
        var current = newController
        var annotations = current.metadata.annotations ?? [:]
        annotations[Self.desiredReplicasAnnotation] = String(desired)
        annotations[Self.sourceIDAnnotation] = sourceID
        current.metadata.annotations = annotations
        current.spec?.replicas = 0
        guard desired > 0 else { throw KubectlError.message("Invalid controller spec for \(newName); required: > 0 replicas, actual: 0\n") }
        newController = try client.create(current)
        out.print("Created \(newController.name)\n")
        if oldController.metadata.annotations?[Self.originalReplicasAnnotation] == nil {
            let replicas = String(oldController.spec?.replicas ?? 0)
            oldController = try client.modify(ReplicationController.self, namespace: namespace, name: oldName) { (rc: inout ReplicationController) throws(APIError) in
                var annotations = rc.metadata.annotations ?? [:]
                annotations[Self.originalReplicasAnnotation] = replicas
                rc.metadata.annotations = annotations
            }
        }
        // The defaults of the command: never below the desired count, one pod over it.
        let maxSurge = 1, minAvailable = desired
        out.print("Scaling up \(newName) from 0 to \(desired), scaling down \(oldName) from \(oldController.spec?.replicas ?? 0) to 0 (keep \(minAvailable) pods available, don't exceed \(desired + maxSurge) pods)\n")
        var newReplicas = 0
        var oldReplicas = Int(oldController.spec?.replicas ?? 0)
        var deadline = invocation.now + timeout
        while newReplicas != desired || oldReplicas != 0 {
            let before = (newReplicas, oldReplicas)
            // scaleUp: as far as the surge allows, all the way once the old one is gone.
            if newReplicas != desired {
                var increment = desired + maxSurge - (oldReplicas + newReplicas)
                if oldReplicas == 0 { increment = desired - newReplicas }
                if increment > 0 {
                    newReplicas = min(desired, newReplicas + increment)
                    out.print("Scaling \(newName) up to \(newReplicas)\n")
                    try await scaleAndWait(newName, to: newReplicas, interval: interval, timeout: timeout, client: client)
                }
            }
            try await invocation.context.process.sleep(for: updatePeriod)
            // scaleDown: as far as the new pods that are ready allow.
            if oldReplicas != 0 {
                let newAvailable = try readyPods(of: newName, client: client)
                let newUnavailable = newReplicas - newAvailable
                let decrement = oldReplicas + newReplicas - minAvailable - newUnavailable
                if decrement > 0 {
                    oldReplicas = max(0, oldReplicas - decrement)
                    if newReplicas == desired, newAvailable == desired { oldReplicas = 0 }
                    out.print("Scaling \(oldName) down to \(oldReplicas)\n")
                    try await scaleAndWait(oldName, to: oldReplicas, interval: interval, timeout: timeout, client: client)
                }
            }
            if before != (newReplicas, oldReplicas) {
                deadline = invocation.now + timeout
            } else if invocation.now > deadline {
                throw KubectlError.message("timed out waiting for any update progress to be made")
            }
        }
        // Cleanup: the new controller loses its bookkeeping, the old one goes.
        try client.modify(ReplicationController.self, namespace: namespace, name: newName) { (rc: inout ReplicationController) throws(APIError) in
            rc.metadata.annotations?[Self.sourceIDAnnotation] = nil
            rc.metadata.annotations?[Self.desiredReplicasAnnotation] = nil
            if rc.metadata.annotations?.isEmpty == true { rc.metadata.annotations = nil }
        }
        try await scaleAndWait(newName, to: desired, interval: interval, timeout: timeout, client: client)
        out.print("Update succeeded. Deleting \(oldName)\n")
        try client.delete(ReplicationController.self, namespace: namespace, name: oldName)
        out.print("replicationcontroller \(goQuoted(oldName)) rolling updated to \(goQuoted(newName))\n")
        return 0
    }

    /// `AddDeploymentKeyToReplicationController`: the key into the template, onto every pod,
    /// then into the selector; pods still without it (made meanwhile) are deleted.
    private func addDeploymentKey(to controller: ReplicationController, next: String, key: String, value: String,
                                  client: any KubernetesClient) throws -> ReplicationController {
        let namespace = controller.namespace
        let setNext = { (rc: inout ReplicationController) in
            var annotations = rc.metadata.annotations ?? [:]
            annotations[Self.nextControllerAnnotation] = next
            rc.metadata.annotations = annotations
        }
        if controller.spec?.selector?[key] != nil {
            return try client.modify(ReplicationController.self, namespace: namespace, name: controller.name) { (rc: inout ReplicationController) throws(APIError) in setNext(&rc) }
        }
        var updated = try client.modify(ReplicationController.self, namespace: namespace, name: controller.name) { (rc: inout ReplicationController) throws(APIError) in
            setNext(&rc)
            let labels = (rc.spec?.template?.metadata?.labels ?? [:]).merging([key: value]) { _, new in new }
            rc.spec?.template?.metadata?.labels = labels
        }
        let selector = updated.spec?.selector ?? [:]
        for pod in try client.list(Pod.self, namespace: namespace, labelSelector: Labels.Selector(matching: selector)).items {
            try client.modify(Pod.self, namespace: namespace, name: pod.name) { (current: inout Pod) throws(APIError) in
                current.metadata.labels = (current.metadata.labels ?? [:]).merging([key: value]) { _, new in new }
            }
        }
        updated = try client.modify(ReplicationController.self, namespace: namespace, name: controller.name) { (rc: inout ReplicationController) throws(APIError) in
            let selector = (rc.spec?.selector ?? [:]).merging([key: value]) { _, new in new }
            rc.spec?.selector = selector
        }
        for pod in try client.list(Pod.self, namespace: namespace, labelSelector: Labels.Selector(matching: selector)).items where pod.metadata.labels?[key] != value {
            try client.delete(Pod.self, namespace: namespace, name: pod.name)
        }
        return updated
    }

    /// Scales a controller, then polls until it has that many pods (`ControllerHasDesiredReplicas`).
    private func scaleAndWait(_ name: String, to replicas: Int, interval: Duration, timeout: Duration, client: any KubernetesClient) async throws {
        let namespace = invocation.namespace
        try client.modify(ReplicationController.self, namespace: namespace, name: name) { (rc: inout ReplicationController) throws(APIError) in
            rc.spec?.replicas = Int32(clamping: replicas)
        }
        let limit = invocation.now + timeout
        while true {
            let rc = try client.get(ReplicationController.self, namespace: namespace, name: name)
            if (rc.status?.observedGeneration ?? 0) >= (rc.metadata.generation ?? 0), Int(rc.status?.replicas ?? 0) == replicas { return }
            guard invocation.now < limit else { throw KubectlError.message("timed out waiting for the condition") }
            try await invocation.context.process.sleep(for: interval)
        }
    }

    /// Pods of a controller that are ready and not being deleted.
    private func readyPods(of name: String, client: any KubernetesClient) throws -> Int {
        let rc = try client.get(ReplicationController.self, namespace: invocation.namespace, name: name)
        let selector = Labels.Selector(matching: rc.spec?.selector ?? [:])
        return try client.list(Pod.self, namespace: invocation.namespace, labelSelector: selector).items
            .filter { $0.metadata.deletionTimestamp == nil && $0.isReady }.count
    }

    /// `api.HashObject` is the MD5 of the encoded object; this is a 128-bit FNV-1a of its JSON,
    /// the same 32 hexadecimal digits.
    static func hash(_ controller: ReplicationController) -> String {
        let text = (try? JSONValueEncoder().encode(controller))?.jsonText() ?? ""
        var high: UInt64 = 0xcbf2_9ce4_8422_2325, low: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in text.utf8 {
            high = (high ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            low = (low ^ UInt64(byte) ^ (high >> 29)) &* 0x0000_0100_0000_01B3
        }
        func hex(_ value: UInt64) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return hex(high) + hex(low)
    }
}
