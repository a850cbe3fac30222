import Machine
import Simulation

/// The whole simulated world a learner works in: the event loop and its clock, the network, and
/// the workstation whose shell runs the learner's command lines (Docker and clusters join as
/// programs and machines on it).
///
/// A world is a pure function of its seed and its journal: `replay(_:)` rebuilds it exactly.
public final class World {
    public let seed: UInt64
    public let loop: EventLoop
    public let network: Network
    public let programs: ProgramRegistry
    public let workstation: Machine
    public let learner: Credentials
    public let shell: any LoginShell
    public let terminalInput = TerminalInput()
    public let terminalOutput: TerminalOutput
    /// Receives what commands print; replaceable so a replay can run silently.
    public var outputSink: ([UInt8]) -> Void

    /// How long a command that neither ends nor asks for input may run unattended (in a script
    /// or a replay) before it is interrupted, like a watch a learner stops with Ctrl-C. Five
    /// minutes: long enough for the slowest real command of the book (`gcloud container clusters
    /// create` takes about three).
    public static let unattendedLimit: Duration = .seconds(300)

    /// How much CPU time a command line (with everything it started) may use unattended before
    /// it is stopped: a busy loop (`while true; do :; done`, `yes`) left running in a script, a
    /// replay or a lesson check. Far below `unattendedLimit`, because computing costs real time
    /// where waiting does not; far above what any command of the book needs.
    public static let unattendedCPULimit: Duration = .seconds(30)

    /// The most output of a silent run (a lesson's check) kept.
    public static let silentOutputLimit = 1 << 20

    private var foreground: CommandExecution?
    /// Opens the learner's real editor on a file's text and returns what was saved (nil when
    /// no editor could run). Set by a live session; replays answer from the journal instead.
    public var editorHost: ((_ fileName: String, _ contents: [UInt8]) -> [UInt8]?)?
    /// Completions of a command's arguments, by command name (`kubectl` offers its resources
    /// and objects): given the words before the current one and its prefix.
    public var argumentCompletions: [String: (_ words: [String], _ prefix: String) -> [String]] = [:]
    /// Editor results of the command being replayed, in order.
    var recordedEdits: [[UInt8]] = []

    /// Lets the learner edit `contents` (named `fileName`) in their own editor; nil when there
    /// is no editor to run. Recorded in the journal like typed input.
    public func edit(fileName: String, contents: [UInt8]) -> [UInt8]? {
        if !recordedEdits.isEmpty { return recordedEdits.removeFirst() }
        guard let editorHost, let result = editorHost(fileName, contents) else { return nil }
        foreground?.recordEdit(result)
        return result
    }

    public init(seed: UInt64, setup: WorkstationSetup, outputSink: @escaping ([UInt8]) -> Void = { _ in }) throws {
        self.seed = seed
        self.outputSink = outputSink
        let loop = EventLoop(seed: seed)
        self.loop = loop
        self.network = Network()
        self.programs = ProgramRegistry()
        self.learner = setup.learner
        let fileSystem = FileSystem(root: setup.rootFileSystem)
        self.workstation = Machine(hostname: setup.hostname, loop: loop, fileSystem: fileSystem, programs: programs, network: network)
        var forward: ([UInt8]) -> Void = { _ in }
        self.terminalOutput = TerminalOutput { bytes in forward(bytes) }
        setup.registerPrograms(programs)
        self.shell = setup.makeShell(workstation)
        forward = { [unowned self] bytes in self.outputSink(bytes) }
        try setup.finish(self)
    }

    // MARK: Running commands

    /// Starts `line` in the learner's shell. Drive the returned execution until it finishes.
    public func begin(_ line: String) -> CommandExecution {
        let program = shell.program(forLine: line)
        let process = workstation.launch(program, arguments: ["-bash"], environment: [:], workingDirectory: shell.workingDirectory,
                                         user: learner, stdin: terminalInput, stdout: terminalOutput, stderr: terminalOutput)
        process.terminal = "pts/0"
        process.cpuAccount = CPUAccount()
        let execution = CommandExecution(line: line, process: process, world: self)
        foreground = execution
        loop.runReady()
        return execution
    }

    /// Runs `line` to its end without a person at the keyboard: input reads see end of file and
    /// a command still running after `unattendedLimit` is interrupted. Returns the exit status.
    @discardableResult
    public func runUnattended(_ line: String) -> Int32 {
        // Only a command the learner typed may open their editor: a lesson's setup, checks and
        // solutions run here, unasked, and must never start a host program.
        let editor = editorHost
        editorHost = nil
        defer { editorHost = editor }
        let execution = begin(line)
        execution.cpuLimit = Self.unattendedCPULimit
        var limit = loop.now + Self.unattendedLimit
        while true {
            switch execution.run(until: limit) {
            case .finished: return execution.exitStatus ?? 0
            case .awaitingInput: execution.endInput()
            case .timeLimit:
                // A tool still working (a cluster being created) is not a watch left running.
                if let end = execution.skippableWaitEnd {
                    limit = max(limit, end)
                    continue
                }
                execution.stop()
                return execution.exitStatus ?? 130
            case .cpuLimit:
                execution.stop()
                return execution.exitStatus ?? 130
            }
        }
    }

