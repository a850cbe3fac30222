import Docker
import Eras
import Kernel
import Simulation

/// The `docker` client program: parses the command line like the Docker CLI of its era and
/// talks to the host's engine.
public struct DockerProgram: Program {
    private let engineFinder: UncheckedSendable<(Machine) -> DockerEngine?>
    /// The client's release.
    let era: Era

    /// A client of one engine, of the engine's release.
    public init(engine: DockerEngine) {
        engineFinder = UncheckedSendable { _ in engine }
        era = engine.era
    }

    /// A client of whichever engine runs on the machine the program runs on (one program
    /// registry shared by several Docker hosts); none means no daemon is running there.
    public init(era: Era, engineOn finder: @escaping (Machine) -> DockerEngine?) {
        self.era = era
        engineFinder = UncheckedSendable(finder)
    }

    public func run(_ context: ProgramContext) async throws -> Int32 {
        guard let engine = engineFinder.value(context.machine) else {
            context.printError("Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n")
            return 1
        }
        var arguments = Array(context.arguments.dropFirst())
        while let first = arguments.first, first.hasPrefix("-") {
            if first == "--help" || first == "-h" {
                context.print(Self.overview)
                return 0
            }
            if first == "-v" || first == "--version" {
                context.print("Docker version \(era.docker.version), build \(era.docker.gitCommit)\n")
                return 0
            }
            context.printError("unknown flag: \(first)\nSee 'docker --help'.\n")
            return 125
        }
        guard let name = arguments.first else {
            context.print(Self.overview)
            return 0
        }
        arguments.removeFirst()
        guard let command = Commands.all.first(where: { $0.name == name }) else {
            context.printError("docker: '\(name)' is not a docker command.\nSee 'docker --help'\n")
            return 1
        }
        return try await Self.execute(command, arguments, context: context, engine: engine, era: era)
    }

    /// Parses `arguments` for `command`, checks their count and runs it (management commands
    /// such as `docker volume` call this again for their subcommands).
    static func execute(_ command: DockerCommand, _ arguments: [String], context: ProgramContext,
                        engine: DockerEngine, era: Era) async throws -> Int32 {
        let parsed: ParsedArguments
        do {
            parsed = try FlagParser.parse(arguments, flags: command.flags, interspersed: command.interspersed)
        } catch {
            context.printError("\(error.message)\nSee 'docker \(command.name) --help'.\n")
            return 125
        }
        if parsed.has("help") {
            context.print(Help.text(for: command))
            return 0
        }
        let count = parsed.positional.count
        if count < command.minimumArguments || (command.maximumArguments.map { count > $0 } ?? false) {
            let requirement: String
            if command.maximumArguments == 0 {
                requirement = "accepts no arguments."
            } else if command.maximumArguments == command.minimumArguments {
                requirement = "requires exactly \(command.minimumArguments) argument" + (command.minimumArguments == 1 ? "." : "s.")
            } else if count < command.minimumArguments {
                requirement = "requires at least \(command.minimumArguments) argument" + (command.minimumArguments == 1 ? "." : "s.")
            } else {
                requirement = "accepts at most \(command.maximumArguments ?? 0) argument" + (command.maximumArguments == 1 ? "." : "s.")
            }
            context.printError("\"docker \(command.name)\" \(requirement)\nSee 'docker \(command.name) --help'.\n\nUsage:  \(command.usage)\n\n\(command.summary)\n")
            return 1
        }
        let invocation = Invocation(context: context, engine: engine, era: era, command: command, arguments: parsed)
        return try await command.action(invocation)
    }

    static let overview = """

        Usage:\tdocker COMMAND

        A self-sufficient runtime for containers

        Management Commands:
          volume      Manage volumes

        Commands:
          build       Build an image from a Dockerfile
          create      Create a new container
          exec        Run a command in a running container
          history     Show the history of an image
          images      List images
          info        Display system-wide information
          inspect     Return low-level information on Docker objects
          kill        Kill one or more running containers
          login       Log in to a Docker registry
          logout      Log out from a Docker registry
          logs        Fetch the logs of a container
          ps          List containers
          pull        Pull an image or a repository from a registry
          push        Push an image or a repository to a registry
          restart     Restart one or more containers
          rm          Remove one or more containers
          rmi         Remove one or more images
          run         Run a command in a new container
          start       Start one or more stopped containers
          stop        Stop one or more running containers
          tag         Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE
          version     Show the Docker version information

        Run 'docker COMMAND --help' for more information on a command.

        """
}
