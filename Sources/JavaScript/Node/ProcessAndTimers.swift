import Kernel
import Simulation

extension NodeRuntime {
    /// Globals every node script sees beyond the language: timers and `process`.
    func installGlobals() {
        let i = interpreter
        let timeoutPrototype = object("Timeout")
        timeoutPrototype.hiddenKeys = []
        i.defineMethod(timeoutPrototype, "unref") { _, this, _, _ in this }
        i.defineMethod(timeoutPrototype, "ref") { _, this, _, _ in this }

        func schedule(repeating: Bool) -> NativeFunction {
            { [unowned self] interpreter, _, arguments, _ in
                guard let callback = self.function(arguments[argument: 0]) else {
                    throw interpreter.throwError("TypeError", "\"callback\" argument must be a function")
                }
                var delay = try interpreter.toNumber(arguments[argument: 1])
                if !(delay >= 1 && delay <= 2_147_483_647) { delay = 1 }
                let extra = Array(arguments.dropFirst(2))
                let number = self.nextTimerNumber
                self.nextTimerNumber += 1
                let handle = JSObject(prototype: timeoutPrototype, className: "Timeout")
                handle.setHidden("_timerNumber", .number(Double(number)))
                handle.setOwn("_idleTimeout", .number(delay))
                handle.setOwn("_onTimeout", .object(callback))
                self.retain()
                self.arm(number, delay: delay, repeating: repeating, callback: callback, arguments: extra, handle: handle)
                return .object(handle)
            }
        }
        i.defineGlobal("setTimeout", .object(i.makeFunction("setTimeout", length: 2, schedule(repeating: false))))
        i.defineGlobal("setInterval", .object(i.makeFunction("setInterval", length: 2, schedule(repeating: true))))
        let clear: NativeFunction = { [unowned self] _, _, arguments, _ in
            guard case .object(let handle) = arguments[argument: 0], case .number(let number)? = handle.ownValue("_timerNumber") else { return .undefined }
            if let timer = self.timers.removeValue(forKey: Int(number)) {
                self.loop.cancel(timer)
                self.release()
                self.checkIdle()
            }
            return .undefined
        }
        i.defineGlobal("clearTimeout", .object(i.makeFunction("clearTimeout", length: 1, clear)))
        i.defineGlobal("clearInterval", .object(i.makeFunction("clearInterval", length: 1, clear)))
        i.defineGlobal("clearImmediate", .object(i.makeFunction("clearImmediate", length: 1, clear)))
        i.defineGlobal("setImmediate", .object(i.makeFunction("setImmediate", length: 1) { [unowned self] interpreter, _, arguments, _ in
            guard let callback = self.function(arguments[argument: 0]) else {
                throw interpreter.throwError("TypeError", "\"callback\" argument must be a function")
            }
            self.scheduleImmediate(callback, Array(arguments.dropFirst()))
            return .object(JSObject(prototype: i.objectPrototype, className: "Immediate"))
        }))
    }

    /// setImmediate: soon, at the current instant — but an endless chain of immediates moves on
    /// a millisecond at a time, so it cannot keep the event loop at one instant forever.
    private func scheduleImmediate(_ callback: JSObject, _ arguments: [JSValue]) {
        if loop.now != immediateInstant {
            immediateInstant = loop.now
            immediatesAtInstant = 0
        }
        immediatesAtInstant += 1
        let frames = ["tryOnImmediate (timers.js:590:5)", "processImmediate [as _immediateCallback] (timers.js:571:5)"]
        guard immediatesAtInstant > 1_000 else {
            callLater(callback, arguments, frames: frames)
            return
        }
        retain()
        loop.schedule(after: .milliseconds(1)) { [weak self] in
            guard let self else { return }
            self.release()
            self.turn(frames: frames) {
                _ = try self.interpreter.call(callback, this: .undefined, arguments: arguments, newTarget: nil)
            }
        }
    }

    private func arm(_ number: Int, delay: Double, repeating: Bool, callback: JSObject, arguments: [JSValue], handle: JSObject) {
        let timer = loop.schedule(after: .milliseconds(Int64(delay))) { [weak self] in
            guard let self, self.timers[number] != nil else { return }
            if repeating {
                self.arm(number, delay: delay, repeating: true, callback: callback, arguments: arguments, handle: handle)
            } else {
                self.timers[number] = nil
                self.release()
            }
            self.turn(frames: NodeRuntime.timerFrames) {
                _ = try self.interpreter.call(callback, this: .object(handle), arguments: arguments, newTarget: nil)
            }
        }
        timers[number] = timer
    }

