import Kernel

/// `sudo COMMAND…` on a cluster node, where the login user may run anything as root without a
/// password (GKE's `google-sudoers`, minikube's `docker` user). Options are not supported.
struct SudoProgram: Program {
    /// The name nodes' `/usr/bin/sudo` runs by.
    static let programName = "node-sudo"
    static let securePath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

    func run(_ context: ProgramContext) async throws -> Int32 {
        var arguments = Array(context.arguments.dropFirst())
        if arguments.first == "--" { arguments.removeFirst() }
        guard let command = arguments.first, !command.hasPrefix("-") else {
            context.printError("""
                usage: sudo -h | -K | -k | -V
                usage: sudo -v [-AknS] [-g group] [-h host] [-p prompt] [-u user]
                usage: sudo -l [-AknS] [-g group] [-h host] [-p prompt] [-U user] [-u user] [command]
                usage: sudo [-AbEHknPS] [-C num] [-g group] [-h host] [-p prompt] [-u user] [VAR=value] [-i|-s] [<command>]
                usage: sudo -e [-AknS] [-C num] [-g group] [-h host] [-p prompt] [-u user] file ...

                """)
            return 1
        }
        var environment = context.environment
        environment["PATH"] = Self.securePath
        environment["HOME"] = Credentials.root.home
        environment["USER"] = "root"
        environment["LOGNAME"] = "root"
        environment["SUDO_USER"] = context.user.userName
        let process: SimulatedProcess
        do {
            process = try context.machine.start(arguments, environment: environment, workingDirectory: context.workingDirectory, user: .root,
                                                stdin: context.stdin, stdout: context.stdout, stderr: context.stderr, parent: context.process)
        } catch {
            context.printError("sudo: \(command): command not found\n")
            return 1
        }
        return try await process.waitForExit()
    }
}
