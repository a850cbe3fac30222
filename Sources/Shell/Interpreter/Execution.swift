import Kernel
import Simulation

extension Shell {
    // MARK: Lists

    func runScript(_ script: Script, io: ShellIO) async throws -> Int32 {
        var status: Int32 = 0
        for item in script.items {
            if item.isBackground {
                status = try await startBackground(item, io: io)
            } else {
                status = try await runAndOr(item.list, io: io)
            }
            lastStatus = status
        }
        return status
    }

    /// Runs `body` as a condition, where `set -e` does not apply.
    func asCondition<T>(_ body: () async throws -> T) async throws -> T {
        conditionDepth += 1
        defer { conditionDepth -= 1 }
        return try await body()
    }

    func runAndOr(_ list: AndOrList, io: ShellIO) async throws -> Int32 {
        var status: Int32
        var lastRanIsFinal = list.rest.isEmpty
        var lastWasNegated = list.first.isNegated
        if list.rest.isEmpty {
            status = try await runPipeline(list.first, io: io)
        } else {
            status = try await asCondition { try await runPipeline(list.first, io: io) }
        }
        lastStatus = status
        for (index, link) in list.rest.enumerated() {
            let runs = link.connective == .and ? status == 0 : status != 0
            guard runs else { continue }
            let isFinal = index == list.rest.count - 1
            if isFinal {
                status = try await runPipeline(link.pipeline, io: io)
            } else {
                status = try await asCondition { try await runPipeline(link.pipeline, io: io) }
            }
            lastStatus = status
            lastRanIsFinal = isFinal
            lastWasNegated = link.pipeline.isNegated
        }
        if status != 0, options.exitOnError, conditionDepth == 0, lastRanIsFinal, !lastWasNegated {
            throw ShellControl.exit(status)
        }
        return status
    }

    // MARK: Pipelines

    func runPipeline(_ pipeline: Pipeline, io: ShellIO) async throws -> Int32 {
        guard let timing = pipeline.timing else { return try await runUntimedPipeline(pipeline, io: io) }
        let start = machine.loop.now
        let status = try await runUntimedPipeline(pipeline, io: io)
        try? io.stderr.write(Self.timeReport(machine.loop.now - start, timing: timing))
        return status
    }

    /// What `time` prints for `elapsed` virtual time (simulated programs use no CPU time).
    static func timeReport(_ elapsed: Duration, timing: Pipeline.Timing) -> String {
        let (seconds, attoseconds) = elapsed.components
        let milliseconds = Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
        switch timing {
        case .standard:
            let minutes = milliseconds / 60_000
            let rest = milliseconds % 60_000
            let fraction = String(rest % 1000).leftPadded(to: 3)
            return "\nreal\t\(minutes)m\(rest / 1000).\(fraction)s\nuser\t0m0.000s\nsys\t0m0.000s\n"
        case .posix:
            let hundredths = String((milliseconds % 1000) / 10).leftPadded(to: 2)
            return "real \(milliseconds / 1000).\(hundredths)\nuser 0.00\nsys 0.00\n"
        }
    }

    func runUntimedPipeline(_ pipeline: Pipeline, io: ShellIO) async throws -> Int32 {
        var status: Int32
        if pipeline.commands.isEmpty {
            status = 0
        } else if pipeline.commands.count == 1 {
            if pipeline.isNegated {
                status = try await asCondition { try await runCommand(pipeline.commands[0], io: io) }
            } else {
                status = try await runCommand(pipeline.commands[0], io: io)
            }
        } else {
            let stages = try await startPipeline(pipeline.commands, io: io)
            foreground += stages
            defer { foreground.removeAll { stage in stages.contains { $0 === stage } } }
            status = 0
            var failure: Int32 = 0
            for stage in stages {
                status = try await stage.waitForExit()
                if status != 0 { failure = status }
            }
            if options.pipeFail { status = failure }
            if isInterrupted { throw ShellControl.abortLine(130) }
        }
        return pipeline.isNegated ? (status == 0 ? 1 : 0) : status
    }

    /// Starts every stage of a pipeline as a process, connected by pipes.
    func startPipeline(_ commands: [Command], io: ShellIO) async throws -> [SimulatedProcess] {
        var stages: [SimulatedProcess] = []
        var input: any ReadableStream = io.stdin
        var previousPipe: BytePipe?
        for (index, command) in commands.enumerated() {
            let pipe = index < commands.count - 1 ? BytePipe() : nil
            var stageIO = io
            stageIO.inputs[0] = input
            if let pipe { stageIO.outputs[1] = pipe.writer }
            let stage = try await startStage(command, io: stageIO)
            if let pipe { stage.onExit { _ in pipe.writer.close() } }
            if let previousPipe { stage.onExit { _ in previousPipe.reader.closeReading() } }
            stages.append(stage)
            if let pipe { input = PushbackReader(pipe.reader) }
            previousPipe = pipe
        }
        return stages
    }

