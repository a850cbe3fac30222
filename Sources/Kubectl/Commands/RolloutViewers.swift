import Formatting
import KubernetesAPI
import Kernel
import Simulation
import StructuredData

/// `DeploymentStatusViewer` of 1.8: one line about where the rollout stands.
enum RolloutStatusText {
    /// The line, whether the rollout is done, or the error that ends the watch.
    static func status(of deployment: Deployment, revision: Int64) throws(KubectlError) -> (text: String, done: Bool) {
        if revision > 0 {
            let current = Int64(deployment.metadata.annotations?["deployment.kubernetes.io/revision"] ?? "") ?? 0
            if current != revision {
                throw .message("desired revision (\(revision)) is different from the running revision (\(current))")
            }
        }
        let status = deployment.status
        guard (deployment.metadata.generation ?? 0) <= (status?.observedGeneration ?? 0) else {
            return ("Waiting for deployment spec update to be observed...\n", false)
        }
        if status?.conditions?.first(where: { $0.type == "Progressing" })?.reason == "ProgressDeadlineExceeded" {
            throw .message("deployment \(goQuoted(deployment.name)) exceeded its progress deadline")
        }
        let replicas = Int(status?.replicas ?? 0), updated = Int(status?.updatedReplicas ?? 0), available = Int(status?.availableReplicas ?? 0)
        if let desired = deployment.spec?.replicas, updated < Int(desired) {
            return ("Waiting for rollout to finish: \(updated) out of \(desired) new replicas have been updated...\n", false)
        }
        if replicas > updated {
            return ("Waiting for rollout to finish: \(replicas - updated) old replicas are pending termination...\n", false)
        }
        if available < updated {
            return ("Waiting for rollout to finish: \(available) of \(updated) updated replicas are available...\n", false)
        }
        return ("deployment \(goQuoted(deployment.name)) successfully rolled out\n", true)
    }
}

/// `kubectl rollout status`: the line now, then one per change of the deployment until done.
struct RolloutStatus {
    let invocation: Invocation
    let flags: ParsedFlags

    func run() async throws -> Int32 {
        let client = try invocation.client()
        let revision = Int64(flags.int("revision") ?? 0)
        guard revision >= 0 else { throw KubectlError.message("revision must be a positive integer: \(revision)") }
        for deployment in try await RolloutTarget.deployments(invocation, flags, verb: "status", viewer: "status viewer") {
            let (text, done) = try RolloutStatusText.status(of: deployment, revision: revision)
            invocation.print(text)
            if done || flags.has("watch") && !flags.bool("watch") { continue }
            let wakeup = Wakeup()
            var failure: KubectlError?
            var options = ListOptions.everything
            options.resourceVersion = client.currentResourceVersion
            let handle = try client.watch(Deployment.self, namespace: deployment.namespace, options: options) { event in
                guard event.object.name == deployment.name, failure == nil else { return }
                guard event.type != .deleted else {
                    failure = .raw("Error from server (NotFound): deployments.extensions \(goQuoted(deployment.name)) not found")
                    wakeup.wake()
                    return
                }
                do {
                    let current = try client.get(Deployment.self, namespace: deployment.namespace, name: deployment.name)
                    let (text, done) = try RolloutStatusText.status(of: current, revision: revision)
                    invocation.print(text)
                    if done { wakeup.wake() }
                } catch let error as KubectlError {
                    failure = error
                    wakeup.wake()
                } catch {
                    failure = .message("\(error)")
                    wakeup.wake()
                }
            }
            defer { handle.stop() }
            try await wakeup.wait()
            if let failure { throw failure }
        }
        return 0
    }
}

/// `DeploymentHistoryViewer` of 1.8: a revision per replica set with its change cause, or one
/// revision's pod template.
enum RolloutHistory {
    static func view(_ deployment: Deployment, client: any KubernetesClient, revision: Int64, now: VirtualInstant) throws(KubectlError) -> String {
        let sets = ((try? client.list(ReplicaSet.self, namespace: deployment.namespace).items) ?? [])
            .filter { $0.metadata.controllerReference?.uid == deployment.uid }
        var templates: [Int64: PodTemplateSpec] = [:]
        for set in sets {
            guard let number = Int64(set.metadata.annotations?["deployment.kubernetes.io/revision"] ?? "") else { continue }
            var template = set.spec?.template ?? PodTemplateSpec()
            var metadata = template.metadata ?? ObjectMeta()
            if let cause = set.metadata.annotations?[ChangeCause.annotation], !cause.isEmpty {
                metadata.annotations = (metadata.annotations ?? [:]).merging([ChangeCause.annotation: cause]) { _, new in new }
            }
            template.metadata = metadata
            templates[number] = template
        }
        guard !templates.isEmpty else { return "No rollout history found." }
        if revision > 0 {
            guard let template = templates[revision] else { throw .message("unable to find the specified revision") }
            return podTemplate(template, client: client, now: now)
        }
        var writer = TabWriter.kubectlDescribe()
        writer.write("REVISION\tCHANGE-CAUSE\n")
        for number in templates.keys.sorted() {
            let cause = templates[number]?.metadata?.annotations?[ChangeCause.annotation] ?? ""
            writer.write("\(number)\t\(cause.isEmpty ? "<none>" : cause)\n")
        }
        return writer.flush()
    }

    static func podTemplate(_ template: PodTemplateSpec, client: any KubernetesClient, now: VirtualInstant) -> String {
        Describers(client: client, now: now).podTemplateText(template)
    }
}

/// `kubectl rollout undo` through `spec.rollbackTo`, as 1.8's `DeploymentRollbacker` posts a
/// rollback and then waits for the controller's event saying how it went.
struct RolloutUndo {
    let invocation: Invocation
    let flags: ParsedFlags

    func run() async throws -> Int32 {
        let client = try invocation.client()
        let revision = Int64(flags.int("to-revision") ?? 0)
        for deployment in try await RolloutTarget.deployments(invocation, flags, verb: "undo", viewer: "rollbacker") {
            if deployment.spec?.paused == true {
                throw KubectlError.message("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/\(deployment.name)' and try again")
            }
            var options = ListOptions.everything
            options.resourceVersion = client.currentResourceVersion
            let wakeup = Wakeup()
            var result = ""
            let handle = try client.watch(Event.self, namespace: deployment.namespace, options: options) { event in
                guard result.isEmpty, event.type != .deleted else { return }
                let reason = event.object.reason ?? ""
                if reason == "DeploymentRollbackRevisionNotFound" || reason == "DeploymentRollbackTemplateUnchanged" {
                    result = "skipped rollback (" + (event.object.message ?? "") + ")"
                } else if reason == "DeploymentRollback" {
                    result = "rolled back"
                } else {
                    return
                }
                wakeup.wake()
            }
            defer { handle.stop() }
            let patch: JSONValue = ["spec": ["rollbackTo": ["revision": .number(.integer(revision))]]]
            _ = try client.patch(Deployment.self, namespace: deployment.namespace, name: deployment.name, mergePatch: patch)
            try await wakeup.wait()
            invocation.print(Messages.operation(kind: "deployment", name: deployment.name, result))
        }
        return 0
    }
}
