import KubernetesAPI
import Simulation
import StructuredData

/// What kubectl 1.8 does before deleting a ReplicationController or ReplicaSet with
/// `--cascade=true` (its "reaper"): scale it to 0, wait until its controller has no pods left,
/// then delete it. Deleting the pods first is what makes a pod that never started (an image
/// that cannot be pulled) go away at once instead of being orphaned.
struct ReplicaReaper {
    let invocation: Invocation
    let client: any KubernetesClient

    /// The kinds kubectl 1.8 reaps this way.
    static let kinds: Set<String> = ["ReplicationController", "ReplicaSet"]
    /// kubectl's poll interval and base timeout (`kubectl.Interval`, `kubectl.Timeout`).
    static let interval: Duration = .milliseconds(100)
    static let baseTimeout: Duration = .seconds(300)

    /// Scales the controller to 0 and waits for it; a controller sharing its exact selector
    /// with another is not scaled (the other would fight it), as in kubectl 1.8.
    func scaleDown(_ type: ResourceType, namespace: String?, name: String) async throws {
        let object = try type.get(client, namespace, name).jsonValue
        let replicas = object["spec"]?["replicas"]?.integerValue ?? 1
        if try hasTwin(type, namespace: namespace, object: object) { return }
        let scaled = try type.patch(client, namespace, name, ["spec": ["replicas": .number(.integer(0))]]).jsonValue
        let generation = scaled["metadata"]?["generation"]?.integerValue ?? 0
        let timeout = Self.baseTimeout + .seconds(10 * Int64(replicas))
        let deadline = invocation.now + timeout
        while true {
            let current = try type.get(client, namespace, name).jsonValue
            let observed = current["status"]?["observedGeneration"]?.integerValue ?? 0
            let running = current["status"]?["replicas"]?.integerValue ?? 0
            if observed >= generation && running == 0 { return }
            guard invocation.now < deadline else {
                throw KubectlError.message("timed out waiting for \"\(name)\" to be synced")
            }
            try await invocation.context.process.sleep(for: Self.interval, skippable: true)
        }
    }

    /// Whether another controller of the kind selects exactly the same labels.
    private func hasTwin(_ type: ResourceType, namespace: String?, object: JSONValue) throws -> Bool {
        guard let selector = object["spec"]?["selector"] else { return false }
        let name = object["metadata"]?["name"]?.stringValue
        return try type.list(client, namespace, ListOptions()).contains { other in
            let json = other.jsonValue
            return json["metadata"]?["name"]?.stringValue != name && json["spec"]?["selector"] == selector
        }
    }
}
