import Kernel
import Simulation

extension Shell {
    // MARK: Traps

    func trap(_ arguments: [String], io: ShellIO) throws -> Int32 {
        var operands = arguments[...]
        if operands.first == "--" { operands.removeFirst() }
        if operands.isEmpty || operands.first == "-p" {
            for (name, command) in traps.sorted(by: { $0.key < $1.key }) {
                let shown = name == "EXIT" ? "EXIT" : "SIG" + name
                try write("trap -- \(Self.singleQuoted(command)) \(shown)\n", to: io.stdout)
            }
            return 0
        }
        if operands.first == "-l" {
            try write(Signal.allCases.map { "\($0.rawValue)) \($0.name)" }.joined(separator: "\t") + "\n", to: io.stdout)
            return 0
        }
        guard let action = operands.popFirst() else { return 0 }
        var signals = Array(operands)
        var resets = action == "-"
        if signals.isEmpty {
            // `trap SIG` with a single signal argument resets it.
            signals = [action]
            resets = true
        }
        var status: Int32 = 0
        for specification in signals {
            if specification == "EXIT" || specification == "0" {
                traps["EXIT"] = resets ? nil : action
                continue
            }
            guard let signal = Signal(name: specification) else {
                report("trap: \(specification): invalid signal specification", io: io)
                status = 1
                continue
            }
            install(resets ? nil : action, for: signal)
        }
        return status
    }

    /// Sets what the shell does on `signal`: run `command`, ignore it (empty), or the default (nil).
    func install(_ command: String?, for signal: Signal) {
        traps[signal.shortName] = command
        process.signalHandlers[signal] = nil
        process.ignoredSignals.remove(signal)
        guard let command else {
            if signal == .interrupt, isInteractive { installInteractiveInterrupt() }
            return
        }
        if command.isEmpty {
            process.ignoredSignals.insert(signal)
            return
        }
        process.signalHandlers[signal] = { [weak self] in self?.trapArrived(signal) }
    }

    /// A trapped signal arrived: its command runs at the next command boundary (bash waits for
    /// the foreground command), at once when the shell is idle, and it ends a `wait`.
    func trapArrived(_ signal: Signal) {
        pendingTraps.append(signal)
        trapWakeup?.wake()
        guard !isBusy else { return }
        let shell = UncheckedSendable(self)
        machine.loop.spawn {
            await SimulatedProcess.$currentBox.withValue(UncheckedSendable(shell.value.process)) {
                do {
                    try await shell.value.runPendingTraps()
                } catch {
                    shell.value.finishAfterTrap(error)
                }
            }
        }
    }

    /// Runs the commands of trapped signals that arrived; `exit` in one propagates.
    func runPendingTraps() async throws {
        while !pendingTraps.isEmpty {
            let signal = pendingTraps.removeFirst()
            guard let command = traps[signal.shortName], !command.isEmpty,
                  let script = parseForRun(command, scriptName: name, io: io) else { continue }
            let saved = lastStatus
            _ = try await runScript(script, io: io)
            lastStatus = saved
        }
    }

    /// A trap run while idle ended the shell (`exit`): its process ends.
    func finishAfterTrap(_ error: any Error) {
        let status = settle(error)
        guard exitStatus != nil, process.isRunning else { return }
        let shell = UncheckedSendable(self)
        machine.loop.spawn {
            await shell.value.runExitTrap()
            shell.value.process.terminate(status: status)
        }
    }

    /// Interactive shells survive Ctrl-C: it only stops the command in the foreground.
    func installInteractiveInterrupt() {
        process.signalHandlers[.interrupt] = { [weak self] in self?.interrupt() }
    }

    // MARK: Jobs

    /// The process a `%n` job specification or PID names.
    func jobProcess(_ specification: String) -> SimulatedProcess? {
        if specification.hasPrefix("%") {
            let rest = specification.dropFirst()
            let number = rest.isEmpty || rest == "%" || rest == "+" ? jobs.last?.number : Int(rest)
            return jobs.first { $0.number == number }?.process
        }
        guard let pid = Int(specification) else { return nil }
        return jobs.first { $0.process.pid == pid }?.process ?? machine.processes.process(pid)
    }

    func wait(_ arguments: [String], io: ShellIO) async throws -> Int32 {
        if arguments.isEmpty {
            for job in jobs {
                if let signal = try await waitForChild(job.process) { return 128 + signal.rawValue }
            }
            jobs.removeAll()
            return 0
        }
        var status: Int32 = 0
        for argument in arguments {
            guard let child = jobProcess(argument), jobs.contains(where: { $0.process === child }) || child.parentPID == process.pid else {
                if argument.hasPrefix("%") {
                    report("wait: \(argument): no such job", io: io)
                } else if Int(argument) == nil {
                    report("wait: `\(argument)': not a pid or valid job spec", io: io)
                } else {
                    report("wait: pid \(argument) is not a child of this shell", io: io)
                }
                status = 127
                continue
            }
            if let signal = try await waitForChild(child) { return 128 + signal.rawValue }
            status = child.exitStatus ?? 0
            jobs.removeAll { $0.process === child }
        }
        return status
    }

