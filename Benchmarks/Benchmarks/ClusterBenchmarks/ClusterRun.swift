import ControlPlane
import Foundation
import KubernetesAPI
import Simulation

/// What one pass through the cluster scenario measured, with the host's clock.
struct ClusterFigures {
    var nodes = 0
    var pods = 0
    /// From creating the nodes to every pod Running.
    var scheduling: Duration = .zero
    var podsPerSecond = 0
    /// `kubectl get pods`, through kubectl's table printer, and the rows it printed.
    var listing: Duration = .zero
    var listedRows = 0
    /// A node fails: from its last heartbeat until its pods that fit elsewhere run there again.
    var failure: Duration = .zero
    var lostPods = 0
    var replacedPods = 0
    /// Replacements with no room left, Pending with the scheduler's reason.
    var unschedulablePods = 0
    var unschedulableMessage: String?
    /// Deleting the RC until every pod on a live node is gone.
    var deletion: Duration = .zero
}

/// Why a pass through the scenario stopped.
struct ClusterRunFailure: Error, CustomStringConvertible {
    var description: String
}

/// The scenario: N lightweight nodes, a ReplicationController scaled to 100·N pods, virtual time
/// advanced until every pod is Running; then `kubectl get pods`, a node failure whose pods are
/// replaced on the others, and deleting the RC until every pod is gone.
struct ClusterRun {
    static let podsPerNode = 100

    let nodes: Int
    var pods: Int { nodes * Self.podsPerNode }

    func run() throws -> ClusterFigures {
        var figures = ClusterFigures(nodes: nodes, pods: pods)
        let clock = ContinuousClock()
        let loop = EventLoop(seed: 1)
        let plane = ControlPlane(loop: loop)
        try plane.start()
        let client = plane.client()

        var start = clock.now
        let hollow = try HollowNodes(client: client, loop: loop, count: nodes)
        loop.runReady()
        let labels = ["app": "kubia"]
        let container = Container(name: "kubia", image: "luksa/kubia", ports: [ContainerPort(containerPort: 8080)])
        _ = try client.create(ReplicationController(
            metadata: ObjectMeta(name: "kubia"),
            spec: ReplicationControllerSpec(replicas: Int32(pods), selector: labels,
                                            template: PodTemplateSpec(metadata: ObjectMeta(labels: labels), spec: PodSpec(containers: [container])))))
        guard loop.run(until: { hollow.runningPods >= pods }, limit: loop.now + .seconds(3600)) else {
            throw ClusterRunFailure(description: "only \(hollow.runningPods) of \(pods) pods Running after an hour of virtual time")
        }
        figures.scheduling = clock.now - start
        figures.podsPerSecond = Int(Double(pods) / seconds(figures.scheduling))

        let kubectl = try KubectlListing(client: client, loop: loop, runtime: hollow)
        start = clock.now
        let table = kubectl.run(["kubectl", "get", "pods"])
        figures.listing = clock.now - start
        // Tearing the workstation down is not part of the listing.
        withExtendedLifetime(kubectl) {}
        figures.listedRows = table.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 } - 1
        guard figures.listedRows == pods else {
            throw ClusterRunFailure(description: "kubectl listed \(figures.listedRows) pods, expected \(pods)")
        }

        // The busiest node dies; the node controller evicts its pods and the RC replaces them
        // on the others, as far as their room (110 pods each) allows.
        start = clock.now
        guard let failed = hollow.runningByNode.max(by: { $0.value < $1.value })?.key else {
            throw ClusterRunFailure(description: "no node runs a pod")
        }
        figures.lostPods = hollow.runningByNode[failed] ?? 0
        let room = hollow.freeSlots(excluding: failed)
        let fitting = min(figures.lostPods, room)
        let unfitting = figures.lostPods - fitting
        hollow.fail(failed)
        // Its pods stay Terminating (no kubelet finishes them): count only the live nodes' pods.
        let settled = loop.run(until: {
            hollow.runningPods - (hollow.runningByNode[failed] ?? 0) >= pods - unfitting && hollow.unschedulablePods >= unfitting
        }, limit: loop.now + .seconds(1800))
        figures.failure = clock.now - start
        figures.replacedPods = hollow.runningPods - (hollow.runningByNode[failed] ?? 0) - (pods - figures.lostPods)
        figures.unschedulablePods = hollow.unschedulablePods
        figures.unschedulableMessage = hollow.lastUnschedulableMessage
        guard settled else {
            throw ClusterRunFailure(description: "\(figures.replacedPods) of the \(figures.lostPods) pods of \(failed) replaced within 30 minutes of virtual time (room for \(room))")
        }

        start = clock.now
        _ = try client.delete(ReplicationController.self, namespace: "default", name: "kubia",
                              options: DeleteOptions(propagationPolicy: .background))
        let gone = loop.run(until: { hollow.existingPods - (hollow.runningByNode[failed] ?? 0) <= 0 }, limit: loop.now + .seconds(1800))
        figures.deletion = clock.now - start
        guard gone else {
            throw ClusterRunFailure(description: "\(hollow.existingPods) pods left 30 minutes after deleting the RC")
        }
        return figures
    }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

extension Duration {
    /// Whole milliseconds, for the benchmark's custom metrics.
    var milliseconds: Int {
        Int(components.seconds * 1000) + Int(components.attoseconds / 1_000_000_000_000_000)
    }
}
