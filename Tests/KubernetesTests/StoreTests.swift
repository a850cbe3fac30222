@testable import ControlPlane
@testable import KubernetesAPI
import Simulation
import Testing

struct StoreTests {
    @Test func everyWriteTakesTheNextRevision() throws {
        let loop = EventLoop(seed: 1)
        let server = APIServer(loop: loop)
        let client = server.client()
        let start = server.revision
        let created = try client.create(Fixtures.pod("kubia"))
        #expect(created.metadata.resourceVersion == String(start + 1))
        var changed = created
        changed.metadata.labels = ["env": "prod"]
        let updated = try client.update(changed)
        #expect(updated.metadata.resourceVersion == String(start + 2))
        #expect(updated.metadata.uid == created.metadata.uid)
        #expect(updated.metadata.creationTimestamp == Timestamp(VirtualInstant.worldEpoch))
        #expect(updated.metadata.selfLink == "/api/v1/namespaces/default/pods/kubia")
    }

    @Test func staleUpdatesConflict() throws {
        let server = APIServer(loop: EventLoop(seed: 1))
        let client = server.client()
        let created = try client.create(Fixtures.pod("kubia"))
        var first = created
        first.metadata.labels = ["a": "1"]
        _ = try client.update(first)
        var stale = created
        stale.metadata.labels = ["a": "2"]
        let error = #expect(throws: APIError.self) { try client.update(stale) }
        #expect(error?.reason == .conflict)
        #expect(error?.message == "Operation cannot be fulfilled on pods \"kubia\": the object has been modified; please apply your changes to the latest version and try again")
    }

    @Test func errorsCarryTheServersMessages() throws {
        let server = APIServer(loop: EventLoop(seed: 1))
        let client = server.client()
        _ = try client.create(Fixtures.pod("kubia"))
        let duplicate = #expect(throws: APIError.self) { try client.create(Fixtures.pod("kubia")) }
        #expect(duplicate?.message == "pods \"kubia\" already exists")
        #expect(duplicate?.reason == .alreadyExists)
        let missing = #expect(throws: APIError.self) { try client.get(Pod.self, namespace: "default", name: "nope") }
        #expect(missing?.message == "pods \"nope\" not found")
        let noNamespace = #expect(throws: APIError.self) { try client.create(Fixtures.pod("kubia", namespace: "custom-namespace")) }
        #expect(noNamespace?.message == "namespaces \"custom-namespace\" not found")
        let deployment = #expect(throws: APIError.self) { try client.get(Deployment.self, namespace: "default", name: "kubia") }
        #expect(deployment?.message == "deployments.extensions \"kubia\" not found")
    }

    @Test func watchDeliversChangesOnTheLoopInOrder() throws {
        let loop = EventLoop(seed: 1)
        let server = APIServer(loop: loop)
        let client = server.client()
        var seen: [String] = []
        let watch = try client.watch(Pod.self, namespace: "default") { event in
            seen.append("\(event.type.rawValue) \(event.object.name) \(event.object.labels["v"] ?? "-")")
        }
        var pod = try client.create(Fixtures.pod("a"))
        pod.metadata.labels = ["v": "2"]
        _ = try client.update(pod)
        try client.delete(Pod.self, namespace: "default", name: "a")
        #expect(seen.isEmpty, "events arrive on the loop, not inside the request")
        loop.runReady()
        #expect(seen == ["ADDED a -", "MODIFIED a 2", "DELETED a 2"])
        watch.stop()
        _ = try client.create(Fixtures.pod("b"))
        loop.runReady()
        #expect(seen.count == 3)
    }

    @Test func watchResumesFromARevision() throws {
        let loop = EventLoop(seed: 1)
        let server = APIServer(loop: loop)
        let client = server.client()
        _ = try client.create(Fixtures.pod("a"))
        let list = try client.list(Pod.self, namespace: "default")
        _ = try client.create(Fixtures.pod("b"))
        var names: [String] = []
        _ = try client.watch(Pod.self, namespace: "default", options: ListOptions(resourceVersion: list.metadata.resourceVersion)) { names.append($0.object.name) }
        loop.runReady()
        #expect(names == ["b"])
        var all: [String] = []
        _ = try client.watch(Pod.self, namespace: "default") { all.append("\($0.type.rawValue) \($0.object.name)") }
        loop.runReady()
        #expect(all == ["ADDED a", "ADDED b"])
    }

    @Test func fieldSelectedWatchSeesPodsArriveAndLeave() throws {
        let loop = EventLoop(seed: 1)
        let server = APIServer(loop: loop)
        let client = server.client()
        var seen: [String] = []
        let onNode = Fields.Selector([Fields.Requirement(field: "spec.nodeName", equals: "node-1")])
        _ = try client.watch(Pod.self, namespace: nil, options: ListOptions(fieldSelector: onNode)) { seen.append("\($0.type.rawValue) \($0.object.name)") }
        _ = try client.create(Fixtures.pod("a"))
        _ = try client.create(Fixtures.pod("b"))
        try client.bind(pod: "a", namespace: "default", to: "node-1")
        try client.bind(pod: "b", namespace: "default", to: "node-2")
        _ = try client.delete(Pod.self, namespace: "default", name: "a", options: DeleteOptions(gracePeriodSeconds: 0))
        loop.runReady()
        #expect(seen == ["ADDED a", "DELETED a"])
        let bound = try client.get(Pod.self, namespace: "default", name: "b")
        #expect(bound.status?.condition(PodCondition.podScheduled)?.status == .true)
        let again = #expect(throws: APIError.self) { try client.bind(pod: "b", namespace: "default", to: "node-3") }
        #expect(again?.message == "Operation cannot be fulfilled on pods/binding \"b\": pod b is already assigned to node \"node-2\"")
    }

