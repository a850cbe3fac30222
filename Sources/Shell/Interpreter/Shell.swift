import Kernel
import Simulation

/// The options `set` turns on and off.
public struct ShellOptions: Equatable, Sendable {
    /// `set -e`: exit when a command fails outside a condition.
    public var exitOnError = false
    /// `set -x`: print each command before running it.
    public var traceCommands = false
    /// `set -u`: expanding an unset variable is an error.
    public var failOnUnset = false
    /// `set -f`: no pathname expansion.
    public var noGlobbing = false
    /// `set -o pipefail`: a pipeline fails when any stage fails.
    public var pipeFail = false
    /// `set -C`: `>` does not overwrite an existing regular file (`>|` still does).
    public var noClobber = false

    public init() {}
}

/// How running a command stops early; caught where the construct it leaves ends.
enum ShellControl: Error {
    case breakLoop(Int)
    case continueLoop(Int)
    case returnFromFunction(Int32)
    case exit(Int32)
    /// An expansion error or Ctrl-C: abandon the current input line.
    case abortLine(Int32)
}

/// What runs in the foreground and whether Ctrl-C asked it to stop.
final class ForegroundState {
    var isInterrupted = false
    var processes: [SimulatedProcess] = []
}

/// A background job started with `&`.
struct ShellJob {
    var number: Int
    var process: SimulatedProcess
    var text: String
    var reported = false
}

/// The POSIX-style shell of every simulated machine: the learner's REPL on the workstation, and
/// `/bin/sh` and `/bin/bash` in containers. It holds the state of one shell process.
public final class Shell {
    public let machine: Machine
    /// The process this shell runs as (a login session's current line).
    public internal(set) var process: SimulatedProcess
    public var user: Credentials
    /// The name messages start with: `bash` (`bash: foo: command not found`) or `sh`.
    public var name: String
    /// Interactive shells print `exit`, job numbers and notifications, and survive errors.
    public var isInteractive: Bool

    public var variables: [String: String] = [:]
    /// The elements past 0 of indexed arrays (element 0 is in `variables`; see Arrays.swift).
    public var arrays: [String: [Int: String]] = [:]
    public var exportedNames: Set<String> = []
    /// Variables made read-only (`readonly`, `declare -r`).
    public var readonlyNames: Set<String> = []
    public var functions: [String: FunctionBody] = [:]
    public var aliases: [String: String] = [:]
    /// How commands' arguments complete, by command name (`complete`).
    public var completions: [String: CompletionSpecification] = [:]
    /// The entered command lines `history` lists; nil for a shell that keeps none.
    public var commandHistory: (any History)?
    /// Trap commands by signal short name (`TERM`) or `EXIT`.
    public var traps: [String: String] = [:]
    public var positionalParameters: [String] = []
    /// `$0`.
    public var scriptName: String
    public var options = ShellOptions()
    public internal(set) var lastStatus: Int32 = 0
    /// Set once `exit` ran (or the shell was killed): the status the shell ends with.
    public internal(set) var exitStatus: Int32?

    public var workingDirectory: String {
        didSet { variables["PWD"] = workingDirectory }
    }

    /// The streams commands get unless redirected; the REPL may swap them between lines.
    public var standardInput: any ReadableStream {
        get { io.stdin }
        set { io.inputs[0] = PushbackReader.wrapping(newValue) }
    }
    public var standardOutput: any WritableStream {
        get { io.stdout }
        set { io.outputs[1] = newValue }
    }
    public var standardError: any WritableStream {
        get { io.stderr }
        set { io.outputs[2] = newValue }
    }

    var io: ShellIO
    var shellPID: Int
    var jobs: [ShellJob] = []
    var lastBackgroundPID: Int?
    /// Saved outer values of `local` variables, one frame per function call.
    var localFrames: [[String: SavedVariable]] = []
    /// The outer values hidden by `NAME=value command` bindings while the command runs,
    /// innermost last: `unset` of such a name brings its outer value back, as bash's does.
    var temporaryFrames: [[String: (value: String?, wasExported: Bool)]] = []
    /// Nesting of array subscripts evaluated inside arithmetic.
    var subscriptDepth = 0
    var loopDepth = 0
    var functionDepth = 0
    var sourceDepth = 0
    /// Above zero while running a condition (`if`, `while`, left of `&&`): `set -e` is off there.
    var conditionDepth = 0
    var commandCount = 0
    /// Shared with in-process subshells (`( … )`, `$( … )`), so Ctrl-C reaches what they run.
    var foregroundState = ForegroundState()
    var isInterrupted: Bool {
        get { foregroundState.isInterrupted }
        set { foregroundState.isInterrupted = newValue }
    }
    var foreground: [SimulatedProcess] {
        get { foregroundState.processes }
        set { foregroundState.processes = newValue }
    }
    /// Nesting of function calls, `eval` and `source`, bounded so runaway recursion ends in an error.
    var nestingDepth = 0
    static let maximumNesting = 200
    var lastSubstitutionStatus: Int32?
    /// The line of the command running now (`$LINENO`, script error messages).
    var currentLine = 0
    /// Whether the shell runs a script file (its messages then name the file and line).
    public var runsScriptFile = false
    /// Trapped signals whose commands have yet to run.
    var pendingTraps: [Signal] = []
    /// Wakes a `wait` builtin when a trapped signal arrives.
    var trapWakeup: Wakeup?
    /// Files standing for the `<(…)` of the command running now.
    var processSubstitutionFiles: [String] = []
    /// Whether a command runs now (traps then wait for the next command boundary).
    var isBusy = false
    /// The terminal stream a session's standard input wraps, so buffered input survives lines.
    var sessionInput: (any ReadableStream)?

