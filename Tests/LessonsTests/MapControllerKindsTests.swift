import KubernetesAPI
import StructuredData
import Testing
@testable import Lessons

/// The map's controllers come from the kind declarations: every kind that runs pods from a
/// template has a map entry, read by its declared counts.
@Suite struct MapControllerKindsTests {
    @Test func everyKindWithAPodTemplateHasAMapEntry() {
        let missing = Kinds.all.filter { $0.capabilities.contains(.podTemplate) && $0.mapEntry == nil }.map { $0.resource.kind }
        #expect(missing.isEmpty, "\(missing)")
        let ranks = Kinds.all.compactMap { $0.mapEntry?.rank }
        #expect(Set(ranks).count == ranks.count)
    }

    /// The order learners see: replication controllers, replica sets, deployments, then the rest.
    @Test func controllersKeepTheirOrderAndLabels() {
        #expect(WorldMapReader.controllerKinds.map { WorldMapReader.label(of: $0.kind) } == ["rc", "rs", "deploy", "ds", "job"])
    }

    /// What `kubectl get PLURAL -o json` answers, by command; every other command fails.
    static func reader(_ lists: [String: String]) -> WorldMapReader {
        WorldMapReader { command in
            let resource = command.split(separator: " ").dropFirst(2).first.map(String.init) ?? ""
            guard command.hasPrefix("kubectl get "), let items = lists[resource] else { return (1, "") }
            return (0, "{\"kind\":\"List\",\"items\":[\(items)]}")
        }
    }

    @Test(arguments: [
        ("replicationcontrollers", "ReplicationController", #""spec":{"replicas":3},"status":{"readyReplicas":2}"#, "rc", 2, 3),
        ("daemonsets", "DaemonSet", #""spec":{},"status":{"desiredNumberScheduled":3,"numberReady":1}"#, "ds", 1, 3),
        ("jobs", "Job", #""spec":{"completions":5},"status":{"succeeded":4}"#, "job", 4, 5),
        ("jobs", "Job", #""spec":{"completions":1},"status":{}"#, "job", 0, 1),
    ])
    func countsComeFromTheDeclaredFields(resource: String, kind: String, fields: String, label: String, ready: Int, desired: Int) {
        let pod = #"{"metadata":{"name":"web-1","ownerReferences":[{"kind":"\#(kind)","name":"web"}]},"spec":{},"status":{"phase":"Running"}}"#
        let reader = Self.reader(["nodes": "", "pods": pod, resource: #"{"metadata":{"name":"web"},\#(fields)}"#])
        let controllers = reader.read().cluster?.controllers ?? []
        #expect(controllers == [WorldMap.Controller(kind: label, name: "web", ready: ready, desired: desired, owned: ["web-1"])])
    }

    /// A deployment owns replica sets, which own pods; each row names what it owns directly.
    @Test func ownersAreReadFromPodsAndControllers() {
        let reader = Self.reader([
            "nodes": "",
            "pods": #"{"metadata":{"name":"kubia-5d-x","ownerReferences":[{"kind":"ReplicaSet","name":"kubia-5d"}]}}"#,
            "replicasets": #"{"metadata":{"name":"kubia-5d","ownerReferences":[{"kind":"Deployment","name":"kubia"}]},"spec":{"replicas":1},"status":{"readyReplicas":1}}"#,
            "deployments": #"{"metadata":{"name":"kubia"},"spec":{"replicas":1},"status":{"readyReplicas":1}}"#,
        ])
        #expect(reader.read().cluster?.controllers == [
            WorldMap.Controller(kind: "rs", name: "kubia-5d", ready: 1, desired: 1, owned: ["kubia-5d-x"]),
            WorldMap.Controller(kind: "deploy", name: "kubia", ready: 1, desired: 1, owned: ["kubia-5d"]),
        ])
    }
}