    @Test func listsFilterByLabelsAndFields() throws {
        let server = APIServer(loop: EventLoop(seed: 1))
        let client = server.client()
        _ = try client.create(Fixtures.pod("c", labels: ["app": "kubia", "env": "prod"]))
        _ = try client.create(Fixtures.pod("a", labels: ["app": "kubia"]))
        _ = try client.create(Fixtures.pod("b", labels: ["app": "other"]))
        let kubia = try client.list(Pod.self, namespace: "default", labelSelector: try Labels.Selector.parse("app=kubia"))
        #expect(kubia.items.map(\.name) == ["a", "c"])
        let notProd = try client.list(Pod.self, namespace: "default", labelSelector: try Labels.Selector.parse("app=kubia,env!=prod"))
        #expect(notProd.items.map(\.name) == ["a"])
        let named = try client.list(Pod.self, namespace: nil, fieldSelector: try Fields.Selector.parse("metadata.name=b"))
        #expect(named.items.map(\.name) == ["b"])
        let pending = try client.list(Pod.self, fieldSelector: try Fields.Selector.parse("status.phase=Pending"))
        #expect(pending.items.count == 3)
        #expect(pending.kind == "PodList")
        let bad = #expect(throws: APIError.self) { try client.list(Pod.self, fieldSelector: try Fields.Selector.parse("spec.foo=bar")) }
        #expect(bad?.message == "field label not supported: spec.foo")
    }

    @Test func mergePatchChangesLabels() throws {
        let server = APIServer(loop: EventLoop(seed: 1))
        let client = server.client()
        _ = try client.create(Fixtures.pod("kubia", labels: ["app": "kubia", "env": "debug"]))
        let patched = try client.patch(Pod.self, namespace: "default", name: "kubia", mergePatch: ["metadata": ["labels": ["env": "prod", "app": nil]]])
        #expect(patched.labels == ["env": "prod"])
    }

    @Test func bootstrapHasSystemObjects() throws {
        let server = APIServer(loop: EventLoop(seed: 1))
        let client = server.client()
        #expect(try client.list(Namespace.self).items.map(\.name) == ["default", "kube-public", "kube-system"])
        let kubernetes = try client.get(Service.self, namespace: "default", name: "kubernetes")
        #expect(kubernetes.spec?.clusterIP == "10.96.0.1")
        #expect(try client.list(ComponentStatus.self).items.map(\.name) == ["controller-manager", "etcd-0", "scheduler"])
        let forbidden = #expect(throws: APIError.self) { try client.delete(Namespace.self, namespace: nil, name: "default") }
        #expect(forbidden?.reason == .forbidden)
    }
}

struct EventExpiryTests {
    @Test func eventsExpireAnHourAfterTheirLastWrite() throws {
        let loop = EventLoop(seed: 1)
        let server = APIServer(loop: loop)
        let client = server.client()
        let pod = try client.create(Fixtures.pod("kubia"))
        let recorder = EventRecorder(client: client, loop: loop, component: "test")
        recorder.record(pod, reason: "Tested", message: "once")
        loop.advance(by: .seconds(1800))
        recorder.record(pod, reason: "Tested", message: "once")
        let events = try client.list(Event.self, namespace: "default").items
        #expect(events.count == 1 && events.first?.count == 2)
        loop.advance(by: .seconds(1801))
        #expect(try client.list(Event.self, namespace: "default").items.count == 1, "the repeat renewed it")
        loop.advance(by: .seconds(1800))
        #expect(try client.list(Event.self, namespace: "default").items.isEmpty)
    }
}

struct DiscoveryTests {
    @Test(arguments: [
        ("po", "Pod"), ("pods", "Pod"), ("Pod", "Pod"), ("rc", "ReplicationController"), ("svc", "Service"),
        ("deploy", "Deployment"), ("deployments.apps", "Deployment"), ("deployments.extensions", "Deployment"),
        ("rs", "ReplicaSet"), ("ep", "Endpoints"), ("ns", "Namespace"), ("no", "Node"), ("cs", "ComponentStatus"), ("ev", "Event"),
    ])
    func resolvesResourceNames(text: String, kind: String) {
        #expect(Kinds.declaration(forResource: text)?.resource.kind == kind)
    }

    @Test(arguments: ["foo", "pods.apps", "deployments.batch"])
    func unknownNamesResolveToNothing(text: String) {
        #expect(Kinds.declaration(forResource: text) == nil)
    }
}
