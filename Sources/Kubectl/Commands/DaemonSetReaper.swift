import KubernetesAPI
import Simulation

/// What kubectl 1.8 does before deleting a DaemonSet with `--cascade=true` (`DaemonSetReaper`):
/// point its node selector at a label no node has, so the controller deletes every daemon pod,
/// wait until no node counts one, then delete the set. 1.8 used a random UUID for the label;
/// the set's own UID serves the same purpose and keeps runs reproducible.
struct DaemonSetReaper {
    let invocation: Invocation
    let client: any KubernetesClient

    func drain(namespace: String?, name: String) async throws {
        let set = try client.get(DaemonSet.self, namespace: namespace, name: name)
        let unmatched = set.uid.isEmpty ? "kubectl-reaper" : set.uid
        _ = try client.modify(DaemonSet.self, namespace: namespace, name: name) { (current: inout DaemonSet) throws(APIError) in
            current.spec?.template?.spec?.nodeSelector = [unmatched: unmatched]
        }
        let deadline = invocation.now + ReplicaReaper.baseTimeout
        while true {
            let status = try client.get(DaemonSet.self, namespace: namespace, name: name).status
            if (status?.currentNumberScheduled ?? 0) + (status?.numberMisscheduled ?? 0) == 0 { return }
            guard invocation.now < deadline else {
                throw KubectlError.message("timed out waiting for the condition")
            }
            try await invocation.context.process.sleep(for: ReplicaReaper.interval, skippable: true)
        }
    }
}