    /// The CPU time one command costs the simulated machine. Far more than real bash needs
    /// (about a microsecond), so that a busy loop uses its time slices in a few thousand
    /// commands: the world, Ctrl-C and an unattended run's limits then get their turn at once.
    static let commandCost: Duration = .milliseconds(1)

    /// A shell running as `context`'s process, with its environment exported and `$0` its name.
    public init(context: ProgramContext, isInteractive: Bool = false) {
        machine = context.machine
        process = context.process
        user = context.user
        name = context.programName.isEmpty ? "sh" : context.programName
        self.isInteractive = isInteractive
        scriptName = context.arguments.first ?? name
        workingDirectory = context.workingDirectory
        io = ShellIO(stdin: PushbackReader.wrapping(context.stdin), stdout: context.stdout, stderr: context.stderr)
        shellPID = context.process.pid
        variables = context.environment
        exportedNames = Set(context.environment.keys).union(["PWD"])
        variables["PWD"] = workingDirectory
        variables["PPID"] = String(context.process.parentPID)
        variables["UID"] = String(context.user.uid)
        variables["EUID"] = String(context.user.uid)
        variables["HOSTNAME"] = context.machine.hostname
        if variables["IFS"] == nil { variables["IFS"] = " \t\n" }
        if variables["HOME"] == nil { variables["HOME"] = context.user.home }
    }

    /// A shell that is not yet running as any process: a login session, bound to each line's
    /// process by `attach(to:)`.
    init(machine: Machine, user: Credentials, environment: [String: String], workingDirectory: String, name: String) {
        self.machine = machine
        // A placeholder identity until the first line attaches: never started, never listed.
        process = SimulatedProcess(pid: 0, parentPID: 0, arguments: ["-" + name], user: user, machine: machine)
        self.user = user
        self.name = name
        isInteractive = true
        scriptName = name
        self.workingDirectory = workingDirectory
        io = ShellIO(stdin: EmptyReader(), stdout: DiscardingStream(), stderr: DiscardingStream())
        shellPID = 0
        variables = environment
        exportedNames = Set(environment.keys).union(["PWD"])
        variables["PWD"] = workingDirectory
        variables["UID"] = String(user.uid)
        variables["EUID"] = String(user.uid)
        variables["HOSTNAME"] = machine.hostname
        if variables["IFS"] == nil { variables["IFS"] = " \t\n" }
        if variables["HOME"] == nil { variables["HOME"] = user.home }
    }

    /// Makes the shell run as `context`'s process with its streams: a session's next line.
    /// Traps move to the new process.
    func attach(to context: ProgramContext) {
        process = context.process
        shellPID = context.process.pid
        variables["PPID"] = String(context.process.parentPID)
        if sessionInput !== context.stdin {
            sessionInput = context.stdin
            io.inputs[0] = PushbackReader(context.stdin)
        }
        io.outputs[1] = context.stdout
        io.outputs[2] = context.stderr
        for (name, command) in traps {
            guard let signal = Signal(name: name) else { continue }
            install(command, for: signal)
        }
        if isInteractive, traps[Signal.interrupt.shortName] == nil { installInteractiveInterrupt() }
    }

    /// A subshell: a copy of `parent`'s state, running as `process`; traps are reset.
    init(subshellOf parent: Shell, process: SimulatedProcess, io: ShellIO) {
        machine = parent.machine
        self.process = process
        user = parent.user
        name = parent.name
        isInteractive = false
        scriptName = parent.scriptName
        workingDirectory = parent.workingDirectory
        self.io = io
        shellPID = parent.shellPID
        variables = parent.variables
        arrays = parent.arrays
        readonlyNames = parent.readonlyNames
        exportedNames = parent.exportedNames
        functions = parent.functions
        aliases = parent.aliases
        completions = parent.completions
        commandHistory = parent.commandHistory
        traps = parent.traps.filter { $0.value.isEmpty }
        positionalParameters = parent.positionalParameters
        options = parent.options
        lastStatus = parent.lastStatus
        localFrames = parent.localFrames
        loopDepth = parent.loopDepth
        functionDepth = parent.functionDepth
        conditionDepth = parent.conditionDepth
        commandCount = parent.commandCount
        nestingDepth = parent.nestingDepth
        runsScriptFile = parent.runsScriptFile
        currentLine = parent.currentLine
        if process === parent.process { foregroundState = parent.foregroundState }
    }

    // MARK: Entry points

