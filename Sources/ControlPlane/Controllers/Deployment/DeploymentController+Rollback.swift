import KubernetesAPI
import Formatting
import Simulation

/// Rollbacks through `spec.rollbackTo` (1.8's `rollback.go`): the template of the replica set
/// with the revision asked for (0: the one before the current) is copied into the deployment,
/// with its annotations, and the request is cleared. Events tell kubectl how it went.
extension DeploymentController {
    static let rollbackDone = "DeploymentRollback"
    static let rollbackRevisionNotFound = "DeploymentRollbackRevisionNotFound"
    static let rollbackTemplateUnchanged = "DeploymentRollbackTemplateUnchanged"

    func rollback(_ deployment: Deployment, sets: [ReplicaSet]) {
        let (deployment, newSet, oldSets) = replicaSetsAndSyncRevision(deployment, sets: sets, create: true)
        let everything = all(newSet, oldSets)
        var target = deployment.spec?.rollbackTo?.revision ?? 0
        if target == 0 {
            target = Self.lastRevision(everything)
            if target == 0 {
                recorder.record(deployment, type: Event.warning, reason: Self.rollbackRevisionNotFound, message: "Unable to find last revision.")
                clearRollback(deployment, template: nil, annotationsFrom: nil)
                return
            }
        }
        guard let set = everything.first(where: { Self.revision(of: $0) == target }) else {
            recorder.record(deployment, type: Event.warning, reason: Self.rollbackRevisionNotFound, message: "Unable to find the revision to rollback to.")
            clearRollback(deployment, template: nil, annotationsFrom: nil)
            return
        }
        let template = PodTemplateHash.stripped(set.spec?.template)
        if template == deployment.spec?.template {
            recorder.record(deployment, type: Event.warning, reason: Self.rollbackTemplateUnchanged,
                            message: "The rollback revision contains the same template as current deployment \(goQuoted(deployment.name))")
            clearRollback(deployment, template: nil, annotationsFrom: nil)
            return
        }
        if clearRollback(deployment, template: template, annotationsFrom: set) {
            recorder.record(deployment, reason: Self.rollbackDone, message: "Rolled back deployment \(goQuoted(deployment.name)) to revision \(target)")
        }
    }

    /// `LastRevision`: the second highest revision.
    static func lastRevision(_ sets: [ReplicaSet]) -> Int64 {
        var highest: Int64 = 0, second: Int64 = 0
        for set in sets {
            let value = revision(of: set)
            if value >= highest {
                second = highest
                highest = value
            } else if value > second {
                second = value
            }
        }
        return second
    }

    /// `updateDeploymentAndClearRollbackTo`, with the template and (`SetDeploymentAnnotationsTo`)
    /// the replica set's shared annotations when rolling back.
    @discardableResult
    private func clearRollback(_ deployment: Deployment, template: PodTemplateSpec?, annotationsFrom set: ReplicaSet?) -> Bool {
        let updated = try? client.modify(Deployment.self, namespace: deployment.namespace, name: deployment.name) { (current: inout Deployment) throws(APIError) in
            current.spec?.rollbackTo = nil
            if let template { current.spec?.template = template }
            if let set {
                var annotations = (current.metadata.annotations ?? [:]).filter { Self.unsharedAnnotations.contains($0.key) }
                for (key, value) in set.metadata.annotations ?? [:] where !Self.unsharedAnnotations.contains(key) { annotations[key] = value }
                current.metadata.annotations = annotations.isEmpty ? nil : annotations
            }
        }
        return updated != nil
    }
}
