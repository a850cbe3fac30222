import Formatting
extension DockerfileInstruction {
    /// Substitutes variables and applies the daemon's per-instruction checks, as the 17.x
    /// builder does when this step runs. Errors carry this instruction's line.
    ///
    /// Substitution happens in ADD, ARG, COPY, ENV, EXPOSE, LABEL, STOPSIGNAL, USER, VOLUME and
    /// WORKDIR from `variables.substitutionEnvironment`, and in FROM's image from the ARGs
    /// declared before the first FROM. RUN, CMD and ENTRYPOINT are left to the shell.
    public func resolve(with variables: BuildVariables, escape: Unicode.Scalar = "\\") throws(DockerfileError) -> Instruction {
        guard let known = DockerfileKeyword(rawValue: keyword) else {
            throw .unknownInstruction(keyword, line: line)
        }
        let expander = WordExpander(escape: escape, environment: variables.substitutionEnvironment)
        let args: [String]
        do {
            switch known {
            case .expose:
                var words: [String] = []
                for argument in arguments { words += try expander.expandToWords(argument) }
                args = words
            case .add, .arg, .copy, .env, .label, .stopsignal, .user, .volume, .workdir:
                var words: [String] = []
                for argument in arguments { words.append(try expander.expand(argument)) }
                args = words
            case .from:
                let fromExpander = WordExpander(escape: escape, environment: variables.fromEnvironment)
                args = arguments.isEmpty ? [] : [try fromExpander.expand(arguments[0])] + arguments.dropFirst()
            default:
                args = arguments
            }
        } catch {
            throw DockerfileError(stage: .step, line: line, reason: error.reason)
        }
        return try InstructionChecks(instruction: self, arguments: args).instruction(known)
    }
}

extension DockerfileInstruction {
    /// The checks 17.12's `instructions.Parse` makes on every instruction before step 1 (flags,
    /// argument counts, HEALTHCHECK forms, stage names …) on the words as written; what depends
    /// on expanded values (ports, signals) waits for the step. Failures read
    /// `Dockerfile parse error line N: …`.
    public func checkBeforeBuild() throws(DockerfileError) {
        guard let known = DockerfileKeyword(rawValue: keyword) else {
            throw .unknownInstruction(keyword, line: line)
        }
        do {
            _ = try InstructionChecks(instruction: self, arguments: arguments, beforeExpansion: true).instruction(known)
        } catch {
            throw DockerfileError(stage: .check, line: line, reason: error.reason)
        }
    }
}

/// The per-instruction checks of the 17.x dispatchers, in their order.
private struct InstructionChecks {
    let instruction: DockerfileInstruction
    let arguments: [String]
    /// Whether only the checks 17.12 makes while parsing apply (the words are not expanded yet).
    var beforeExpansion = false
    var line: Int { instruction.line }

    func flags(_ allowed: Set<String> = []) throws(DockerfileError) -> BuilderFlags {
        try BuilderFlags(instruction.flags, allowed: allowed, line: line)
    }

    func instruction(_ keyword: DockerfileKeyword) throws(DockerfileError) -> Instruction {
        switch keyword {
        case .env: return .env(try pairs("ENV"))
        case .label: return .label(try pairs("LABEL"))
        case .maintainer:
            guard arguments.count == 1 else { throw .exactlyOneArgument("MAINTAINER", line: line) }
            _ = try flags()
            return .maintainer(arguments[0])
        case .add, .copy: return try transfer(keyword)
        case .from: return try from()
        case .onbuild: return try onbuild()
        case .workdir:
            guard arguments.count == 1 else { throw .exactlyOneArgument("WORKDIR", line: line) }
            _ = try flags()
            return .workdir(arguments[0])
        case .run:
            _ = try flags()
            return .run(commandForm(emptyClears: false))
        case .cmd:
            _ = try flags()
            return .cmd(commandForm(emptyClears: false))
        case .entrypoint:
            _ = try flags()
            return .entrypoint(commandForm(emptyClears: true))
        case .healthcheck: return .healthcheck(try healthcheck())
        case .expose: return .expose(try exposedPorts())
        case .user:
            guard arguments.count == 1 else { throw .exactlyOneArgument("USER", line: line) }
            _ = try flags()
            return .user(arguments[0])
        case .volume:
            guard !arguments.isEmpty else { throw .atLeastOneArgument("VOLUME", line: line) }
            _ = try flags()
            var volumes: [String] = []
            for argument in arguments {
                let volume = trimSpace(argument)
                guard !volume.isEmpty else { throw .step("VOLUME specified can not be an empty string", line: line) }
                volumes.append(volume)
            }
            return .volume(volumes)
        case .stopsignal:
            guard arguments.count == 1 else { throw .exactlyOneArgument("STOPSIGNAL", line: line) }
            guard beforeExpansion || StopSignal.isValid(arguments[0]) else { throw .step("Invalid signal: \(arguments[0])", line: line) }
            return .stopSignal(arguments[0])
        case .arg:
            guard arguments.count == 1 else { throw .exactlyOneArgument("ARG", line: line) }
            let argument = arguments[0]
            guard let equals = argument.firstIndex(of: "=") else { return .arg(name: argument, defaultValue: nil) }
            let name = String(argument[..<equals])
            guard !name.isEmpty else { throw .blankNames("ARG", line: line) }
            return .arg(name: name, defaultValue: String(argument[argument.index(after: equals)...]))
        case .shell:
            _ = try flags()
            guard !arguments.isEmpty else { throw .atLeastOneArgument("SHELL", line: line) }
            guard instruction.isJSONForm else { throw .notJSON("SHELL", line: line) }
            return .shell(arguments)
        }
    }