    /// The `process` global.
    func installProcess(scriptPath: String?, scriptArguments: [String]) {
        let i = interpreter
        let process = JSObject(prototype: emitterPrototype, className: "process")
        processObject = process
        var argv: [JSValue] = [.string("/usr/local/bin/node")]
        if let scriptPath { argv.append(.string(scriptPath)) }
        argv += scriptArguments.map { .string($0) }
        process.setOwn("title", .string("node"))
        process.setOwn("version", .string(NodeProgram.version))
        let versions = i.newObject()
        for (name, version) in [("http_parser", "2.7.0"), ("node", "7.10.1"), ("v8", "5.5.372.43"), ("uv", "1.11.0"),
                                ("zlib", "1.2.11"), ("ares", "1.10.1-DEV"), ("modules", "51"), ("openssl", "1.0.2k")] {
            versions.setOwn(name, .string(version))
        }
        process.setOwn("versions", .object(versions))
        process.setOwn("arch", .string("x64"))
        process.setOwn("platform", .string("linux"))
        process.setOwn("argv", .object(i.newArray(argv)))
        process.setOwn("execArgv", .object(i.newArray([])))
        let environment = i.newObject()
        for key in context.environment.keys.sorted() { environment.setOwn(key, .string(context.environment[key] ?? "")) }
        process.setOwn("env", .object(environment))
        process.setOwn("pid", .number(Double(context.process.pid)))
        process.setOwn("ppid", .number(Double(context.process.parentPID)))
        process.setOwn("execPath", .string("/usr/local/bin/node"))
        process.setOwn("exitCode", .undefined)

        i.defineMethod(process, "exit", length: 1) { interpreter, this, arguments, _ in
            var code: Int32 = 0
            if case .number(let value) = arguments[argument: 0] {
                code = Int32(clamping: value.safeInteger)
            } else if case .object(let object) = this, case .number(let value)? = object.ownValue("exitCode") {
                code = Int32(clamping: value.safeInteger)
            }
            throw ScriptAbort.exit(code)
        }
        i.defineMethod(process, "cwd") { [unowned self] _, _, _, _ in .string(self.context.workingDirectory) }
        i.defineMethod(process, "chdir", length: 1) { [unowned self] interpreter, _, arguments, _ in
            let target = self.context.resolve(try interpreter.toString(arguments[argument: 0]))
            guard self.machine.fileSystem.isDirectory(target) else {
                throw interpreter.throwError("Error", "ENOENT: no such file or directory, chdir '\(target)'")
            }
            self.context.workingDirectory = target
            return .undefined
        }
        i.defineMethod(process, "uptime") { [unowned self] _, _, _, _ in
            .number((self.loop.now - self.context.process.startTime).secondsValue)
        }
        i.defineMethod(process, "hrtime", length: 1) { [unowned self] interpreter, _, arguments, _ in
            let nanoseconds = self.loop.now.nanosecondsSinceEpoch
            var seconds = Double(nanoseconds / 1_000_000_000)
            var remainder = Double(nanoseconds % 1_000_000_000)
            if case .object(let previous) = arguments[argument: 0], previous.isArray, previous.elements.count == 2 {
                seconds -= try interpreter.toNumber(previous.elements[0])
                remainder -= try interpreter.toNumber(previous.elements[1])
                if remainder < 0 { seconds -= 1; remainder += 1_000_000_000 }
            }
            return .object(interpreter.newArray([.number(seconds), .number(remainder)]))
        }
        i.defineMethod(process, "memoryUsage") { interpreter, _, _, _ in
            let usage = interpreter.newObject()
            usage.setOwn("rss", .number(30_822_400))
            usage.setOwn("heapTotal", .number(10_465_280))
            usage.setOwn("heapUsed", .number(5_312_864))
            usage.setOwn("external", .number(8_772))
            return .object(usage)
        }
        i.defineMethod(process, "nextTick", length: 1) { [unowned self] interpreter, _, arguments, _ in
            guard let callback = self.function(arguments[argument: 0]) else {
                throw interpreter.throwError("TypeError", "callback is not a function")
            }
            self.queueNextTick(callback, Array(arguments.dropFirst()))
            return .undefined
        }
        i.defineMethod(process, "kill", length: 2) { [unowned self] interpreter, _, arguments, _ in
            let pid = try interpreter.toNumber(arguments[argument: 0]).safeInteger
            var signal = Signal.terminate
            if case .string(let name) = arguments[argument: 1], let named = Signal(name: name) { signal = named }
            if case .number(let number) = arguments[argument: 1], let numbered = Signal(rawValue: Int32(clamping: number.safeInteger)) { signal = numbered }
            guard let target = self.machine.processes.process(pid) else {
                throw interpreter.throwError("Error", "kill ESRCH")
            }
            target.signal(signal)
            return .boolean(true)
        }
        for (name, stream) in [("stdout", context.stdout), ("stderr", context.stderr)] {
            let object = JSObject(prototype: emitterPrototype, className: "WriteStream")
            i.defineMethod(object, "write", length: 1) { interpreter, _, arguments, _ in
                try? stream.write(try interpreter.bytes(of: arguments[argument: 0]))
                if let callback = self.function(arguments.last ?? .undefined) { self.callLater(callback, []) }
                return .boolean(true)
            }
            i.defineMethod(object, "end") { interpreter, _, arguments, _ in
                if case .undefined = arguments[argument: 0] {} else { try? stream.write(try interpreter.toString(arguments[0])) }
                return .undefined
            }
            object.setOwn("isTTY", .boolean(false))
            object.setOwn("fd", .number(name == "stdout" ? 1 : 2))
            process.setOwn(name, .object(object))
        }
        let stdin = JSObject(prototype: emitterPrototype, className: "ReadStream")
        stdin.setOwn("fd", .number(0))
        process.setOwn("stdin", .object(stdin))

        // Signal listeners become the process's signal handlers.
        i.onListenerAdded = { [unowned self] emitter, name in
            if emitter === process, let signal = Signal(name: name), name.hasPrefix("SIG") {
                self.context.process.signalHandlers[signal] = { [weak self] in
                    guard let self else { return }
                    self.turn(frames: ["emitNone (events.js:86:13)", "process.emit (events.js:188:7)"]) {
                        try self.interpreter.emit(.object(process), name, [.string(name)])
                    }
                }
            }
            self.listenerAdded(emitter, name)
        }
        i.defineGlobal("process", .object(process))
    }
}
