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
        .target(name: "Machine", dependencies: ["Simulation"]),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation"]),
        .testTarget(name: "MachineTests", dependencies: ["Machine", "Simulation"]),
    ],
    swiftLanguageModes: [.v6]
)
