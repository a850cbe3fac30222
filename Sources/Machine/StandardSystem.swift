// The simulated Linux machine as one import: its kernel, its shell and its userland. Modules
// that need only a layer import that layer (`Kernel`, `Shell`, `Userland`); this one is for
// code that assembles whole machines, like the learner's workstation.
@_exported import Kernel
@_exported import Shell
@_exported import Userland

/// Registers what a full Linux system's binaries run: bash and sh, the GNU coreutils (with
/// BusyBox and the container extras), and the network tools and servers.
public func registerStandardPrograms(in registry: ProgramRegistry) {
    registerCoreutils(in: registry)
    registerNetworkTools(in: registry)
    registry.register("bash", ShellProgram())
    registry.register("sh", ShellProgram())
}