    /// Starts one command as a process of its own: an external program directly, anything else
    /// in a subshell process.
    func startStage(_ command: Command, io: ShellIO) async throws -> SimulatedProcess {
        if case .simple(let simple) = command, let first = simple.words.first?.plainText,
           !isBuiltin(first), functions[first] == nil, !first.isEmpty {
            // An external program runs as the stage itself, as after bash's fork and exec.
            currentLine = simple.line
            let fields = try await expandWords(simple.words)
            if let name = fields.first, !isBuiltin(name), functions[name] == nil {
                var environment = exportedEnvironment()
                for assignment in simple.assignments {
                    environment[assignment.name] = try await expandToString(assignment.value)
                }
                traceCommand(fields, io: io)
                var stageIO = io
                if let status = try await applyRedirections(simple.redirections, to: &stageIO, reportingTo: io) {
                    return launchStatus(status)
                }
                switch startExternal(fields, environment: environment, io: stageIO) {
                case .success(let child): return child
                case .failure(let status): return launchStatus(status)
                }
            }
        }
        let script = Script(items: [ListItem(list: AndOrList(first: Pipeline(commands: [command])))])
        return launchSubshell(script, io: io)
    }

    /// A subshell as a process of its own (pipeline stages, `&` jobs).
    func launchSubshell(_ script: Script, io: ShellIO) -> SimulatedProcess {
        let program = ClosureProgram { [self] context in
            let subshell = Shell(subshellOf: self, process: context.process, io: io)
            return try await subshell.runAsSubshell(script)
        }
        return machine.launch(program, arguments: process.arguments, environment: exportedEnvironment(),
                              workingDirectory: workingDirectory, user: user, stdin: io.stdin, stdout: io.stdout,
                              stderr: io.stderr, parent: process)
    }

    /// A process that only ends with `status` (a stage whose program could not start).
    func launchStatus(_ status: Int32) -> SimulatedProcess {
        machine.launch(ClosureProgram { _ in status }, arguments: process.arguments, environment: [:],
                       workingDirectory: workingDirectory, user: user, stdin: EmptyReader(), stdout: DiscardingStream(),
                       stderr: DiscardingStream(), parent: process)
    }

    // MARK: Background jobs

    func startBackground(_ item: ListItem, io: ShellIO) async throws -> Int32 {
        var jobIO = io
        if !isInteractive { jobIO.inputs[0] = EmptyReader() }
        let child: SimulatedProcess
        if item.list.rest.isEmpty, !item.list.first.isNegated, item.list.first.commands.count == 1 {
            child = try await startStage(item.list.first.commands[0], io: jobIO)
        } else {
            let script = Script(items: [ListItem(list: item.list)])
            child = launchSubshell(script, io: jobIO)
        }
        let number = (jobs.map(\.number).max() ?? 0) + 1
        jobs.append(ShellJob(number: number, process: child, text: item.text))
        lastBackgroundPID = child.pid
        if isInteractive { try? io.stderr.write("[\(number)] \(child.pid)\n") }
        return 0
    }

    /// Prints `[1]+  Done …` for background jobs that ended (interactive shells), and forgets them.
    public func notifyFinishedJobs() {
        guard isInteractive else {
            jobs.removeAll { !$0.process.isRunning }
            return
        }
        let lastNumber = jobs.last?.number
        for job in jobs where !job.process.isRunning {
            let state = Self.endState(of: job.process)
            let marker = job.number == lastNumber ? "+" : (job.number == jobs.dropLast().last?.number ? "-" : " ")
            try? io.stderr.write("[\(job.number)]\(marker)  \(state.padding(to: 24))\(job.text)\n")
        }
        jobs.removeAll { !$0.process.isRunning }
    }

    // MARK: Commands

    /// Charges a command's CPU time (a used-up time slice lets virtual time pass, so endless
    /// loops cost simulated time and stay interruptible), and honours an interrupt.
    func tick() async throws {
        if isInterrupted { throw ShellControl.abortLine(130) }
        if !pendingTraps.isEmpty { try await runPendingTraps() }
        commandCount += 1
        try await process.spendCPU(Self.commandCost)
        if isInterrupted { throw ShellControl.abortLine(130) }
    }

    func runCommand(_ command: Command, io: ShellIO) async throws -> Int32 {
        try await tick()
        switch command {
        case .simple(let simple):
            return try await runSimple(simple, io: io)
        case .compound(let compound, let redirections):
            var redirected = io
            if let status = try await applyRedirections(redirections, to: &redirected, reportingTo: io) { return status }
            return try await runCompound(compound, io: redirected)
        case .functionDefinition(let name, let body):
            functions[name] = body
            return 0
        }
    }

