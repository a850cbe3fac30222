import ArgumentParser

/// `kubelab sandbox`: free play in the saved world, with no lesson.
struct Sandbox: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Free play: the shell and the simulated world, with no lesson.",
        discussion: "Reads commands from a terminal, or runs a script given on standard input: kubelab sandbox < script.txt")

    @OptionGroup var options: WorldOptions

    func run() throws {
        let status = try REPLLauncher(options: options).run()
        throw ExitCode(status)
    }
}
