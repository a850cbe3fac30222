// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "KubeLab",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "Simulation"),
        .target(name: "StructuredData"),
        .target(name: "Machine", dependencies: ["Simulation"]),
        .testTarget(name: "MachineTests", dependencies: ["Machine"]),
        .target(name: "World", dependencies: ["Simulation", "Machine"]),
        .testTarget(name: "WorldTests", dependencies: ["World"]),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation"]),
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"]), .brew(["libedit"])]
        ),
        .target(name: "REPL", dependencies: ["CLibEdit", "World", "Machine", "Simulation"]),
        .testTarget(name: "REPLTests", dependencies: ["REPL"]),
        .target(name: "Kubernetes", dependencies: ["Simulation", "StructuredData"]),
        .testTarget(name: "KubernetesTests", dependencies: ["Kubernetes", "Simulation", "StructuredData"]),
    ],
    swiftLanguageModes: [.v6]
)
