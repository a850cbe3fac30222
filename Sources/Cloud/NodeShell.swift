import Kernel

/// `minikube ssh` and `gcloud compute ssh`: a shell (or one command) on a node's machine,
/// wired to the caller's terminal.
enum NodeShell {
    static func run(on machine: Machine, user: Credentials, command: [String], context: ProgramContext) async throws -> Int32 {
        let arguments = command.isEmpty ? ["sh"] : ["sh", "-c", command.joined(separator: " ")]
        let environment = ["PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME": user.home,
                           "USER": user.userName, "TERM": context.environment["TERM"] ?? "xterm"]
        let process: SimulatedProcess
        do {
            process = try machine.start(arguments, environment: environment, workingDirectory: user.home, user: user,
                                        stdin: context.stdin, stdout: context.stdout, stderr: context.stderr, parent: context.process)
        } catch {
            context.printError("ssh: exec request failed on channel 0\n")
            return 255
        }
        return try await process.waitForExit()
    }
}
