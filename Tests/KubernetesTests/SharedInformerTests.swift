@testable import ControlPlane
@testable import KubernetesAPI
import Simulation
import Testing

struct SharedInformerTests {
    /// Every pod watch a handler stands for, in the order a client watch would deliver.
    private final class Recorder {
        var events: [String] = []
        func record(_ event: WatchEvent<Pod>) { events.append("\(event.type.rawValue) \(event.object.name)") }
    }

    @Test func oneWatchPerKindServesEveryHandler() throws {
        let loop = EventLoop(seed: 1)
        let server = APIServer(loop: loop)
        let informers = SharedInformerFactory(client: server.client(), loop: loop)
        let first = Recorder(), second = Recorder()
        try informers.pods.addEventHandler(first.record)
        try informers.pods.addEventHandler(second.record)
        #expect(informers.informer(for: Pod.self) === informers.pods)
        #expect(server.store(Pod.self).watchCount == 1)
        #expect(informers.pods.handlerCount == 2)
        _ = try server.client().create(Fixtures.pod("kubia"))
        loop.runReady()
        #expect(first.events == ["ADDED kubia"])
        #expect(second.events == ["ADDED kubia"])
    }

    @Test func listerAnswersAsTheServerDoesAtOnce() throws {
        let loop = EventLoop(seed: 1)
        let server = APIServer(loop: loop)
        let client = server.client()
        let informers = SharedInformerFactory(client: client, loop: loop)
        _ = try client.create(Fixtures.pod("b", labels: ["app": "kubia"]))
        _ = try client.create(Fixtures.pod("a", labels: ["app": "other"]))
        try informers.pods.start()
        _ = try client.create(Fixtures.pod("c", labels: ["app": "kubia"]))
        // No loop turn in between: the reflector saw the write as the server committed it.
        #expect(informers.pods.list(namespace: "default").map(\.name) == ["a", "b", "c"])
        #expect(informers.pods.list(namespace: "default", labelSelector: try Labels.Selector.parse("app=kubia")).map(\.name) == ["b", "c"])
        #expect(informers.pods.get(namespace: "default", name: "c")?.uid == (try client.get(Pod.self, namespace: "default", name: "c")).uid)
        _ = try client.delete(Pod.self, namespace: "default", name: "a", options: DeleteOptions(gracePeriodSeconds: 0))
        #expect(informers.pods.get(namespace: "default", name: "a") == nil)
        #expect(informers.pods.list(namespace: "other").isEmpty)
    }

    @Test func theByOwnerIndexFollowsControllerReferences() throws {
        let loop = EventLoop(seed: 1)
        let server = APIServer(loop: loop)
        let client = server.client()
        let informers = SharedInformerFactory(client: client, loop: loop)
        let owner = OwnerReference(apiVersion: "v1", kind: "ReplicationController", name: "kubia", uid: "uid-1", controller: true, blockOwnerDeletion: true)
        let other = OwnerReference(apiVersion: "v1", kind: "ReplicationController", name: "other", uid: "uid-2", controller: true, blockOwnerDeletion: true)
        let notController = OwnerReference(apiVersion: "v1", kind: "ReplicationController", name: "kubia", uid: "uid-1")
        for (name, references) in [("b", [owner]), ("a", [owner]), ("c", [other]), ("d", [notController])] {
            var pod = Fixtures.pod(name)
            pod.metadata.ownerReferences = references
            _ = try client.create(pod)
        }
        #expect(informers.pods.list(controlledBy: "uid-1").map(\.name) == ["a", "b"])
        _ = try client.modify(Pod.self, namespace: "default", name: "a") { (pod: inout Pod) throws(APIError) in pod.metadata.ownerReferences = [other] }
        _ = try client.delete(Pod.self, namespace: "default", name: "c", options: DeleteOptions(gracePeriodSeconds: 0))
        #expect(informers.pods.list(controlledBy: "uid-1").map(\.name) == ["b"])
        #expect(informers.pods.list(controlledBy: "uid-2").map(\.name) == ["a"])
        #expect(informers.pods.list(controlledBy: "uid-3").isEmpty)
    }

