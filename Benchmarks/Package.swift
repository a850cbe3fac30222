// swift-tools-version:6.3
import PackageDescription

// The benchmarks live in a package of their own so that building and testing KubeLab never
// builds the benchmark harness. Run them with `scripts/benchmark` (see the README).
let package = Package(
    name: "KubeLabBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "StartupBenchmarks",
            dependencies: [.product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/StartupBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
    ],
    swiftLanguageModes: [.v6]
)
