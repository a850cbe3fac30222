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
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"]), .brew(["libedit"])]
        ),
        .target(name: "REPL", dependencies: ["CLibEdit"]),
        .testTarget(name: "REPLTests", dependencies: ["REPL"]),
    ],
    swiftLanguageModes: [.v6]
)
