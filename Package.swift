// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "KubeLab",
    platforms: [.macOS(.v15)],
    dependencies: [
    ],
    targets: [
        .target(name: "Simulation"),
        .target(name: "StructuredData"),
        .target(name: "Kubernetes", dependencies: ["StructuredData"]),
        .target(name: "Kubectl", dependencies: ["Kubernetes", "StructuredData"]),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation"]),
        .testTarget(name: "KubernetesTests", dependencies: ["Kubernetes", "StructuredData"]),
        .testTarget(name: "KubectlTests", dependencies: ["Kubectl", "Kubernetes", "StructuredData"]),
    ],
    swiftLanguageModes: [.v6]
)
