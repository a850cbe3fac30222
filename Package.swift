// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "KubeLab",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .target(name: "Simulation"),
        .target(name: "StructuredData", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(name: "Formatting"),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation"]),
        .testTarget(name: "StructuredDataTests", dependencies: ["StructuredData"]),
        .testTarget(name: "FormattingTests", dependencies: ["Formatting"]),
    ],
    swiftLanguageModes: [.v6]
)
