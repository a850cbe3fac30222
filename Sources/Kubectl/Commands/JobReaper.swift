import KubernetesAPI
import Simulation
import StructuredData

/// kubectl 1.8's `JobReaper`: before a job is deleted, its parallelism goes to 0, kubectl
/// waits until none of its pods is active, and then deletes every pod the job selects
/// (finished ones too).
struct JobReaper {
    let invocation: Invocation
    let client: any KubernetesClient

    func stop(_ type: ResourceType, namespace: String?, name: String) async throws {
        guard let job = try type.get(client, namespace, name) as? Job else { return }
        let timeout = ReplicaReaper.baseTimeout + .seconds(10 * Int64(job.spec?.parallelism ?? 0))
        _ = try type.patch(client, namespace, name, ["spec": ["parallelism": .number(.integer(0))]])
        let deadline = invocation.now + timeout
        while true {
            let current = try type.get(client, namespace, name) as? Job
            if let status = current?.status, Self.hasDesiredParallelism(current?.spec, status) { break }
            if current?.status == nil { break }
            guard invocation.now < deadline else {
                throw KubectlError.message("timed out waiting for \"\(name)\" to be synced")
            }
            try await invocation.context.process.sleep(for: ReplicaReaper.interval, skippable: true)
        }
        let pods = try client.list(Pod.self, namespace: job.namespace, labelSelector: job.podSelector).items
        for pod in pods {
            // A pod already gone is fine.
            _ = try? client.delete(Pod.self, namespace: pod.namespace, name: pod.name)
        }
    }

    /// `JobHasDesiredParallelism` for a parallelism of 0.
    static func hasDesiredParallelism(_ spec: JobSpec?, _ status: JobStatus) -> Bool {
        let active = status.active ?? 0
        if active == 0 { return true }
        guard let completions = spec?.completions else { return false }
        return completions - active - (status.succeeded ?? 0) == 0
    }
}
