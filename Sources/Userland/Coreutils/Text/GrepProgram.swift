import Kernel
import Shell

/// `grep`: prints lines matching a basic (default), extended (`-E`) or fixed (`-F`) pattern.
/// Exit status 0 when a line was selected, 1 when none was, 2 on errors.
public struct GrepProgram: Program {
    public let flavor: Flavor

    public init(flavor: Flavor = .gnu) {
        self.flavor = flavor
    }

    struct Settings {
        var invert = false, lineNumbers = false, countOnly = false, namesOnly = false, namesWithout = false
        var quiet = false, onlyMatching = false, withNames: Bool?, suppressErrors = false
        var wholeWord = false, wholeLine = false
        /// `-A`, `-B` (`-C` sets both): lines of context after and before each selected line.
        var after = 0, before = 0
    }

    public func run(_ context: ProgramContext) async throws -> Int32 {
        var specification = OptionSpecification(flags: Set("ivEFGnclLrRqsohHwxP"), valued: Set("efmABC"))
        specification.long = ["ignore-case": "i", "invert-match": "v", "extended-regexp": "E", "fixed-strings": "F",
                              "line-number": "n", "count": "c", "files-with-matches": "l", "recursive": "r",
                              "quiet": "q", "silent": "q", "only-matching": "o", "regexp": "e", "word-regexp": "w",
                              "line-regexp": "x", "no-filename": "h", "with-filename": "H", "color": "\u{1}", "colour": "\u{1}",
                              "after-context": "A", "before-context": "B", "context": "C"]
        specification.longValued = ["regexp", "after-context", "before-context", "context"]
        guard let parsed = context.parseOptions(specification, flavor: flavor) else { return 2 }
        var settings = Settings()
        // egrep and fgrep are grep -E and grep -F under other names.
        var extended = context.programName == "egrep", fixed = context.programName == "fgrep"
        var ignoreCase = false, recursive = false
        for (option, _) in parsed.options {
            switch option {
            case "i": ignoreCase = true
            case "v": settings.invert = true
            case "E": extended = true
            case "F": fixed = true
            case "P": extended = true
            case "n": settings.lineNumbers = true
            case "c": settings.countOnly = true
            case "l": settings.namesOnly = true
            case "L": settings.namesWithout = true
            case "r", "R": recursive = true
            case "q": settings.quiet = true
            case "s": settings.suppressErrors = true
            case "o": settings.onlyMatching = true
            case "h": settings.withNames = false
            case "H": settings.withNames = true
            case "w": settings.wholeWord = true
            case "x": settings.wholeLine = true
            default: break
            }
        }
        for option: Character in ["A", "B", "C"] {
            guard let text = parsed.values(option).last else { continue }
            guard let lines = Int(text), lines >= 0 else {
                context.complain("\(text): invalid context length argument")
                return 2
            }
            if option != "B" { settings.after = lines }
            if option != "A" { settings.before = lines }
        }
        var operands = parsed.operands
        var patterns = parsed.values("e")
        if parsed.has("f") {
            for file in parsed.values("f") {
                switch try await context.readOperand(file) {
                case .failure(let error):
                    context.complain(about: error, path: file)
                    return 2
                case .success(let bytes): patterns += textLines(bytes)
                }
            }
        }
        if patterns.isEmpty, !parsed.has("f") {
            guard !operands.isEmpty else {
                context.printError(flavor == .gnu ? "Usage: grep [OPTION]... PATTERN [FILE]...\n" : BusyBoxProgram.banner + "\n")
                if flavor == .gnu { context.printUsageHint(flavor: flavor) }
                return 2
            }
            patterns = operands.removeFirst().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        var expressions: [PosixRegex] = []
        for pattern in patterns {
            var source = fixed ? Self.escapeFixed(pattern) : pattern
            let useExtended = fixed ? false : extended
            if settings.wholeLine {
                source = useExtended ? "^(" + source + ")$" : "^\\(" + source + "\\)$"
            } else if settings.wholeWord {
                source = useExtended ? "\\<(" + source + ")\\>" : "\\<\\(" + source + "\\)\\>"
            }
            do {
                expressions.append(try PosixRegex(source, extended: useExtended, ignoreCase: ignoreCase))
            } catch {
                context.complain(error.message)
                return 2
            }
        }
        var inputs: [(shown: String, path: String?)] = []
        var status: Int32 = 0
        if operands.isEmpty {
            inputs = recursive ? Self.walk(context, shown: nil, path: context.workingDirectory) : [("(standard input)", nil)]
        } else {
            for operand in operands {
                let path = context.resolve(operand)
                if operand != "-", recursive, context.machine.fileSystem.isDirectory(path) {
                    inputs += Self.walk(context, shown: operand, path: path)
                } else {
                    inputs.append((operand == "-" ? "(standard input)" : operand, operand == "-" ? nil : path))
                }
            }
        }
        let showNames = settings.withNames ?? (inputs.count > 1 || recursive)
        var anySelected = false
        for input in inputs {
            var matcher = LineSelector(expressions: expressions, settings: settings, prefix: showNames ? input.shown : nil)
            if let path = input.path {
                let bytes: [UInt8]
                do {
                    bytes = try context.machine.fileSystem.readFile(path, as: context.user)
                } catch {
                    if !settings.suppressErrors {
                        context.complain("\(input.shown): \(error.code.message)")
                    }
                    status = 2
                    continue
                }
                if bytes.prefix(4096).contains(0), !settings.countOnly, !settings.namesOnly, !settings.quiet {
                    // Binary files report a match instead of printing lines.
                    if textLines(bytes).contains(where: { line in expressions.contains { $0.matches(line) } != settings.invert }) {
                        anySelected = true
                        context.emit("Binary file \(input.shown) matches\n")
                    }
                    continue
                }
                var output = ""
                for (index, line) in textLines(bytes).enumerated() {
                    output += matcher.consider(line, number: index + 1)
                    if matcher.isDone { break }
                }
                context.emit(output)
            } else {
                // Standard input is filtered line by line, so a pipeline shows matches as they come.
                let reader = LineReader(context.stdin)
                var number = 0
                while let line = try await reader.next() {
                    number += 1
                    guard context.emit(matcher.consider(line.text, number: number)) else { return anySelected ? 0 : 1 }
                    if matcher.isDone { break }
                }
            }
            if matcher.selected > 0 { anySelected = true }
            if settings.quiet, anySelected { return 0 }
            if settings.countOnly {
                context.emit((showNames ? input.shown + ":" : "") + String(matcher.selected) + "\n")
            }
            if settings.namesOnly, matcher.selected > 0 { context.emit(input.shown + "\n") }
            if settings.namesWithout, matcher.selected == 0 { context.emit(input.shown + "\n") }
        }
        if status == 2, !(settings.quiet && anySelected) { return 2 }
        return anySelected ? 0 : 1
    }

    /// Decides line by line what grep prints for one input, counting the selected lines.
    struct LineSelector {
        let expressions: [PosixRegex]
        let settings: Settings
        let prefix: String?
        private(set) var selected = 0
        /// Unselected lines kept for `-B`, and how many more `-A` still prints.
        private var held: [(number: Int, text: String)] = []
        private var afterLeft = 0
        private var lastPrinted: Int?

        init(expressions: [PosixRegex], settings: Settings, prefix: String?) {
            self.expressions = expressions
            self.settings = settings
            self.prefix = prefix
        }

        /// Whether nothing more needs reading (`-q`, `-l`, `-L` after the first selected line).
        var isDone: Bool { selected > 0 && (settings.quiet || settings.namesOnly || settings.namesWithout) }

        /// What to print for `line` (often nothing).
        mutating func consider(_ line: String, number: Int) -> String {
            let matched = expressions.contains { $0.matches(line) }
            let printsLines = !settings.countOnly && !settings.namesOnly && !settings.namesWithout && !settings.quiet
            let withContext = printsLines && !settings.onlyMatching && (settings.after > 0 || settings.before > 0)
            guard matched != settings.invert else {
                guard withContext else { return "" }
                if afterLeft > 0 {
                    afterLeft -= 1
                    lastPrinted = number
                    return contextLine(line, number: number)
                }
                held.append((number, line))
                if held.count > settings.before { held.removeFirst() }
                return ""
            }
            selected += 1
            guard printsLines else { return "" }
            var output = ""
            if withContext {
                // GNU grep: `--` between groups of lines that are not adjacent.
                if let lastPrinted, (held.first?.number ?? number) > lastPrinted + 1 { output += "--\n" }
                for kept in held { output += contextLine(kept.text, number: kept.number) }
                held = []
                afterLeft = settings.after
                lastPrinted = number
            }
            var lead = ""
            if let prefix { lead += prefix + ":" }
            if settings.lineNumbers { lead += String(number) + ":" }
            guard settings.onlyMatching else { return output + lead + line + "\n" }
            guard !settings.invert else { return "" }
            var pieces: [(String.Index, String)] = []
            for expression in expressions {
                for match in expression.allMatches(in: line) where !match.range.isEmpty {
                    pieces.append((match.range.lowerBound, String(line[match.range])))
                }
            }
            return output + pieces.sorted { $0.0 < $1.0 }.map { lead + $0.1 + "\n" }.joined()
        }

        /// A line printed for context: `-` where a selected line has `:`.
        private func contextLine(_ line: String, number: Int) -> String {
            var lead = ""
            if let prefix { lead += prefix + "-" }
            if settings.lineNumbers { lead += String(number) + "-" }
            return lead + line + "\n"
        }
    }

    /// The regular files under a directory, depth first in name order, as `grep -r` visits them.
    static func walk(_ context: ProgramContext, shown: String?, path: String) -> [(shown: String, path: String?)] {
        var found: [(shown: String, path: String?)] = []
        let fileSystem = context.machine.fileSystem
        for name in (try? fileSystem.listDirectory(path, as: context.user)) ?? [] {
            let childPath = Paths.join(path, name)
            let childShown = shown.map { $0.hasSuffix("/") ? $0 + name : $0 + "/" + name } ?? name
            guard let status = try? fileSystem.status(childPath, followSymlinks: false, as: context.user) else { continue }
            switch status.kind {
            case .directory: found += walk(context, shown: childShown, path: childPath)
            case .file: found.append((childShown, childPath))
            default: continue
            }
        }
        return found
    }

    /// A fixed string as a basic regular expression matching it literally.
    static func escapeFixed(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if "\\.[]*^$".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
