import Docker
import Eras
import GoTemplates
import Kernel

/// One `docker` subcommand: its usage line, flags and action.
struct DockerCommand {
    let name: String
    let usage: String
    let summary: String
    let flags: [FlagSpec]
    /// Options only before the first positional argument (run, create, exec).
    var interspersed = true
    let minimumArguments: Int
    let maximumArguments: Int?
    /// Whether the command only looks at the engine (a lesson's check may run it).
    var readsOnly = false
    let action: (Invocation) async throws -> Int32
}

/// A running `docker` command: the parsed line, the engine and the caller's streams.
final class Invocation {
    let context: ProgramContext
    let engine: DockerEngine
    /// The client's release (the daemon's is `engine.era`).
    let era: Era
    let command: DockerCommand
    let arguments: ParsedArguments

    init(context: ProgramContext, engine: DockerEngine, era: Era, command: DockerCommand, arguments: ParsedArguments) {
        self.context = context
        self.engine = engine
        self.era = era
        self.command = command
        self.arguments = arguments
    }

    func out(_ text: String) { context.print(text) }
    func err(_ text: String) { context.printError(text) }

    /// `Error response from daemon: …` on stderr; exit status 1.
    func daemonError(_ error: any Error) -> Int32 {
        err("Error response from daemon: \(error.dockerMessage)\n")
        return 1
    }

    /// The `docker run`/`create` framing of the era: `docker: <msg>.` and a help hint.
    func runError(_ message: String, status: Int32 = 125) -> Int32 {
        let text = message.hasSuffix(".") ? message : message + "."
        err("docker: \(text)\nSee 'docker \(command.name) --help'.\n")
        return status
    }
}

extension Error {
    /// The text docker prints for this error.
    var dockerMessage: String {
        if let error = self as? DockerError { return error.message }
        if let error = self as? ImageReferenceError { return error.message }
        if let error = self as? UsageError { return error.message }
        return String(describing: self)
    }

    /// How `docker inspect -f` reports a template problem.
    var templateMessage: String {
        (self as? TemplateError)?.inspectMessage ?? dockerMessage
    }

    /// The exit status `docker run` ends with for this error.
    var dockerRunExitStatus: Int32 {
        (self as? DockerError)?.runExitStatus ?? 125
    }
}
