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
            flags.add("dry-run", nil, .bool, "If true, only print the object that would be sent, without sending it.")
            flags.add("filename", "f", .strings, "Filename or URL to file to use to create the new replication controller.")
            flags.add("image", nil, .string, "Image to use for upgrading the replication controller. Must be distinct from the existing image (either new image or new image tag).  Can not be used with --filename/-f")
            flags.add("image-pull-policy", nil, .string, "Explicit policy for when to pull container images. Required when --image is same as existing image, ignored otherwise.")
            flags.add("poll-interval", nil, .string, default: "3s", "Time delay between polling for replication controller status after the update. Valid time units are \"ns\", \"us\" (or \"µs\"), \"ms\", \"s\", \"m\", \"h\".")
            flags.add("rollback", nil, .bool, "If true, this is a request to abort an existing rollout that is partially rolled out. It effectively reverses current and next and runs a rollout")
            flags.add("timeout", nil, .string, default: "5m0s", "Max time to wait for a replication controller to update before giving up. Valid time units are \"ns\", \"us\" (or \"µs\"), \"ms\", \"s\", \"m\", \"h\".")
            flags.add("update-period", nil, .string, default: "1m0s", "Time to wait between updating pods. Valid time units are \"ns\", \"us\" (or \"µs\"), \"ms\", \"s\", \"m\", \"h\".")
            flags.add("validate", nil, .bool, default: "true", "If true, use a schema to validate the input before sending it")
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

    /// `validateArguments`: one file at most; a file or an image, not both (neither on a
    /// rollback); the controller's name. Several failures come as 1.8's aggregate: each usage
    /// error on its own lines, without the `error: ` prefix.
    private func validate() throws(KubectlError) {
        let files = flags.strings("filename"), image = flags.string("image") ?? ""
        var errors: [String] = []
        if files.count > 1 { errors.append("May only specify a single filename for new controller") }
        if !flags.bool("rollback") {
            if files.isEmpty && image.isEmpty { errors.append("Must specify --filename or --image for new controller") }
            if !files.isEmpty && !image.isEmpty { errors.append("--filename and --image can not both be specified") }
        } else if !files.isEmpty || !image.isEmpty {
            errors.append("Don't specify --filename or --image on rollback")
        }
        if flags.positional.isEmpty { errors.append("Must specify the controller to update") }
        if errors.count == 1 { throw .usage(errors[0], command: "rolling-update") }
        if errors.count > 1 {
            throw .raw(errors.map { $0 + "\nSee 'kubectl rolling-update -h' for help and examples.\n" }.joined())
        }
        if flags.positional.count > 2 { throw .usage("Only one or two arguments are allowed", command: "rolling-update") }
    }

    func run() async throws -> Int32 {
        let updatePeriod = try duration("update-period", .seconds(60))
        let interval = try duration("poll-interval", .seconds(3))
        let timeout = try duration("timeout", .seconds(300))
        try validate()
        let oldName = flags.positional[0]
        let key = flags.string("deployment-label-key") ?? "deployment"
        let rollback = flags.bool("rollback")
        let filename = flags.strings("filename").first ?? ""
        let client = try invocation.client()
        let namespace = invocation.namespace
        var oldController = try client.get(ReplicationController.self, namespace: namespace, name: oldName)
        var newController: ReplicationController
        var replicasDefaulted = false
        if !filename.isEmpty {
            (newController, replicasDefaulted) = try await controller(fromFile: filename)
        } else if let image = flags.string("image"), !image.isEmpty {
            let newName = flags.positional.count > 1 ? flags.positional[1] : oldController.metadata.annotations?[Self.nextControllerAnnotation] ?? ""
            if let existing = Self.existingNext(newName, namespace: namespace, client: client) {
                let inProgress = existing.spec?.template?.spec?.containers.first?.image ?? ""
                guard inProgress == image else {
                    throw KubectlError.usage("Found existing in-progress update to image (\(inProgress)).\nEither continue in-progress update with --image=\(inProgress) or rollback with --rollback", command: "rolling-update")
                }
                invocation.print("Found existing update in progress (\(existing.name)), resuming.\n")
                newController = existing
            } else {
                newController = try controller(from: oldController, image: image, newName: newName, key: key)
            }
            // UpdateExistingReplicationController: point the old one at the new, and part the selectors.
            oldController = try addDeploymentKey(to: oldController, next: newController.name, key: key, value: Self.hash(oldController) + "-orig", client: client)
        } else {
            newController = oldController
        }
        if rollback {
            let newName = flags.positional.count > 1 ? flags.positional[1] : oldController.metadata.annotations?[Self.nextControllerAnnotation] ?? ""
            guard let existing = Self.existingNext(newName, namespace: namespace, client: client) else {
                throw KubectlError.usage("Could not find \(newName) to rollback.\n", command: "rolling-update")
            }
            newController = existing
        }
        guard oldName != newController.name else {
            throw KubectlError.usage("\(filename) cannot have the same name as the existing ReplicationController \(oldName)", command: "rolling-update")
        }
        // The two must part on a selector key: every new pod has it, no old one does.
        let oldSelector = oldController.spec?.selector ?? [:], newSelector = newController.spec?.selector ?? [:]
        guard oldSelector.contains(where: { key, value in newSelector[key].map { $0 != value } ?? false }) else {
            throw KubectlError.usage("\(filename) must specify a matching key with non-equal value in Selector for \(oldName)", command: "rolling-update")
        }
        if replicasDefaulted { newController.spec?.replicas = oldController.spec?.replicas }
        if flags.bool("dry-run") {
            invocation.print("Rolling from:\n\(oldController.name)\nTo:\n\(newController.name)\n")
            return 0
        }
        var from = oldController, to = newController
        if rollback {
            // AbortRollingUpdate: the two swap, and the old one is sized back to its original count.
            from = newController
            to = oldController
            guard let original = oldController.metadata.annotations?[Self.originalReplicasAnnotation] else {
                throw KubectlError.message("couldn't find original replica count of \(goQuoted(oldController.name))")
            }
            invocation.print("Setting \(goQuoted(to.name)) replicas to \(original)\n")
            var annotations = to.metadata.annotations ?? [:]
            annotations[Self.sourceIDAnnotation] = from.name + ":" + from.uid
            annotations[Self.desiredReplicasAnnotation] = original
            to.metadata.annotations = annotations
            // 1.8 ignores this update's error.
            if let updated = try? client.update(to) { to = updated }
        }
        try await update(from: from, to: to, updatePeriod: updatePeriod, interval: interval, timeout: timeout, client: client)
        // 1.8 reads the new controller back under the name it started with (after a rollback
        // the one just deleted, still there while the garbage collector orphans its pods) and
        // names it in the closing line.
        _ = try client.get(ReplicationController.self, namespace: namespace, name: newController.name)
        invocation.print("replicationcontroller \(goQuoted(oldName)) rolling updated to \(goQuoted(newController.name))\n")
        return 0
    }

    /// The new controller of `-f`: exactly one ReplicationController; whether it left its
    /// replicas to default.
    private func controller(fromFile filename: String) async throws -> (ReplicationController, Bool) {
        let validate = !flags.has("validate") || flags.bool("validate")
        let manifests = try await Manifests.read([filename], invocation: invocation, validate: validate)
        if manifests.count > 1 { throw KubectlError.usage("\(filename) specifies multiple items", command: "rolling-update") }
        guard let manifest = manifests.first else {
            throw KubectlError.usage("please make sure \(filename) exists and is not empty", command: "rolling-update")
        }
        guard var controller = try manifest.decode(validate: validate) as? ReplicationController else {
            let apiVersion = manifest.value["apiVersion"]?.stringValue ?? ""
            let groupVersion = apiVersion.contains("/") ? apiVersion : "/" + apiVersion
            throw KubectlError.usage("\(filename) contains a \(groupVersion), Kind=\(manifest.type.kind) not a ReplicationController", command: "rolling-update")
        }
        controller.metadata.namespace = manifest.namespace(default: invocation.namespace)
        return (controller, manifest.value["spec"]?["replicas"] == nil)
    }

    /// `CreateNewControllerFromCurrentController`: the old one with the new image, its hash as the key.
    private func controller(from oldController: ReplicationController, image: String, newName: String, key: String) throws -> ReplicationController {
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
        var newController = oldController
        newController.spec?.template?.spec?.containers[index].image = image
        if !pullPolicy.isEmpty { newController.spec?.template?.spec?.containers[index].imagePullPolicy = pullPolicy }
        let newHash = Self.hash(newController)
        newController.metadata = ObjectMeta(name: newName.isEmpty ? oldController.name + "-" + newHash : newName, namespace: oldController.namespace,
                                            labels: oldController.metadata.labels, annotations: oldController.metadata.annotations)
        newController.status = nil
        newController.spec?.selector?[key] = newHash
        newController.spec?.template?.metadata?.labels?[key] = newHash
        return newController
    }

    /// `LoadExistingNextReplicationController`: the named controller, nil when unnamed or gone.
    private static func existingNext(_ name: String, namespace: String, client: any KubernetesClient) -> ReplicationController? {
        guard !name.isEmpty else { return nil }
        return try? client.get(ReplicationController.self, namespace: namespace, name: name)
    }

    /// `RollingUpdater.Update`: the target controller created (or an interrupted one taken up),
    /// then scaled up by the surge and the source down as readiness allows, one update period
    /// apart; the target keeps its name and the source is deleted.
    private func update(from oldController: ReplicationController, to target: ReplicationController, updatePeriod: Duration, interval: Duration,
                        timeout: Duration, client: any KubernetesClient) async throws {
        let namespace = target.namespace
        let sourceID = oldController.name + ":" + oldController.uid
        var oldController = oldController
        let newController: ReplicationController
        if let existing = try? client.get(ReplicationController.self, namespace: namespace, name: target.name) {
            let annotations = existing.metadata.annotations ?? [:]
            guard annotations[Self.sourceIDAnnotation] == sourceID, annotations[Self.desiredReplicasAnnotation] != nil else {
                let shown = annotations.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: " ")
                throw KubectlError.message("Missing/unexpected annotations for controller \(target.name), expected \(sourceID) : map[\(shown)]")
            }
            invocation.print("Continuing update with existing controller \(existing.name).\n")
            newController = existing
        } else {
            let replicas = Int(target.spec?.replicas ?? 1)
            guard replicas > 0 else {
                throw KubectlError.message("Invalid controller spec for \(target.name); required: > 0 replicas, actual: \(replicas)\n")
            }
            var creating = target
            var annotations = creating.metadata.annotations ?? [:]
            annotations[Self.desiredReplicasAnnotation] = String(creating.spec?.replicas ?? 1)
            annotations[Self.sourceIDAnnotation] = sourceID
            creating.metadata.annotations = annotations
            creating.metadata.resourceVersion = nil
            creating.spec?.replicas = 0
            newController = try client.create(creating)
            invocation.print("Created \(newController.name)\n")
        }
        let newName = newController.name, oldName = oldController.name
        let desiredText = newController.metadata.annotations?[Self.desiredReplicasAnnotation] ?? ""
        guard let desired = Int(desiredText) else {
            throw KubectlError.message("Unable to parse annotation for \(newName): \(Self.desiredReplicasAnnotation)=\(desiredText)")
        }
        if oldController.metadata.annotations?[Self.originalReplicasAnnotation] == nil {
            let current = try client.get(ReplicationController.self, namespace: namespace, name: oldName)
            let replicas = String(current.spec?.replicas ?? 0)
            oldController = try client.modify(ReplicationController.self, namespace: namespace, name: oldName) { (rc: inout ReplicationController) throws(APIError) in
                var annotations = rc.metadata.annotations ?? [:]
                annotations[Self.originalReplicasAnnotation] = replicas
                rc.metadata.annotations = annotations
            }
        }
        // The command's fenceposts: never below the desired count, one pod over it.
        let maxSurge = 1
        let minAvailable = desired == 0 ? 0 : desired
        var newReplicas = Int(newController.spec?.replicas ?? 0)
        var oldReplicas = Int(oldController.spec?.replicas ?? 0)
        invocation.print("Scaling up \(newName) from \(newReplicas) to \(desired), scaling down \(oldName) from \(oldReplicas) to 0 (keep \(minAvailable) pods available, don't exceed \(desired + maxSurge) pods)\n")
        var deadline = invocation.now + timeout
        while newReplicas != desired || oldReplicas != 0 {
            let before = (newReplicas, oldReplicas)
            // scaleUp: as far as the surge allows, all the way once the old one is gone.
            if newReplicas != desired {
                var increment = desired + maxSurge - (oldReplicas + newReplicas)
                if oldReplicas == 0 { increment = desired - newReplicas }
                if increment > 0 {
                    newReplicas = min(desired, newReplicas + increment)
                    invocation.print("Scaling \(newName) up to \(newReplicas)\n")
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
                    invocation.print("Scaling \(oldName) down to \(oldReplicas)\n")
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
        invocation.print("Update succeeded. Deleting \(oldName)\n")
        try client.delete(ReplicationController.self, namespace: namespace, name: oldName)
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
