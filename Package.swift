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
        .target(name: "Docker", dependencies: ["Simulation", "StructuredData"]),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation"]),
        .testTarget(name: "DockerTests", dependencies: ["Docker", "Simulation", "StructuredData"]),
    ],
    swiftLanguageModes: [.v6]
)