    @Test func listerStartsTheInformerWhenReadFirst() throws {
        let loop = EventLoop(seed: 1)
        let server = APIServer(loop: loop)
        let informers = SharedInformerFactory(client: server.client(), loop: loop)
        #expect(!informers.services.isRunning)
        // The `kubernetes` service exists from the start.
        #expect(informers.services.get(namespace: "default", name: "kubernetes") != nil)
        #expect(informers.services.isRunning)
    }

    /// A handler filtered to one node hears what a watch with `spec.nodeName=<node>` would:
    /// a pod bound there arrives as ADDED, and only pods of that node.
    @Test func filteredHandlersHearWhatAFilteredWatchWould() throws {
        let loop = EventLoop(seed: 1)
        let server = APIServer(loop: loop)
        let client = server.client()
        let informers = SharedInformerFactory(client: client, loop: loop)
        let viaInformer = Recorder(), viaWatch = Recorder()
        try informers.pods.addEventHandler(options: .pods(onNode: "node-1"), viaInformer.record)
        let watch = try client.watch(Pod.self, options: .pods(onNode: "node-1"), handler: viaWatch.record)
        defer { watch.stop() }
        _ = try client.create(Fixtures.pod("unbound"))
        _ = try client.create(Fixtures.pod("kubia"))
        try client.bind(pod: "kubia", namespace: "default", to: "node-1")
        try client.bind(pod: "unbound", namespace: "default", to: "node-2")
        _ = try client.delete(Pod.self, namespace: "default", name: "kubia", options: DeleteOptions(gracePeriodSeconds: 0))
        loop.runReady()
        #expect(viaInformer.events == ["ADDED kubia", "DELETED kubia"])
        #expect(viaInformer.events == viaWatch.events)
    }

    @Test func aLateHandlerStartsWithTheCachedObjects() throws {
        let loop = EventLoop(seed: 1)
        let server = APIServer(loop: loop)
        let client = server.client()
        let informers = SharedInformerFactory(client: client, loop: loop)
        try informers.pods.start()
        _ = try client.create(Fixtures.pod("b"))
        _ = try client.create(Fixtures.pod("a"))
        loop.runReady()
        let late = Recorder()
        let handle = try informers.pods.addEventHandler(late.record)
        #expect(late.events.isEmpty, "handlers are told on the loop, not while registering")
        loop.runReady()
        #expect(late.events == ["ADDED a", "ADDED b"])
        handle.stop()
        _ = try client.create(Fixtures.pod("c"))
        loop.runReady()
        #expect(late.events == ["ADDED a", "ADDED b"])
        #expect(informers.pods.handlerCount == 0)
    }

    @Test func aStoppedInformerStaysStopped() throws {
        let loop = EventLoop(seed: 1)
        let server = APIServer(loop: loop)
        let informers = SharedInformerFactory(client: server.client(), loop: loop)
        try informers.pods.start()
        informers.stop()
        #expect(!informers.pods.isRunning)
        #expect(server.store(Pod.self).watchCount == 0)
        try informers.pods.start()
        #expect(!informers.pods.isRunning)
    }

    /// The whole control plane keeps one watch per kind, however many components read it.
    @Test func aClusterWatchesEachKindOnce() throws {
        let (loop, plane, _) = try Fixtures.cluster(nodes: 0)
        _ = loop
        for kind in GarbageCollector.defaultKinds {
            #expect(watchCount(of: kind, on: plane.server) == 1, "\(kind.resource.kind)")
        }
        #expect(plane.controllers.controllers.map(\.name) == [
            "replicationcontroller", "replicaset", "deployment", "daemonset", "endpoint", "garbagecollector", "namespace", "nodelifecycle",
        ])
    }

    private func watchCount<Object: APIObject>(of type: Object.Type, on server: APIServer) -> Int {
        server.store(type).watchCount
    }
}
