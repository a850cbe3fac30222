// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "KubeLab",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .target(name: "Simulation"),
        .target(name: "StructuredData"),
        .target(name: "Machine", dependencies: ["Simulation"]),
        .target(name: "Docker", dependencies: ["Simulation", "Machine", "StructuredData",
                                                .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "DockerCLI", dependencies: ["Docker", "Machine", "Simulation", "StructuredData"]),
        .testTarget(name: "DockerTests", dependencies: ["Docker", "Machine", "Simulation", "StructuredData"]),
        .testTarget(name: "DockerCLITests", dependencies: ["DockerCLI", "Docker", "Machine", "Simulation"]),
        .testTarget(name: "MachineTests", dependencies: ["Machine"]),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation"]),
    ],
    swiftLanguageModes: [.v6]
)
