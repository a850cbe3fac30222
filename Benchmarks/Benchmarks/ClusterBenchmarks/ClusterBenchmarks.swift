import Benchmark
import Foundation

/// Cluster scale: N lightweight nodes, a ReplicationController scaled to 100·N pods, every pod
/// Running; then `kubectl get pods`, a node failure whose pods are replaced, deleting the RC.
/// Each phase is a custom metric. Targets at 1,000 nodes / 100,000 pods: all Running in under
/// 10 s and under 2 GB; the listing under 1 s. `KUBELAB_FULL_SCALE=1` adds the 1,000 nodes.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .peakMemoryResident] + ClusterMetrics.all,
                                           maxDuration: .seconds(1), maxIterations: 1)
    var scales = [10, 100]
    if ProcessInfo.processInfo.environment["KUBELAB_FULL_SCALE"] == "1" { scales.append(1_000) }
    for nodes in scales {
        Benchmark("Cluster of \(nodes) nodes, \(nodes * ClusterRun.podsPerNode) pods: schedule, list, node failure, delete") { benchmark in
            do {
                benchmark.startMeasurement()
                let figures = try ClusterRun(nodes: nodes).run()
                benchmark.stopMeasurement()
                ClusterMetrics.report(figures, to: benchmark)
            } catch {
                benchmark.error("cluster run failed: \(error)")
            }
        }
    }
}

/// The scenario's phases as the benchmark's custom metrics.
enum ClusterMetrics {
    static let scheduling = BenchmarkMetric.custom("1 all pods Running (ms)", useScalingFactor: false)
    static let rate = BenchmarkMetric.custom("2 pods scheduled per second", polarity: .prefersLarger, useScalingFactor: false)
    static let listing = BenchmarkMetric.custom("3 kubectl get pods (ms)", useScalingFactor: false)
    static let failure = BenchmarkMetric.custom("4 node failure, pods replaced (ms)", useScalingFactor: false)
    static let replaced = BenchmarkMetric.custom("4 pods replaced after the failure", polarity: .prefersLarger, useScalingFactor: false)
    static let unschedulable = BenchmarkMetric.custom("4 replacements without room", useScalingFactor: false)
    static let deletion = BenchmarkMetric.custom("5 delete RC, all pods gone (ms)", useScalingFactor: false)
    static let all = [scheduling, rate, listing, failure, replaced, unschedulable, deletion]

    static func report(_ figures: ClusterFigures, to benchmark: Benchmark) {
        benchmark.measurement(scheduling, figures.scheduling.milliseconds)
        benchmark.measurement(rate, figures.podsPerSecond)
        benchmark.measurement(listing, figures.listing.milliseconds)
        benchmark.measurement(failure, figures.failure.milliseconds)
        benchmark.measurement(replaced, figures.replacedPods)
        benchmark.measurement(unschedulable, figures.unschedulablePods)
        benchmark.measurement(deletion, figures.deletion.milliseconds)
    }
}
