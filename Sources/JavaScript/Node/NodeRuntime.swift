import Kernel
import Simulation

/// One running node process: the interpreter, the built-in modules bound to the machine, and
/// the bookkeeping that keeps the process alive while servers, timers or requests are pending.
final class NodeRuntime {
    let context: ProgramContext
    let interpreter: Interpreter
    let serviceRecords: ((Machine, String) -> [ServiceRecord]?)?
    var machine: Machine { context.machine }
    var loop: EventLoop { context.machine.loop }

    /// Open handles (timers, servers, requests, pending callbacks) that keep the process alive.
    private(set) var pendingHandles = 0
    private(set) var finished = false
    private var exitStatus: Int32 = 0
    private let done = Wakeup()
    private var nextTicks: [(JSObject, [JSValue])] = []
    var timers: [Int: TimerID] = [:]
    var nextTimerNumber = 1
    private var rejectionCount = 0
    var immediateInstant = VirtualInstant(nanosecondsSinceEpoch: 0)
    var immediatesAtInstant = 0

    lazy var emitterPrototype = interpreter.makeEmitterPrototype()
    var processObject: JSObject?
    var builtinModules: [String: JSValue] = [:]

    static let timerFrames = ["ontimeout (timers.js:386:14)", "tryOnTimeout (timers.js:250:5)", "Timer.listOnTimeout (timers.js:214:5)"]
    static let httpFrames = ["emitTwo (events.js:106:13)", "Server.emit (events.js:194:7)",
                             "HTTPParser.parserOnIncoming [as onIncoming] (_http_server.js:563:12)",
                             "HTTPParser.parserOnHeadersComplete (_http_common.js:99:23)"]
    static let tickFrames = ["_combinedTickCallback (internal/process/next_tick.js:73:7)", "process._tickCallback (internal/process/next_tick.js:104:9)"]

    init(context: ProgramContext, stepLimit: Int, serviceRecords: ((Machine, String) -> [ServiceRecord]?)?) {
        self.context = context
        self.serviceRecords = serviceRecords
        interpreter = Interpreter(stepLimit: stepLimit)
        interpreter.standardOutput = { [unowned context] text in context.print(text) }
        interpreter.standardError = { [unowned context] text in context.printError(text) }
        let loop = context.machine.loop
        interpreter.currentTime = { Double(loop.now.nanosecondsSinceEpoch) / 1_000_000 }
        var random = loop.random.split()
        interpreter.randomSource = { Double(random.next() >> 11) / Double(1 << 53) }
        interpreter.mainDirectory = context.workingDirectory
        let fileSystem = context.machine.fileSystem
        let user = context.user
        interpreter.fileReader = { path in
            guard !fileSystem.isDirectory(path), let bytes = try? fileSystem.readFile(path, as: user) else { return nil }
            return String(decoding: bytes, as: UTF8.self)
        }
        interpreter.moduleResolver = { [unowned self] name in self.builtinModule(name) }
        installGlobals()
    }

    // MARK: Running

    /// Runs the main script, then the event loop until nothing is pending or the process exits.
    func run(source: String, fileName: String, scriptArguments: [String], isEval: Bool) async throws -> Int32 {
        installProcess(scriptPath: isEval ? nil : fileName, scriptArguments: scriptArguments)
        turn(frames: isEval ? NodeErrorReport.evalFrames : NodeErrorReport.mainModuleFrames) {
            do {
                if isEval {
                    _ = try interpreter.evaluate(source, fileName: fileName)
                } else {
                    try interpreter.runModule(source: source, fileName: fileName)
                }
            } catch let error as ScriptSyntaxError {
                context.printError(NodeErrorReport.syntaxError(error))
                throw ScriptAbort.exit(1)
            }
        }
        if !finished && pendingHandles == 0 {
            let status = exitCodeProperty()
            emitExit(status)
            finish(status)
        }
        if !finished {
            do {
                try await done.wait()
            } catch let terminated as ProcessTerminated {
                stopEverything()
                throw terminated
            }
        }
        return exitStatus
    }

