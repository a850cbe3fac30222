import Kernel

/// `xargs`: runs a command (default `echo`) with words read from standard input appended,
/// all at once or `-n` at a time.
public struct ArgumentsProgram: Program {
    public let flavor: Flavor

    public init(flavor: Flavor = .gnu) {
        self.flavor = flavor
    }

    public func run(_ context: ProgramContext) async throws -> Int32 {
        var specification = OptionSpecification(flags: Set("0rt"), valued: Set("nI"))
        specification.permute = false
        specification.long = ["max-args": "n", "null": "0", "no-run-if-empty": "r"]
        specification.longValued = ["max-args"]
        guard let parsed = context.parseOptions(specification, flavor: flavor) else { return 1 }
        var batchSize = Int.max
        if let text = parsed.value("n") {
            guard let number = Int(text), number > 0 else {
                context.complain("value \(text) for -n option should be >= 1")
                return 1
            }
            batchSize = number
        }
        let command = parsed.operands.isEmpty ? ["echo"] : parsed.operands
        let input = String(decoding: try await context.readStandardInput(), as: UTF8.self)
        let words: [String] = parsed.has("0")
            ? input.split(separator: "\0").map(String.init)
            : Self.words(input)
        if words.isEmpty, parsed.has("r") || flavor == .busybox { return 0 }
        var batches: [[String]] = []
        if let placeholder = parsed.value("I") {
            batches = input.split(separator: "\n").map { line in command.map { $0.replacingAll(placeholder, with: String(line)) } }
        } else {
            var remaining = words[...]
            repeat {
                let batch = remaining.prefix(batchSize)
                remaining = remaining.dropFirst(batch.count)
                batches.append(command + batch)
            } while !remaining.isEmpty
        }
        var status: Int32 = 0
        for arguments in batches {
            let process: SimulatedProcess
            do {
                process = try context.machine.start(arguments, environment: context.environment,
                                                    workingDirectory: context.workingDirectory, user: context.user,
                                                    stdin: EmptyReader(), stdout: context.stdout, stderr: context.stderr,
                                                    parent: context.process)
            } catch {
                context.complain("\(arguments[0]): \(error.code.message)")
                return error.code == .ENOENT ? 127 : 126
            }
            let exit = try await process.waitForExit()
            if exit == 255 {
                context.complain("\(arguments[0]): exited with status 255; aborting")
                return 124
            }
            if exit > 128 {
                context.complain("\(arguments[0]): terminated by signal \(exit - 128)")
                return 125
            }
            if exit != 0 { status = 123 }
        }
        return status
    }

    /// Blank-separated words, with single and double quotes and backslashes as xargs reads them.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var iterator = text.makeIterator()
        while let character = iterator.next() {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
                continue
            }
            switch character {
            case " ", "\t", "\n":
                if inWord { words.append(current) }
                current = ""
                inWord = false
            case "'", "\"":
                quote = character
                inWord = true
            case "\\":
                if let next = iterator.next() { current.append(next) }
                inWord = true
            default:
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}

extension String {
    /// Every occurrence of `target` replaced by `replacement`.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var remaining = self[...]
        while let range = remaining.firstRange(of: target) {
            result += remaining[..<range.lowerBound] + replacement
            remaining = remaining[range.upperBound...]
        }
        return result + remaining
    }
}