    /// Runs `line` unattended with its output captured instead of shown: a lesson's check.
    public func runSilently(_ line: String) -> (status: Int32, output: String) {
        let shown = outputSink
        var captured: [UInt8] = []
        // Bounded: a check that runs `yes` must not fill memory.
        outputSink = { captured += $0.prefix(max(0, Self.silentOutputLimit - captured.count)) }
        defer { outputSink = shown }
        let status = runUnattended(line)
        return (status, String(decoding: captured, as: UTF8.self))
    }

    /// Ctrl-C: SIGINT to the command's process. The shell running the line passes it on to
    /// what runs in the foreground, and leaves background jobs (`&`) alone, as bash does.
    func interruptForeground(of execution: CommandExecution) {
        execution.process.signal(.interrupt)
    }

    /// SIGKILL to every process of the command line (a stop that Ctrl-C did not achieve).
    /// The session goes on: only the line was killed, not the login shell.
    func kill(_ execution: CommandExecution) {
        let hadExited = shell.exitRequest != nil
        if let account = execution.process.cpuAccount {
            for process in workstation.processes.all where process.cpuAccount === account {
                process.signal(.kill)
            }
        } else {
            execution.process.signal(.kill)
        }
        loop.runReady()
        if !hadExited { shell.forgetExitRequest() }
    }

    // MARK: Journal

    /// Applies one journal entry (while replaying a saved world).
    public func apply(_ entry: JournalEntry) {
        switch entry.event {
        case .advance(let nanoseconds):
            loop.advance(by: .nanoseconds(nanoseconds))
        case .command(let line, let inputs, let nanoseconds):
            // Set before the line starts: `edit` may ask for its result at once.
            recordedEdits = inputs.filter { $0.kind == .editorResult }.map { Array($0.text.utf8) }
            let execution = begin(line)
            execution.replay(inputs, duration: .nanoseconds(nanoseconds))
        case .silentCommand(let line):
            _ = runSilently(line)
        case .workspaceEdit(let path, let contents):
            WorkspaceMirror.apply(path: path, contents: contents.map { [UInt8]($0) }, to: workstation.fileSystem,
                                  home: learner.home, owner: learner)
        case .freshWorld:
            // A world cannot replace itself: replays start after the last one (`JournalSegment`).
            break
        }
    }
}

/// The learner's shell session on the workstation: variables, aliases and the working directory
/// live on from one command line to the next.
public protocol LoginShell: AnyObject {
    /// A program that runs `line` in this session. Each line runs as its own process, so Ctrl-C
    /// ends that line and not the session.
    func program(forLine line: String) -> any Program
    /// The directory the next line starts in.
    var workingDirectory: String { get }
    /// Whether `source` is a whole command yet; false while a quote, a here-document, a
    /// trailing `|` or backslash, or a compound command is still open (the REPL then reads more).
    func isComplete(_ source: String) -> Bool
    /// Set when the learner ran `exit`: the status the session ends with.
    var exitRequest: Int32? { get }
    /// The names the shell runs without a file (builtins, functions, aliases), for completion.
    var builtinNames: [String] { get }
    /// The command an alias stands for (`k` → `kubectl` after `alias k=kubectl`), if `name` is one.
    func aliasTarget(of name: String) -> String?
    /// The primary prompt, expanded (`PS1`).
    var prompt: String { get }
    /// The prompt for the lines that continue a command (`PS2`).
    var continuationPrompt: String { get }
    /// Clears `exitRequest`: a restored world's session goes on after the `exit` it was left with.
    func forgetExitRequest()
    /// The learner's entered lines, which `history` lists and edits; nil while a saved world
    /// replays (its `history -c` must not clear today's list).
    var commandHistory: (any CommandHistory)? { get set }
}

/// The list of entered command lines a login shell's `history` works on.
public typealias CommandHistory = Shell.History

extension LoginShell {
    public func aliasTarget(of name: String) -> String? { nil }
    public func forgetExitRequest() {}
    public var commandHistory: (any CommandHistory)? {
        get { nil }
        set {}
    }
}

/// How a workstation is put together: its files, programs and login shell, and what else joins
/// the world (Docker, clusters).
public struct WorkstationSetup {
    public var hostname: String
    public var learner: Credentials
    public var rootFileSystem: Directory
    public var registerPrograms: (ProgramRegistry) -> Void
    public var makeShell: (Machine) -> any LoginShell
    /// Runs once the world exists, to attach engines and clusters to it.
    public var finish: (World) throws -> Void

    public init(hostname: String, learner: Credentials, rootFileSystem: Directory, registerPrograms: @escaping (ProgramRegistry) -> Void,
                makeShell: @escaping (Machine) -> any LoginShell, finish: @escaping (World) throws -> Void = { _ in }) {
        self.hostname = hostname
        self.learner = learner
        self.rootFileSystem = rootFileSystem
        self.registerPrograms = registerPrograms
        self.makeShell = makeShell
        self.finish = finish
    }
}