    func runCompound(_ compound: CompoundCommand, io: ShellIO) async throws -> Int32 {
        switch compound {
        case .braceGroup(let script):
            return try await runScript(script, io: io)
        case .subshell(let script):
            let subshell = Shell(subshellOf: self, process: process, io: io)
            let status = try await subshell.runAsSubshell(script)
            return status
        case .ifClause(let branches, let otherwise):
            for branch in branches {
                let condition = try await asCondition { try await runScript(branch.condition, io: io) }
                if condition == 0 { return try await runScript(branch.body, io: io) }
            }
            if let otherwise { return try await runScript(otherwise, io: io) }
            return 0
        case .whileLoop(let condition, let body):
            return try await runLoop(condition: condition, body: body, until: false, io: io)
        case .untilLoop(let condition, let body):
            return try await runLoop(condition: condition, body: body, until: true, io: io)
        case .forLoop(let variable, let words, let body):
            var items = positionalParameters
            if let words { items = try await expandWords(words) }
            var status: Int32 = 0
            loopDepth += 1
            defer { loopDepth -= 1 }
            for item in items {
                try assignChecked(variable, item)
                let pass = try await runLoopBody(body, io: io)
                if case .broken = pass { break }
                if case .finished(let bodyStatus) = pass { status = bodyStatus }
                try await tick()
            }
            return status
        case .arithmeticForLoop(let initial, let condition, let step, let body):
            _ = try evaluateArithmetic(try await expandText(initial))
            var status: Int32 = 0
            loopDepth += 1
            defer { loopDepth -= 1 }
            while true {
                let test = try await expandText(condition)
                if !test.trimmingCharacters(in: " \t\n").isEmpty, try evaluateArithmetic(test) == 0 { break }
                let pass = try await runLoopBody(body, io: io)
                if case .broken = pass { break }
                if case .finished(let bodyStatus) = pass { status = bodyStatus }
                _ = try evaluateArithmetic(try await expandText(step))
                try await tick()
            }
            return status
        case .caseClause(let subjectWord, let items):
            let subject = try await expandToString(subjectWord)
            var index = 0
            var falling = false
            var status: Int32 = 0
            while index < items.count {
                let item = items[index]
                var matched = falling
                if !matched {
                    for patternWord in item.patterns where try await expandToPattern(patternWord).matches(subject) {
                        matched = true
                        break
                    }
                }
                if matched {
                    status = try await runScript(item.body, io: io)
                    switch item.terminator {
                    case .break: return status
                    case .fallThrough: falling = true
                    case .testNext: falling = false
                    }
                }
                index += 1
            }
            return status
        case .conditional(let words):
            return try await evaluateConditional(words, io: io)
        case .arithmetic(let parts):
            let value = try evaluateArithmetic(try await expandText(parts))
            return value != 0 ? 0 : 1
        }
    }

    /// How one pass of a loop's body ended.
    enum LoopPass {
        case finished(Int32)
        case continued
        case broken
    }

    /// One pass of a loop's body. `break N` and `continue N` aimed at outer loops go on to them.
    func runLoopBody(_ body: Script, io: ShellIO) async throws -> LoopPass {
        try await runLoopBody(body: body) { try await self.runScript(body, io: io) }
    }

    func runLoopBody(body: Script, _ run: () async throws -> Int32) async throws -> LoopPass {
        do {
            return .finished(try await run())
        } catch ShellControl.breakLoop(let levels) {
            if levels > 1 { throw ShellControl.breakLoop(levels - 1) }
            return .broken
        } catch ShellControl.continueLoop(let levels) {
            if levels > 1 { throw ShellControl.continueLoop(levels - 1) }
            return .continued
        }
    }

    func runLoop(condition: Script, body: Script, until: Bool, io: ShellIO) async throws -> Int32 {
        var status: Int32 = 0
        loopDepth += 1
        defer { loopDepth -= 1 }
        while true {
            // `break` and `continue` in the condition list act on this loop, as in the body.
            let check = try await runLoopBody(body: condition) { try await self.asCondition { try await self.runScript(condition, io: io) } }
            guard case .finished(let result) = check else {
                if case .broken = check { break }
                try await tick()
                continue
            }
            if (result == 0) == until { break }
            let pass = try await runLoopBody(body, io: io)
            if case .broken = pass { break }
            if case .finished(let bodyStatus) = pass { status = bodyStatus }
            try await tick()
        }
        return status
    }

    /// `[[ … ]]`: words expand without splitting or globbing; the right side of `==`/`!=` is a pattern.
    func evaluateConditional(_ words: [Word], io: ShellIO) async throws -> Int32 {
        var arguments: [String] = []
        var patterns: [Int: ShellPattern] = [:]
        for (index, word) in words.enumerated() {
            arguments.append(try await expandToString(word))
            if index > 0, let previous = words[index - 1].plainText, previous == "==" || previous == "!=" || previous == "=" {
                patterns[index] = try await expandToPattern(word)
            }
        }
        var evaluator = TestEvaluator(fileTest: fileTester(), isDoubleBracket: true, patterns: patterns)
        evaluator.fileCompare = fileComparer()
        do {
            return try evaluator.evaluate(arguments) ? 0 : 1
        } catch where error.message == "invalid regular expression" {
            return 2
        } catch {
            report("syntax error in conditional expression", io: io)
            return 2
        }
    }
}

extension String {
    /// The string with zeros in front up to `width` characters.
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }

    /// The string padded with spaces to at least `width` characters.
    func padding(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