    /// Runs one callback turn: a fresh step budget, node's handling of what escapes it, then
    /// `process.nextTick` callbacks, then the check whether anything is left to wait for.
    func turn(frames: [String] = [], _ body: () throws -> Void) {
        guard !finished, context.process.isRunning else { return }
        interpreter.resetBudget()
        interpreter.hostFrames = frames
        do {
            try body()
            try runNextTicks()
        } catch let thrown as JSThrow {
            handleUncaught(thrown)
        } catch ScriptAbort.exit(let status) {
            emitExit(status)
            finish(status)
        } catch ScriptAbort.budgetExceeded(let steps) {
            context.printError("node: killed: the script ran \(steps) steps without returning to the event loop (an endless loop?)\n")
            finish(Signal.kill.exitStatus)
            context.process.terminate(status: Signal.kill.exitStatus, by: .kill)
        } catch {
            finish(1)
        }
        checkIdle()
    }

    /// process.nextTick callbacks, then promise jobs, until both queues are empty.
    private func runNextTicks() throws {
        var rounds = 0
        while !nextTicks.isEmpty || !interpreter.pendingJobs.isEmpty {
            if nextTicks.isEmpty {
                try interpreter.runPendingJobs()
                rounds += 1
                continue
            }
            let batch = nextTicks
            nextTicks.removeAll()
            interpreter.hostFrames = NodeRuntime.tickFrames
            for (function, arguments) in batch {
                _ = try interpreter.call(function, this: .undefined, arguments: arguments, newTarget: nil)
            }
            rounds += 1
            if rounds > 10_000 { throw ScriptAbort.budgetExceeded(steps: interpreter.stepLimit) }
        }
        reportUnhandledRejections()
    }

    /// node 7 warns about a rejection nobody handled, once per promise, and keeps running.
    private func reportUnhandledRejections() {
        for reason in interpreter.takeUnhandledRejections() {
            rejectionCount += 1
            let text = (try? interpreter.toString(reason)) ?? interpreter.inspect(reason)
            context.printError("(node:\(context.process.pid)) UnhandledPromiseRejectionWarning: Unhandled promise rejection (rejection id: \(rejectionCount)): \(text)\n")
            if rejectionCount == 1 {
                context.printError("(node:\(context.process.pid)) DeprecationWarning: Unhandled promise rejections are deprecated. In the future, promise rejections that are not handled will terminate the Node.js process with a non-zero exit code.\n")
            }
        }
    }

    func queueNextTick(_ function: JSObject, _ arguments: [JSValue]) {
        nextTicks.append((function, arguments))
    }

    private func handleUncaught(_ thrown: JSThrow) {
        if let process = processObject, interpreter.hasListeners(process, "uncaughtException") {
            do {
                try interpreter.emit(.object(process), "uncaughtException", [thrown.value])
                return
            } catch {}
        }
        context.printError(NodeErrorReport.uncaught(thrown, interpreter: interpreter))
        finish(1)
    }

    private func emitExit(_ status: Int32) {
        guard let process = processObject, interpreter.hasListeners(process, "exit") else { return }
        interpreter.resetBudget()
        _ = try? interpreter.emit(.object(process), "exit", [.number(Double(status))])
    }

    private func exitCodeProperty() -> Int32 {
        guard let process = processObject, case .number(let code)? = process.ownValue("exitCode") else { return 0 }
        return Int32(clamping: code.safeInteger)
    }

    // MARK: Handles

    func retain() { pendingHandles += 1 }

    func release() {
        pendingHandles = max(0, pendingHandles - 1)
    }

    /// Ends the process when nothing is pending any more.
    func checkIdle() {
        guard !finished, pendingHandles == 0 else { return }
        // Let work already queued at this instant (sockets, immediates) run first.
        loop.execute { [weak self] in
            guard let self, !self.finished, self.pendingHandles == 0 else { return }
            let status = self.exitCodeProperty()
            self.emitExit(status)
            self.finish(status)
        }
    }

    func finish(_ status: Int32) {
        guard !finished else { return }
        finished = true
        exitStatus = status
        stopEverything()
        done.wake()
    }

    private var cleanups: [Int: () -> Void] = [:]
    private var nextCleanup = 0