    private func pairs(_ name: String) throws(DockerfileError) -> [EnvironmentPair] {
        guard !arguments.isEmpty else { throw .atLeastOneArgument(name, line: line) }
        guard arguments.count.isMultiple(of: 2) else { throw .tooManyArguments(name, line: line) }
        _ = try flags()
        var pairs: [EnvironmentPair] = []
        for index in stride(from: 0, to: arguments.count, by: 2) {
            guard !arguments[index].isEmpty else { throw .blankNames(name, line: line) }
            pairs.append(EnvironmentPair(name: arguments[index], value: arguments[index + 1]))
        }
        return pairs
    }

    private func transfer(_ keyword: DockerfileKeyword) throws(DockerfileError) -> Instruction {
        let name = keyword.rawValue.uppercased()
        guard arguments.count >= 2 else { throw .atLeastTwoArguments(name, line: line) }
        let parsed = try flags(keyword == .copy ? ["chown", "from"] : ["chown"])
        let transfer = FileTransfer(sources: Array(arguments.dropLast()), destination: arguments[arguments.count - 1],
                                    owner: parsed["chown"], stage: parsed["from"])
        return keyword == .copy ? .copy(transfer) : .add(transfer)
    }

    private func from() throws(DockerfileError) -> Instruction {
        var stageName: String?
        if arguments.count == 3 && arguments[1].lowercased() == "as" {
            let name = arguments[2].lowercased()
            guard isValidStageName(name) else { throw .invalidStageName(name, line: line) }
            stageName = name
        } else if arguments.count != 1 {
            throw .fromArguments(line: line)
        }
        _ = try flags()
        return .from(image: arguments[0], stageName: stageName)
    }

