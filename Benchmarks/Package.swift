// swift-tools-version:6.3
import PackageDescription

// The benchmarks live in a package of their own so that building and testing KubeLab never
// builds the benchmark harness. Run them with `scripts/benchmark` (see the README).
let benchmark: Target.Dependency = .product(name: "Benchmark", package: "benchmark")
let benchmarkPlugin: Target.PluginUsage = .plugin(name: "BenchmarkPlugin", package: "benchmark")

let package = Package(
    name: "KubeLabBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(name: "KubeLab", path: ".."),
    ],
    targets: [
        // The learner's chapter-2 session, shared by the benchmarks that need it.
        .target(name: "Chapter2", path: "Benchmarks/Chapter2"),
        .executableTarget(
            name: "StartupBenchmarks",
            dependencies: [benchmark, "Chapter2"],
            path: "Benchmarks/StartupBenchmarks",
            plugins: [benchmarkPlugin]),
        .executableTarget(
            name: "CommandBenchmarks",
            dependencies: [benchmark, "Chapter2", .product(name: "KubeLabWorld", package: "KubeLab")],
            path: "Benchmarks/CommandBenchmarks",
            plugins: [benchmarkPlugin]),
        .executableTarget(
            name: "ReplayBenchmarks",
            dependencies: [benchmark, "Chapter2",
                           .product(name: "KubeLabWorld", package: "KubeLab"),
                           .product(name: "KubeLabTranscripts", package: "KubeLab")],
            path: "Benchmarks/ReplayBenchmarks",
            plugins: [benchmarkPlugin]),
        .executableTarget(
            name: "ClusterBenchmarks",
            dependencies: [benchmark,
                           .product(name: "KubeLabKubernetes", package: "KubeLab"),
                           .product(name: "KubeLabKubectl", package: "KubeLab"),
                           .product(name: "KubeLabEras", package: "KubeLab")],
            path: "Benchmarks/ClusterBenchmarks",
            plugins: [benchmarkPlugin]),
    ],
    swiftLanguageModes: [.v6]
)
