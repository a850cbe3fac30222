import Docker
import Eras
import Kernel

/// Puts Docker on a machine: an engine, the `docker` client binary, and the programs the
/// Hub's images need that only this module provides.
public enum DockerInstallation {
    /// Creates the engine for `machine`, registers `docker` (bound to it) and `registry` in
    /// the machine's program registry, and installs `/usr/bin/docker`.
    @discardableResult
    public static func install(on machine: Machine, hub: Registry, era: Era, bridgePrefix: String = "172.17") -> DockerEngine {
        let engine = DockerEngine(host: machine, hub: hub, era: era, bridgePrefix: bridgePrefix)
        machine.programs.register("docker", DockerProgram(engine: engine))
        DockerPrograms.register(in: machine.programs, era: era)
        installClientBinary(on: machine)
        return engine
    }

    /// The `/usr/bin/docker` file that runs the registered `docker` program.
    public static func installClientBinary(on machine: Machine) {
        try? machine.fileSystem.createDirectory("/usr/bin", intermediates: true)
        try? machine.fileSystem.setContent("/usr/bin/docker", .program(name: "docker", size: 18_330_000), mode: 0o755)
    }
}
