import Kernel
import Shell

/// `sed`: the stream editor's everyday subset — `s///` with `g`, `i`, `p` and numbered flags,
/// `d`, `p`, `q`, `=`, line, `$` and regex addresses and ranges; `-n`, `-e`, `-E`, `-i`.
public struct StreamEditorProgram: Program {
    public let flavor: Flavor

    public init(flavor: Flavor = .gnu) {
        self.flavor = flavor
    }

    public func run(_ context: ProgramContext) async throws -> Int32 {
        var specification = OptionSpecification(flags: Set("nErsiu"), valued: Set("ef"))
        specification.long = ["quiet": "n", "silent": "n", "expression": "e", "regexp-extended": "E",
                              "in-place": "i", "file": "f"]
        specification.longValued = ["expression", "file"]
        guard let parsed = context.parseOptions(specification, flavor: flavor) else { return 1 }
        var operands = parsed.operands
        var sources = parsed.values("e")
        for file in parsed.values("f") {
            switch try await context.readOperand(file) {
            case .failure(let error):
                context.complain("couldn't open file \(file): \(error.code.message)")
                return 1
            case .success(let bytes): sources.append(String(decoding: bytes, as: UTF8.self))
            }
        }
        if sources.isEmpty {
            guard !operands.isEmpty else {
                context.printError("Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n")
                return 1
            }
            sources = [operands.removeFirst()]
        }
        let extended = parsed.has("E") || parsed.has("r")
        var script = StreamEditorScript(commands: [])
        for (number, source) in sources.enumerated() {
            do {
                script.commands += try StreamEditorScript(source, extended: extended).commands
            } catch {
                context.complain("-e expression #\(number + 1), char \(error.position): \(error.message)")
                return 1
            }
        }
        let quiet = parsed.has("n")
        if parsed.has("i") {
            guard !operands.isEmpty else {
                context.complain("no input files")
                return 1
            }
            var status: Int32 = 0
            for operand in operands {
                let path = context.resolve(operand)
                do {
                    let bytes = try context.machine.fileSystem.readFile(path, as: context.user)
                    var editor = StreamEditor(script: script, quiet: quiet)
                    let output = editor.process(bytes)
                    try context.machine.fileSystem.writeFile(path, Array(output.utf8), as: context.user)
                } catch {
                    context.complain("can't read \(operand): \(error.code.message)")
                    status = 2
                }
            }
            return status
        }
        // Lines flow through as they come, one line of look-ahead to know which is the last ($).
        var status: Int32 = 0
        var inputs = (operands.isEmpty ? ["-"] : operands)[...]
        var reader: LineReader?
        func nextLine() async throws -> (text: String, terminated: Bool)? {
            while true {
                if let reader, let line = try await reader.next() { return line }
                guard let operand = inputs.popFirst() else { return nil }
                if operand == "-" {
                    reader = LineReader(context.stdin)
                    continue
                }
                do {
                    reader = LineReader(BytesReader(try context.machine.fileSystem.readFile(context.resolve(operand), as: context.user)))
                } catch {
                    context.complain("can't read \(operand): \(error.code.message)")
                    status = 2
                    reader = nil
                }
            }
        }
        var editor = StreamEditor(script: script, quiet: quiet)
        var current = try await nextLine()
        var number = 0
        while let line = current {
            let following = try await nextLine()
            number += 1
            let isLast = following == nil
            let (output, quit) = editor.processLine(line.text, number: number, isLast: isLast, terminated: line.terminated || !isLast)
            guard context.emit(output) else { return status }
            if quit { break }
            current = following
        }
        return status
    }
}

extension StreamEditorScript {
    init(commands: [Command]) {
        self.commands = commands
    }
}

/// Runs a script over the lines of an input.
struct StreamEditor {
    let script: StreamEditorScript
    let quiet: Bool
    private var activeRanges: [Bool]

    init(script: StreamEditorScript, quiet: Bool) {
        self.script = script
        self.quiet = quiet
        self.activeRanges = Array(repeating: false, count: script.commands.count)
    }

    /// The whole output for a whole input (`sed -i`).
    mutating func process(_ bytes: [UInt8]) -> String {
        let lines = textLines(bytes)
        var output = ""
        for (index, line) in lines.enumerated() {
            let isLast = index == lines.count - 1
            let (text, quit) = processLine(line, number: index + 1, isLast: isLast, terminated: !isLast || bytes.last == 0x0A)
            output += text
            if quit { break }
        }
        return output
    }

    /// Runs the script over one line; returns what to print and whether `q` ended the run.
    mutating func processLine(_ original: String, number: Int, isLast: Bool, terminated: Bool) -> (String, Bool) {
        var output = ""
        var line = original
        var deleted = false
        var quitting = false
        for (commandIndex, command) in script.commands.enumerated() {
            guard selects(command, commandIndex, line: line, number: number, isLast: isLast) != command.negated else { continue }
            switch command.action {
            case .delete:
                deleted = true
            case .print:
                output += line + "\n"
            case .lineNumber:
                output += String(number) + "\n"
            case .quit:
                quitting = true
            case .substitute(let regex, let replacement, let global, let occurrence, let print):
                if let replaced = Self.substitute(line, regex, replacement, global: global, occurrence: occurrence) {
                    line = replaced
                    if print { output += line + "\n" }
                }
            }
            if deleted || quitting { break }
        }
        if !deleted, !quiet { output += line + (terminated ? "\n" : "") }
        return (output, quitting)
    }

    private func matches(_ address: StreamEditorScript.Address, line: String, number: Int, isLast: Bool) -> Bool {
        switch address {
        case .line(let wanted): number == wanted
        case .last: isLast
        case .pattern(let regex): regex.matches(line)
        }
    }

    private mutating func selects(_ command: StreamEditorScript.Command, _ index: Int, line: String, number: Int, isLast: Bool) -> Bool {
        guard let first = command.first else { return true }
        guard let second = command.second else { return matches(first, line: line, number: number, isLast: isLast) }
        if activeRanges[index] {
            if case .line(let end) = second {
                if number >= end { activeRanges[index] = false }
                return true
            }
            if matches(second, line: line, number: number, isLast: isLast) { activeRanges[index] = false }
            return true
        }
        guard matches(first, line: line, number: number, isLast: isLast) else { return false }
        if case .line(let end) = second, end <= number { return true }
        activeRanges[index] = true
        return true
    }

    static func substitute(_ line: String, _ regex: PosixRegex, _ replacement: [StreamEditorScript.ReplacementPart],
                           global: Bool, occurrence: Int) -> String? {
        let matches = regex.allMatches(in: line)
        guard matches.count >= occurrence else { return nil }
        var result = ""
        var position = line.startIndex
        for (index, match) in matches.enumerated() {
            let ordinal = index + 1
            guard ordinal >= occurrence else { continue }
            if ordinal > occurrence, !global { break }
            result += line[position..<match.range.lowerBound]
            for part in replacement {
                switch part {
                case .text(let text): result += text
                case .group(let group):
                    if group < match.output.count, let captured = match.output[group].substring { result += captured }
                }
            }
            position = match.range.upperBound
        }
        result += line[position...]
        return result
    }
}
