import Foundation
import REPL

/// Reads transcripts. Only fenced blocks whose info string is `console` hold a session; all
/// other text is prose and is kept as it is.
public enum TranscriptParser {
    /// A transcript that cannot be read, with its file and line.
    public struct Failure: Error, CustomStringConvertible, Equatable {
        public let path: String
        public let line: Int
        public let message: String
        public var description: String { "\(path):\(line): \(message)" }
    }

    /// The default seed of a transcript without a header.
    public static let defaultSeed: UInt64 = 1

    /// Parses `text`; `isComplete` tells whether a command is whole (the shell's rule), so that
    /// `> ` lines are continuation lines only while the command is still open.
    public static func parse(_ text: String, path: String, isComplete: (String) -> Bool) throws(Failure) -> Transcript {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        var seed = defaultSeed
        var steps: [Transcript.Step] = []
        var index = 0
        var fence: String?
        var sawHeader = false

        func fail(_ message: String, at lineIndex: Int) -> Failure {
            Failure(path: path, line: lineIndex + 1, message: message)
        }

        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if fence == nil {
                if trimmed.hasPrefix("<!--"), trimmed.contains("kubelab:") {
                    guard !sawHeader else { throw fail("a second kubelab header", at: index) }
                    sawHeader = true
                    seed = try parseHeader(trimmed, at: index, fail: fail)
                } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                    let marker = String(trimmed.prefix(3))
                    let info = trimmed.dropFirst(3).trimmingCharacters(in: .whitespaces)
                    fence = info == "console" ? marker : "prose" + marker
                }
                index += 1
                continue
            }
            guard let open = fence, !open.hasPrefix("prose") else {
                if let open = fence, trimmed.hasPrefix(String(open.dropFirst(5))) { fence = nil }
                index += 1
                continue
            }
            if trimmed.hasPrefix(open) {
                fence = nil
                index += 1
                continue
            }
            guard line.hasPrefix("$ ") || line == "$" else {
                throw fail("output before the first command of the block (commands start with \"$ \")", at: index)
            }
            let commandIndex = index
            var commandLines = [String(line.dropFirst(2))]
            index += 1
            while !isComplete(commandLines.joined(separator: "\n")) {
                guard index < lines.count, lines[index].hasPrefix("> ") || lines[index] == ">" else {
                    throw fail("the command is not complete: continue it on lines starting with \"> \"", at: commandIndex)
                }
                commandLines.append(String(lines[index].dropFirst(2)))
                index += 1
            }
            let outputStart = index
            var expected: [ExpectedLine] = []
            var status: Int32 = 0
            var interrupt: Transcript.Interrupt?
            while index < lines.count, !lines[index].hasPrefix("$ "), lines[index] != "$",
                  !lines[index].trimmingCharacters(in: .whitespaces).hasPrefix(open) {
                let output = lines[index]
                if let code = exitStatus(output) {
                    let next = index + 1 < lines.count ? lines[index + 1] : open
                    guard next.hasPrefix("$ ") || next == "$" || next.trimmingCharacters(in: .whitespaces).hasPrefix(open) else {
                        throw fail("an exit status line [\(code)] must be the last line of a command's output", at: index)
                    }
                    status = code
                } else if output == "^C" || output.hasPrefix("^C after ") {
                    guard interrupt == nil else { throw fail("a second ^C for one command", at: index) }
                    var after: Duration?
                    if output != "^C" {
                        guard let duration = DurationText.parse(String(output.dropFirst(9))) else {
                            throw fail("\"^C after\" needs a duration such as 30s or 2m", at: index)
                        }
                        after = duration
                    }
                    interrupt = Transcript.Interrupt(after: after, position: expected.count)
                } else {
                    expected.append(ExpectedLine(parsing: output))
                }
                index += 1
            }
            steps.append(Transcript.Step(commandLines: commandLines, expected: expected, exitStatus: status,
                                         interrupt: interrupt, commandLineIndex: commandIndex,
                                         outputLineRange: outputStart..<index))
        }
        if fence != nil, fence?.hasPrefix("prose") == false {
            throw Failure(path: path, line: lines.count, message: "the console block is not closed")
        }
        return Transcript(path: path, lines: lines, seed: seed, steps: steps)
    }

    static func exitStatus(_ line: String) -> Int32? {
        guard line.hasPrefix("["), line.hasSuffix("]"), let code = Int32(line.dropFirst().dropLast()), code != 0 else {
            return nil
        }
        return code
    }

    private static func parseHeader(_ line: String, at index: Int, fail: (String, Int) -> Failure) throws(Failure) -> UInt64 {
        guard let start = line.range(of: "kubelab:"), let end = line.range(of: "-->") else {
            throw fail("a kubelab header looks like <!-- kubelab: seed=7 -->", index)
        }
        var seed = defaultSeed
        for setting in line[start.upperBound..<end.lowerBound].split(separator: " ") {
            let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw fail("expected name=value in the header, found \"\(setting)\"", index) }
            switch parts[0] {
            case "seed":
                guard let value = UInt64(parts[1]) else { throw fail("the seed must be a whole number, not \"\(parts[1])\"", index) }
                seed = value
            default:
                throw fail("unknown header setting \"\(parts[0])\" (known: seed)", index)
            }
        }
        return seed
    }

    /// The text `^C after` shows for `duration`: the shortest of `2m`, `30s`, `1.5s`, `250ms`.
    public static func format(_ duration: Duration) -> String {
        let nanoseconds = duration.nanoseconds
        if nanoseconds % 3_600_000_000_000 == 0 { return "\(nanoseconds / 3_600_000_000_000)h" }
        if nanoseconds % 60_000_000_000 == 0 { return "\(nanoseconds / 60_000_000_000)m" }
        if nanoseconds % 1_000_000_000 == 0 { return "\(nanoseconds / 1_000_000_000)s" }
        if nanoseconds % 1_000_000 == 0 { return "\(nanoseconds / 1_000_000)ms" }
        return "\(nanoseconds)ns"
    }
}

