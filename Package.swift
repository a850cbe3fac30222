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
        .testTarget(name: "SimulationTests", dependencies: ["Simulation"]),
        .target(name: "JavaScript", dependencies: ["Simulation"]),
        .testTarget(name: "JavaScriptTests", dependencies: ["JavaScript", "Simulation"]),
    ],
    swiftLanguageModes: [.v6]
)
