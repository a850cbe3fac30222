@testable import KubernetesAPI
import Simulation
import Testing

struct EventCorrelatorTests {
    static let source = EventSource(component: "replication-controller")
    static let rc = ObjectReference(kind: "ReplicationController", namespace: "default", name: "kubia", uid: "u-1", apiVersion: "v1")

    /// 25 events per source and object, then one more for every five minutes that pass.
    @Test func anObjectsBudgetRefillsEveryFiveMinutes() {
        var correlator = EventCorrelator()
        var now = VirtualInstant.worldEpoch
        func send(_ message: String) -> Bool {
            correlator.correlate(source: Self.source, object: Self.rc, namespace: "default", type: Event.normal, reason: "Test",
                                 message: message, at: now) != nil
        }
        #expect((0..<25).allSatisfy { _ in send("same") })
        #expect(!send("same"))
        now = now + .seconds(299)
        #expect(!send("same"))
        now = now + .seconds(1)
        #expect(send("same"))
        #expect(!send("same"))
        let other = ObjectReference(kind: "Pod", namespace: "default", name: "kubia-x", uid: "u-2", apiVersion: "v1")
        #expect(correlator.correlate(source: Self.source, object: other, namespace: "default", type: Event.normal, reason: "Test",
                                     message: "same", at: now) != nil)
    }

    /// From the tenth distinct message of one reason within ten minutes, events are combined.
    @Test func similarEventsAreCombinedFromTheTenth() {
        var correlator = EventCorrelator()
        let outcomes = (1...12).compactMap {
            correlator.correlate(source: Self.source, object: Self.rc, namespace: "default", type: Event.normal, reason: "SuccessfulCreate",
                                 message: "Created pod: kubia-\($0)", at: .worldEpoch)
        }
        #expect(outcomes.prefix(9).allSatisfy { !$0.message.hasPrefix(EventCorrelator.combinedPrefix) })
        #expect(Set(outcomes.prefix(9).map(\.key)).count == 9)
        #expect(outcomes.dropFirst(9).map(\.message) == (10...12).map { "(combined from similar events): Created pod: kubia-\($0)" })
        #expect(Set(outcomes.dropFirst(9).map(\.key)).count == 1)
    }

    /// A controller creating 30 pods reports nine of them one by one, then one combined event
    /// counting up until the controller's budget of 25 is spent.
    @Test func scalingToThirtyRecordsTenEvents() throws {
        let (loop, plane, _) = try Fixtures.cluster(nodes: 3)
        let client = plane.client()
        _ = try client.create(Fixtures.replicationController("kubia", replicas: 30))
        loop.settle { Fixtures.pods(client).filter { $0.status?.phase == .running }.count == 30 }
        let created = Fixtures.events(client, reason: "SuccessfulCreate")
        #expect(created.count == 10)
        let combined = created.filter { $0.message?.hasPrefix(EventCorrelator.combinedPrefix) == true }
        #expect(combined.count == 1)
        #expect(combined.first?.count == 16)
    }
}
