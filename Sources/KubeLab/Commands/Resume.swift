import ArgumentParser

/// `kubelab`: opens the REPL in the saved world.
struct Resume: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Open KubeLab where you left off (the default).",
        shouldDisplay: false)

    @OptionGroup var options: WorldOptions

    func run() throws {
        let status = try REPLLauncher(options: options, withCourse: true).run()
        throw ExitCode(status)
    }
}