    /// Waits for `child` to end; returns the trapped signal that cut the wait short, if one did.
    func waitForChild(_ child: SimulatedProcess) async throws -> Signal? {
        while child.isRunning {
            if let signal = pendingTraps.first { return signal }
            let wakeup = Wakeup()
            trapWakeup = wakeup
            child.onExit { _ in wakeup.wake() }
            try await wakeup.wait()
            trapWakeup = nil
        }
        return nil
    }

    /// `fg [%n]`: waits for a background job in the foreground, echoing its command.
    func foregroundJob(_ arguments: [String], io: ShellIO) async throws -> Int32 {
        guard isInteractive else {
            report("fg: no job control", io: io)
            return 1
        }
        let specification = arguments.first ?? "%+"
        guard let job = jobs.first(where: { $0.process === jobProcess(specification) }) else {
            report("fg: \(arguments.first ?? "current"): no such job", io: io)
            return 1
        }
        try write(job.text + "\n", to: io.stdout)
        let status = try await waitInForeground(job.process)
        jobs.removeAll { $0.process === job.process }
        return status
    }

    /// `bg [%n]`: every job here already runs in the background.
    func backgroundJob(_ arguments: [String], io: ShellIO) -> Int32 {
        guard isInteractive else {
            report("bg: no job control", io: io)
            return 1
        }
        let specification = arguments.first ?? "%+"
        guard let job = jobs.first(where: { $0.process === jobProcess(specification) }) else {
            report("bg: \(arguments.first ?? "current"): no such job", io: io)
            return 1
        }
        report("bg: job \(job.number) already in background", io: io)
        return 0
    }

    /// How `jobs` and notifications describe a job that ended.
    static func endState(of process: SimulatedProcess) -> String {
        if let signal = process.terminatingSignal { return signal.reportText }
        let status = process.exitStatus ?? 0
        return status == 0 ? "Done" : "Exit \(status)"
    }

    func listJobs(io: ShellIO) throws -> Int32 {
        let lastNumber = jobs.last?.number
        let previousNumber = jobs.dropLast().last?.number
        for job in jobs {
            let marker = job.number == lastNumber ? "+" : (job.number == previousNumber ? "-" : " ")
            let state = job.process.isRunning ? "Running" : Self.endState(of: job.process)
            let suffix = job.process.isRunning ? " &" : ""
            try write("[\(job.number)]\(marker)  \(state.padding(to: 24))\(job.text)\(suffix)\n", to: io.stdout)
        }
        jobs.removeAll { !$0.process.isRunning }
        return 0
    }

    func kill(_ arguments: [String], io: ShellIO) async throws -> Int32 {
        var operands = arguments[...]
        var signal = Signal.terminate
        guard let first = operands.first else {
            try? io.stderr.write("kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n")
            return 2
        }
        if first == "-l" || first == "-L" {
            operands.removeFirst()
            if let number = operands.first {
                guard let named = Signal(name: number) else {
                    report("kill: \(number): invalid signal specification", io: io)
                    return 1
                }
                try write((Int32(number) != nil ? named.shortName : String(named.rawValue)) + "\n", to: io.stdout)
                return 0
            }
            let lines = Signal.allCases.map { " \($0.rawValue)) \($0.name)" }
            try write(lines.joined(separator: "\t") + "\n", to: io.stdout)
            return 0
        }
        if first == "-s" || first == "-n" {
            operands.removeFirst()
            guard let name = operands.popFirst(), let named = Signal(name: name) else {
                report("kill: \(operands.first ?? ""): invalid signal specification", io: io)
                return 1
            }
            signal = named
        } else if first.hasPrefix("-"), first.count > 1, first != "--" {
            guard let named = Signal(name: String(first.dropFirst())) else {
                report("kill: \(first.dropFirst()): invalid signal specification", io: io)
                return 1
            }
            signal = named
            operands.removeFirst()
        }
        if operands.first == "--" { operands.removeFirst() }
        var status: Int32 = 0
        for target in operands {
            if target.hasPrefix("%") {
                guard let child = jobProcess(target) else {
                    report("kill: \(target): no such job", io: io)
                    status = 1
                    continue
                }
                child.signal(signal)
                continue
            }
            guard let pid = Int(target) else {
                report("kill: \(target): arguments must be process or job IDs", io: io)
                status = 1
                continue
            }
            guard let victim = machine.processes.process(pid), victim.isRunning else {
                report("kill: (\(pid)) - No such process", io: io)
                status = 1
                continue
            }
            if !user.isRoot, victim.user.uid != user.uid {
                report("kill: (\(pid)) - Operation not permitted", io: io)
                status = 1
                continue
            }
            victim.signal(signal)
            if victim === process { await Task.yield() }
        }
        return status
    }
}

extension Signal {
    /// The words bash reports a process killed by this signal with (`Terminated`, `Killed`).
    var reportText: String {
        switch self {
        case .hangup: "Hangup"
        case .interrupt: "Interrupt"
        case .quit: "Quit"
        case .kill: "Killed"
        case .user1: "User defined signal 1"
        case .user2: "User defined signal 2"
        case .pipe: "Broken pipe"
        case .alarm: "Alarm clock"
        case .terminate: "Terminated"
        case .child: "Child exited"
        case .continue: "Continued"
        case .stop: "Stopped (signal)"
        }
    }
}
