import Benchmark
import Foundation
import Kubernetes
import Simulation

/// Cluster scale: N nodes, a ReplicationController scaled to 100·N pods, virtual time advanced
/// until every pod is Running; then listing every pod, a node failure whose ~100 pods are
/// rescheduled, and deleting the RC until every pod is gone. Each phase is a custom metric (ms).
/// Targets at 1,000 nodes / 100,000 pods: all Running in under 10 s and under 2 GB; listing the
/// pods under 1 s. The full scale runs when `KUBELAB_FULL_SCALE=1` (it takes minutes).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .peakMemoryResident] + ClusterRun.metrics,
                                           maxDuration: .seconds(1), maxIterations: 1)
    var scales = [10, 100]
    if ProcessInfo.processInfo.environment["KUBELAB_FULL_SCALE"] == "1" { scales.append(1_000) }
    for nodes in scales {
        Benchmark("Cluster of \(nodes) nodes, \(nodes * 100) pods: schedule, list, node failure, delete") { benchmark in
            do {
                try ClusterRun(nodes: nodes).run(benchmark)
            } catch {
                benchmark.error("cluster run failed: \(error)")
            }
        }
    }
}

/// One pass through the scenario, timing each phase with the host's clock.
struct ClusterRun {
    static let scheduling = BenchmarkMetric.custom("1 all pods Running (ms)", useScalingFactor: false)
    static let rate = BenchmarkMetric.custom("2 pods scheduled per second", polarity: .prefersLarger, useScalingFactor: false)
    static let listing = BenchmarkMetric.custom("3 list every pod (ms)", useScalingFactor: false)
    static let failure = BenchmarkMetric.custom("4 node failure, pods replaced (ms)", useScalingFactor: false)
    static let deletion = BenchmarkMetric.custom("5 delete RC, all pods gone (ms)", useScalingFactor: false)
    static let metrics = [scheduling, rate, listing, failure, deletion]

    let nodes: Int
    var pods: Int { nodes * 100 }

    func run(_ benchmark: Benchmark) throws {
        let clock = ContinuousClock()
        let loop = EventLoop(seed: 1)
        let plane = ControlPlane(loop: loop)
        try plane.start()
        let client = plane.client()

        benchmark.startMeasurement()
        var start = clock.now
        let hollow = try HollowNodes(client: client, loop: loop, count: nodes)
        loop.runReady()
        let labels = ["app": "kubia"]
        let container = Container(name: "kubia", image: "luksa/kubia", ports: [ContainerPort(containerPort: 8080)])
        _ = try client.create(ReplicationController(
            metadata: ObjectMeta(name: "kubia"),
            spec: ReplicationControllerSpec(replicas: pods, selector: labels,
                                            template: PodTemplateSpec(metadata: ObjectMeta(labels: labels), spec: PodSpec(containers: [container])))))
        let allRunning = loop.run(until: { hollow.runningPods >= pods }, limit: loop.now + .seconds(3600))
        let scheduled = clock.now - start
        guard allRunning else {
            benchmark.error("only \(hollow.runningPods) of \(pods) pods Running after an hour of virtual time")
            return
        }
        benchmark.measurement(Self.scheduling, milliseconds(scheduled))
        benchmark.measurement(Self.rate, Int(Double(pods) / seconds(scheduled)))

        start = clock.now
        let listed = try client.list(Pod.self, namespace: "default").items.count
        benchmark.measurement(Self.listing, milliseconds(clock.now - start))
        guard listed == pods else {
            benchmark.error("listed \(listed) pods, expected \(pods)")
            return
        }

        // The busiest node dies; the node controller evicts its pods and the RC replaces them.
        start = clock.now
        guard let failed = hollow.runningByNode.max(by: { $0.value < $1.value })?.key else { return }
        let lost = hollow.runningByNode[failed] ?? 0
        hollow.fail(failed)
        // Its pods stay Terminating (no kubelet finishes them): count only the live nodes' pods.
        let replaced = loop.run(until: { hollow.runningPods - (hollow.runningByNode[failed] ?? 0) >= pods },
                                limit: loop.now + .seconds(1800))
        benchmark.measurement(Self.failure, milliseconds(clock.now - start))
        guard replaced else {
            benchmark.error("the \(lost) pods of \(failed) were not replaced within 30 minutes of virtual time")
            return
        }

        start = clock.now
        _ = try client.delete(ReplicationController.self, namespace: "default", name: "kubia",
                              options: DeleteOptions(propagationPolicy: .background))
        let gone = loop.run(until: { hollow.existingPods - (hollow.runningByNode[failed] ?? 0) <= 0 }, limit: loop.now + .seconds(1800))
        benchmark.measurement(Self.deletion, milliseconds(clock.now - start))
        benchmark.stopMeasurement()
        if !gone { benchmark.error("\(hollow.existingPods) pods left 30 minutes after deleting the RC") }
    }

    private func milliseconds(_ duration: Duration) -> Int { Int(seconds(duration) * 1000) }
    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