    /// `^[a-z][a-z0-9-_\.]*$`
    private func isValidStageName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0) }
    }

    private func onbuild() throws(DockerfileError) -> Instruction {
        guard let trigger = instruction.trigger.first else { throw .atLeastOneArgument("ONBUILD", line: line) }
        _ = try flags()
        let triggerName = trigger.name
        switch triggerName {
        case "ONBUILD": throw .step("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed", line: line)
        case "MAINTAINER", "FROM": throw .step("\(triggerName) isn't allowed as an ONBUILD trigger", line: line)
        default: break
        }
        // The original without `(?i)^\s*ONBUILD\s*`.
        var text = trimLeadingSpace(instruction.original)
        text = String(text.dropFirst("ONBUILD".count))
        return .onbuild(trimLeadingSpace(text))
    }

    private func commandForm(emptyClears: Bool) -> CommandForm {
        if instruction.isJSONForm { return .exec(arguments) }
        if arguments.isEmpty && emptyClears { return .exec([]) }
        return .shell(arguments.joined(separator: " "))
    }

    private func healthcheck() throws(DockerfileError) -> Healthcheck {
        guard let first = arguments.first else { throw .atLeastOneArgument("HEALTHCHECK", line: line) }
        let type = first.uppercased()
        let rest = Array(arguments.dropFirst())
        if type == "NONE" {
            guard rest.isEmpty else { throw .step("HEALTHCHECK NONE takes no arguments", line: line) }
            return .none
        }
        let parsed = try flags(["interval", "timeout", "start-period", "retries"])
        guard type == "CMD" else { throw .step("Unknown type \(goQuoted(type)) in HEALTHCHECK (try CMD)", line: line) }
        let command = instruction.isJSONForm ? rest : (rest.isEmpty ? [] : [rest.joined(separator: " ")])
        guard !command.isEmpty else { throw .step("Missing command after HEALTHCHECK CMD", line: line) }
        let test = [instruction.isJSONForm ? "CMD" : "CMD-SHELL"] + command
        let interval = try duration(parsed, "interval")
        let timeout = try duration(parsed, "timeout")
        let startPeriod = try duration(parsed, "start-period")
        var retries: Int?
        if let text = parsed["retries"], !text.isEmpty {
            guard let value = Int32(text) else {
                throw .step("strconv.ParseInt: parsing \(goQuoted(text)): invalid syntax", line: line)
            }
            guard value >= 1 else { throw .step("--retries must be at least 1 (not \(value))", line: line) }
            retries = Int(value)
        }
        return .check(test: test, interval: interval, timeout: timeout, startPeriod: startPeriod, retries: retries)
    }

    private func duration(_ flags: BuilderFlags, _ name: String) throws(DockerfileError) -> Duration? {
        guard let text = flags[name], !text.isEmpty else { return nil }
        let value: Duration
        do {
            value = try GoDuration.parse(text)
        } catch {
            throw .step(error.message, line: line)
        }
        guard value >= .milliseconds(1) else {
            throw .step("Interval \(goQuoted(name)) cannot be less than 1ms", line: line)
        }
        return value
    }

    private func exposedPorts() throws(DockerfileError) -> [String] {
        guard !arguments.isEmpty else { throw .atLeastOneArgument("EXPOSE", line: line) }
        _ = try flags()
        if beforeExpansion { return arguments }
        var ports: Set<String> = []
        for specification in arguments {
            // ip:hostPort:containerPort — only the container part matters for EXPOSE.
            let containerPart = specification.split(separator: ":", omittingEmptySubsequences: false).last.map(String.init) ?? ""
            var port = containerPart
            var proto = "tcp"
            if let slash = containerPart.firstIndex(of: "/") {
                port = String(containerPart[..<slash])
                proto = String(containerPart[containerPart.index(after: slash)...])
            }
            guard !port.isEmpty else { throw .step("No port specified: \(specification)<empty>", line: line) }
            guard let range = portRange(port) else { throw .step("Invalid containerPort: \(port)", line: line) }
            guard ["tcp", "udp"].contains(proto.lowercased()) else { throw .step("Invalid proto: \(proto)", line: line) }
            for number in range { ports.insert("\(number)/\(proto.lowercased())") }
        }
        return ports.sorted()
    }

    private func portRange(_ text: String) -> ClosedRange<Int>? {
        let bounds = text.split(separator: "-", omittingEmptySubsequences: false)
        guard bounds.count <= 2, let start = UInt16(bounds[0]) else { return nil }
        let end = bounds.count == 2 ? UInt16(bounds[1]) : start
        guard let end, end >= start else { return nil }
        return Int(start)...Int(end)
    }
}

/// Signal names docker's `signal.ParseSignal` accepts on Linux.
enum StopSignal {
    static func isValid(_ text: String) -> Bool {
        if let number = Int(text) { return number != 0 }
        var name = text.uppercased()
        if name.hasPrefix("SIG") { name.removeFirst(3) }
        return names.contains(name)
    }

    private static let names: Set<String> = {
        var names: Set<String> = [
            "ABRT", "ALRM", "BUS", "CHLD", "CLD", "CONT", "FPE", "HUP", "ILL", "INT", "IO", "IOT", "KILL",
            "PIPE", "POLL", "PROF", "PWR", "QUIT", "SEGV", "STKFLT", "STOP", "SYS", "TERM", "TRAP", "TSTP",
            "TTIN", "TTOU", "UNUSED", "URG", "USR1", "USR2", "VTALRM", "WINCH", "XCPU", "XFSZ", "RTMIN", "RTMAX",
        ]
        for offset in 1...15 { names.insert("RTMIN+\(offset)") }
        for offset in 1...14 { names.insert("RTMAX-\(offset)") }
        return names
    }()
}
