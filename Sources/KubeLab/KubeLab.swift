import ArgumentParser

/// The `kubelab` executable: learn Kubernetes in Action hands-on, in a simulated world.
///
/// Every command names itself (`commandName`): deriving a name from the type's name costs
/// start-up a search of the runtime's conformance tables per command.
@main
struct KubeLab: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "kubelab",
        abstract: "Learn Kubernetes hands-on: a simulated workstation with docker, kubectl, curl, minikube and gcloud.",
        discussion: """
            With no subcommand, KubeLab opens its shell and resumes the world where you left it.
            Everything you do is saved in the state directory (see --home) after every command.

            Options of kubelab itself (and of sandbox; reset and progress take --home):
              --home <dir>            The state directory (also KUBELAB_HOME).
              --seed <n>              The seed a new world is made with; names, IDs and IPs derive from it.
              --lessons <dir>         The folder of lesson files (also KUBELAB_LESSONS): try lessons you write.
            """,
        version: version,
        subcommands: [Resume.self, Sandbox.self, Record.self, Replay.self, LessonCommand.self, ProgressCommand.self, Reset.self],
        defaultSubcommand: Resume.self)
}

/// Options every world-opening command shares.
struct WorldOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The state directory (also KUBELAB_HOME).", valueName: "dir"))
    var home: String?

    @Option(name: .long, help: ArgumentHelp("The seed a new world is made with; names, IDs and IPs derive from it.", valueName: "n"))
    var seed: UInt64?

    @Option(name: .long, help: ArgumentHelp("The folder of lesson files (also KUBELAB_LESSONS).", valueName: "dir"))
    var lessons: String?
}