    /// Registers what to undo when the process ends (close listeners, connections); the
    /// returned token withdraws it once it is no longer needed.
    @discardableResult
    func onStop(_ cleanup: @escaping () -> Void) -> Int {
        nextCleanup += 1
        cleanups[nextCleanup] = cleanup
        return nextCleanup
    }

    func cancelStop(_ token: Int) { cleanups[token] = nil }

    private func stopEverything() {
        finished = true
        for timer in timers.values { loop.cancel(timer) }
        timers.removeAll()
        let pending = cleanups.sorted { $0.key < $1.key }.map(\.value)
        cleanups.removeAll()
        for cleanup in pending { cleanup() }
    }

    // MARK: Modules

    private func builtinModule(_ name: String) -> JSValue? {
        if let module = builtinModules[name] { return module }
        let module: JSValue
        switch name {
        case "os": module = makeOSModule()
        case "fs": module = makeFSModule()
        case "http": module = makeHTTPModule()
        case "dns": module = makeDNSModule()
        case "events": module = makeEventsModule()
        case "util": module = makeUtilModule()
        case "url": module = makeURLModule()
        case "path": module = makePathModule()
        case "querystring": module = makeQueryStringModule()
        case "child_process", "net", "https", "crypto", "stream", "zlib", "cluster", "readline", "assert", "buffer", "tls":
            // Present in node but not modelled: an empty module rather than a crash.
            module = .object(interpreter.newObject())
        default: return nil
        }
        builtinModules[name] = module
        return module
    }

    /// An Error like libuv's: `ENOENT: no such file or directory, open '/x'` with code, errno, syscall, path.
    func systemError(_ code: Errno, syscall: String, path: String? = nil, destination: String? = nil) -> JSValue {
        var message = "\(code.name): \(NodeRuntime.uvMessage(code)), \(syscall)"
        if let path { message += " '\(path)'" }
        if let destination { message += " -> '\(destination)'" }
        let error = interpreter.makeError("Error", message)
        if case .object(let object) = error {
            object.setOwn("errno", .number(-Double(code.rawValue)))
            object.setOwn("code", .string(code.name))
            object.setOwn("syscall", .string(syscall))
            if let path { object.setOwn("path", .string(path)) }
        }
        return error
    }

    static func uvMessage(_ code: Errno) -> String {
        switch code {
        case .ENOENT: "no such file or directory"
        case .EACCES: "permission denied"
        case .EEXIST: "file already exists"
        case .EISDIR: "illegal operation on a directory"
        case .ENOTDIR: "not a directory"
        case .ENOTEMPTY: "directory not empty"
        case .EADDRINUSE: "address already in use"
        case .ECONNREFUSED: "connection refused"
        case .ECONNRESET: "connection reset by peer"
        case .EHOSTUNREACH: "host is unreachable"
        case .ETIMEDOUT: "connection timed out"
        case .EPIPE: "broken pipe"
        case .EINVAL: "invalid argument"
        case .EPERM: "operation not permitted"
        case .EBUSY: "resource busy or locked"
        default: code.message.lowercased()
        }
    }

    func path(_ value: JSValue) throws -> String {
        guard case .string(let text) = value else {
            throw interpreter.throwError("TypeError", "path must be a string or Buffer")
        }
        return context.resolve(text)
    }

    func string(_ value: JSValue) throws -> String { try interpreter.toString(value) }

    func function(_ value: JSValue) -> JSObject? {
        if case .object(let object) = value, object.function != nil { return object }
        return nil
    }

    /// Calls `callback` in a later turn, keeping the process alive until then.
    func callLater(_ callback: JSObject?, _ arguments: [JSValue], frames: [String] = []) {
        guard let callback else { return }
        retain()
        loop.execute { [weak self] in
            guard let self else { return }
            self.release()
            self.turn(frames: frames) {
                _ = try self.interpreter.call(callback, this: .undefined, arguments: arguments, newTarget: nil)
            }
        }
    }

    func object(_ className: String, prototype: JSObject? = nil) -> JSObject {
        JSObject(prototype: prototype ?? interpreter.objectPrototype, className: className)
    }
}