    /// Parses and runs `source` (one REPL line, or several joined by newlines once
    /// `ShellParser.parse` says they are complete). Syntax errors print as bash prints them
    /// and give status 2. Returns the status, also in `$?`.
    @discardableResult
    public func execute(_ source: String) async -> Int32 {
        switch ShellParser.parse(source, aliases: aliases, isFinal: true) {
        case .complete(let script):
            return await run(script)
        case .error(let error):
            try? io.stderr.write(isInteractive ? error.interactiveText(shellName: name)
                                               : error.scriptText(shellName: name, scriptName: scriptName == name ? "-c" : scriptName))
            lastStatus = 2
            return 2
        case .incomplete:
            try? io.stderr.write("\(name): syntax error: unexpected end of file\n")
            lastStatus = 2
            return 2
        }
    }

    /// Runs a parsed script in this shell. After `exit`, `exitStatus` is set.
    @discardableResult
    public func run(_ script: Script) async -> Int32 {
        if SimulatedProcess.current !== process {
            // Run as this shell's process, so a kill of it interrupts the waits below.
            return await SimulatedProcess.$currentBox.withValue(UncheckedSendable(process)) { await run(script) }
        }
        isInterrupted = false
        let wasBusy = isBusy
        isBusy = true
        do {
            lastStatus = try await runScript(script, io: io)
            try await runPendingTraps()
        } catch {
            lastStatus = settle(error)
        }
        isBusy = wasBusy
        notifyFinishedJobs()
        return lastStatus
    }

    /// Stops what runs in the foreground, as Ctrl-C does: foreground processes get SIGINT and
    /// the interpreter abandons the current line with status 130.
    public func interrupt() {
        isInterrupted = true
        for child in foreground where child.isRunning { child.signal(.interrupt) }
    }

    /// Whether `exit` ran or the shell was killed.
    public var hasExited: Bool { exitStatus != nil }

    /// Forgets that `exit` ran, so that the session can go on (a saved world restored after
    /// the learner left with `exit`).
    public func forgetExit() {
        exitStatus = nil
    }

    /// Runs the `EXIT` trap once (when the shell ends).
    public func runExitTrap() async {
        guard let command = traps.removeValue(forKey: "EXIT"), !command.isEmpty else { return }
        let saved = lastStatus
        _ = await execute(command)
        lastStatus = saved
    }

    /// Turns an error that unwound a whole script into the status it ends with.
    func settle(_ error: any Error) -> Int32 {
        switch error {
        case ShellControl.exit(let status):
            exitStatus = status
            return status
        case ShellControl.abortLine(let status):
            if !isInteractive { exitStatus = status }
            return status
        case ShellControl.returnFromFunction(let status):
            return status
        case ShellControl.breakLoop, ShellControl.continueLoop:
            return lastStatus
        case let terminated as ProcessTerminated:
            exitStatus = terminated.status
            return terminated.status
        case is BrokenPipe:
            exitStatus = Signal.pipe.exitStatus
            return Signal.pipe.exitStatus
        default:
            return 1
        }
    }

    // MARK: Output helpers

    /// Writes to a command's output; a vanished reader ends the writer as SIGPIPE would.
    func write(_ text: String, to stream: any WritableStream) throws {
        do {
            try stream.write(text)
        } catch {
            throw BrokenPipe()
        }
    }

    /// Prints `name: message` to the standard error of `io` — in a script file, as
    /// `script.sh: line 3: message`.
    func report(_ message: String, io: ShellIO) {
        let prefix = runsScriptFile && !isInteractive ? "\(scriptName): line \(currentLine)" : name
        try? io.stderr.write(prefix.isEmpty ? message + "\n" : "\(prefix): \(message)\n")
    }

    // MARK: Variables

    /// A variable's value, or nil when unset.
    func value(of variable: String) -> String? {
        variables[variable]
    }

    func setVariable(_ variable: String, _ value: String, export: Bool = false) {
        if readonlyNames.contains(variable) {
            report("\(variable): readonly variable", io: io)
            return
        }
        variables[variable] = value
        if export { exportedNames.insert(variable) }
    }

    /// Assigns a variable, failing the command as bash does when it is read-only.
    func assignChecked(_ variable: String, _ value: String) throws {
        if readonlyNames.contains(variable) { throw fail("\(variable): readonly variable") }
        variables[variable] = value
    }

    func unsetVariable(_ variable: String) {
        variables[variable] = nil
        arrays[variable] = nil
        exportedNames.remove(variable)
    }

    /// The environment a started program gets: the exported variables.
    func exportedEnvironment() -> [String: String] {
        var environment: [String: String] = [:]
        for name in exportedNames {
            if let value = variables[name] { environment[name] = value }
        }
        return environment
    }

    /// The value of `$-`: the option letters in effect.
    var optionLetters: String {
        var letters = ""
        if options.exitOnError { letters += "e" }
        if options.noGlobbing { letters += "f" }
        letters += "h"
        if isInteractive { letters += "i" }
        if options.failOnUnset { letters += "u" }
        if options.traceCommands { letters += "x" }
        return letters + "B"
    }
}
