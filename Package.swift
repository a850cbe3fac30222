// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "KubeLab",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kubelab", targets: ["KubeLab"]),
        // For the benchmark package in Benchmarks/, which drives these modules in-process.
        .library(name: "KubeLabWorld", targets: ["World"]),
        .library(name: "KubeLabKubernetes", targets: ["KubernetesAPI", "ControlPlane", "NodeAgent"]),
        .library(name: "KubeLabKubectl", targets: ["Kubectl"]),
        .library(name: "KubeLabEras", targets: ["Eras"]),
        .library(name: "KubeLabTranscripts", targets: ["Transcripts"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // The simulation core and shared formats.
        .target(name: "Simulation"),
        .target(name: "StructuredData", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(name: "Formatting"),
        // Every era-dependent fact of the simulated tools, in one value (see `Era`).
        .target(name: "Eras", dependencies: ["Formatting", "StructuredData"]),
        // Go's text/template, shared by `docker --format` and `kubectl -o go-template`.
        .target(name: "GoTemplates", dependencies: ["StructuredData", "Formatting"]),

        // A simulated Linux machine, in three layers the compiler keeps apart: the kernel (files and
        // mounts, processes and signals, streams, network, the program table), the shell, and the
        // userland programs and root file systems; `Machine` assembles them.
        .target(name: "Kernel", dependencies: ["Simulation"]),
        .target(name: "Shell", dependencies: ["Kernel", "Simulation"]),
        .target(name: "Userland", dependencies: ["Kernel", "Shell", "Simulation"]),
        .target(name: "Machine", dependencies: ["Kernel", "Shell", "Userland"]),

        // What containers run besides the shell and coreutils: node.
        .target(name: "JavaScript", dependencies: ["Simulation", "Kernel"]),

        // Docker: the engine, its registries and the docker CLI.
        .target(name: "Docker", dependencies: ["Simulation", "Kernel", "Userland", "StructuredData", "Formatting", "Eras",
                                                .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "DockerCLI", dependencies: ["Docker", "Kernel", "Userland", "Simulation", "StructuredData", "Formatting", "Eras", "GoTemplates"]),

        // Kubernetes, layered as the real one: the API (types, kinds, schema, machinery, the client
        // interface and informers), the control plane, the node agent; kubectl sees only the API.
        .target(name: "KubernetesAPI", dependencies: ["Simulation", "StructuredData", "Formatting", "Kernel"], exclude: ["Kinds/README.md"]),
        .target(name: "ControlPlane", dependencies: ["KubernetesAPI", "Simulation", "StructuredData", "Formatting"], exclude: ["Controllers/README.md"]),
        .target(name: "NodeAgent", dependencies: ["KubernetesAPI", "Simulation", "StructuredData", "Formatting", "Kernel", "Docker"]),
        .target(name: "Cloud", dependencies: ["KubernetesAPI", "ControlPlane", "NodeAgent", "Docker", "Kernel", "Userland", "Simulation", "StructuredData", "Formatting", "Eras"]),
        .target(name: "Kubectl", dependencies: ["KubernetesAPI", "StructuredData", "Formatting", "GoTemplates", "Kernel", "Simulation", "Eras"]),

        // The learner's world, the REPL around it, transcripts of it.
        .target(name: "World", dependencies: ["Simulation", "Machine", "JavaScript", "Docker", "DockerCLI", "KubernetesAPI", "Kubectl", "Cloud", "Eras",
                                              .product(name: "Crypto", package: "swift-crypto")]),
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"]), .brew(["libedit"])]
        ),
        .target(name: "REPL", dependencies: ["CLibEdit", "World", "Kernel", "Simulation"]),
        .target(name: "Transcripts", dependencies: ["REPL", "World", "Kernel", "Formatting"]),
        .target(name: "Lessons", dependencies: ["REPL", "World", "Kernel", "Shell", "DockerCLI", "Formatting", "StructuredData", .product(name: "Yams", package: "Yams")]),
        .executableTarget(name: "KubeLab", dependencies: [
            "REPL", "World", "Transcripts", "Lessons",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "SimulationTests", dependencies: ["Simulation"]),
        .testTarget(name: "StructuredDataTests", dependencies: ["StructuredData"]),
        .testTarget(name: "FormattingTests", dependencies: ["Formatting"]),
        .testTarget(name: "ErasTests", dependencies: ["Eras"]),
        .testTarget(name: "KernelTests", dependencies: ["Kernel", "Simulation"]),
        .testTarget(name: "ShellTests", dependencies: ["Shell", "Kernel", "Simulation"]),
        .testTarget(name: "UserlandTests", dependencies: ["Userland", "Shell", "Kernel", "Simulation"]),
        .testTarget(name: "JavaScriptTests", dependencies: ["JavaScript", "Machine", "Simulation"]),
        .testTarget(name: "DockerTests", dependencies: ["Docker", "Machine", "Simulation", "StructuredData", "Eras", "GoTemplates"]),
        .testTarget(name: "GoTemplatesTests", dependencies: ["GoTemplates", "StructuredData"]),
        .testTarget(name: "DockerCLITests", dependencies: ["DockerCLI", "Docker", "Machine", "Simulation", "JavaScript", "Eras"]),
        .testTarget(name: "KubernetesTests", dependencies: ["KubernetesAPI", "ControlPlane", "NodeAgent", "Simulation", "StructuredData", "Machine", "Docker", "Eras"]),
        .testTarget(name: "CloudTests", dependencies: ["Cloud", "KubernetesAPI", "ControlPlane", "NodeAgent", "Docker", "DockerCLI", "Machine", "Simulation", "JavaScript", "Eras"]),
        .testTarget(name: "KubectlTests", dependencies: ["Kubectl", "KubernetesAPI", "ControlPlane", "Machine", "Simulation", "StructuredData", "Eras", "GoTemplates"]),
        .testTarget(name: "WorldTests", dependencies: ["World", "Eras", "REPL"]),
        .testTarget(name: "REPLTests", dependencies: ["REPL"]),
        .testTarget(name: "TranscriptsTests", dependencies: ["Transcripts"]),
        .testTarget(name: "LessonsTests", dependencies: ["Lessons", "REPL", "World", "Machine"]),
        // Fuzz targets, the sandbox-escape suite and the kill -9 test: issue #15's lasting defences.
        .testTarget(name: "DefencesTests", dependencies: ["World", "Transcripts", "Lessons", "REPL", "Machine", "JavaScript", "Docker", "GoTemplates",
                                                          "Kubectl", "KubernetesAPI", "ControlPlane", "StructuredData", "Simulation"]),
    ],
    swiftLanguageModes: [.v6]
)
