import Foundation

/// A command line the learner typed during a step, with how it ended.
public struct TypedLine: Hashable, Sendable {
    public var line: String
    public var status: Int32

    public init(line: String, status: Int32) {
        self.line = line
        self.status = status
    }
}

/// How one check came out, with what was seen (for `lesson test` and `check`).
public struct CheckOutcome: Hashable, Sendable {
    public var check: Check
    public var passed: Bool
    /// The command's exit status (nil for a typed check).
    public var status: Int32?
    /// What the command printed, or for a typed check the lines typed.
    public var actual: String

    /// The actual result, in words.
    public var actualDescription: String {
        switch check.kind {
        case .command:
            let output = actual.isEmpty ? "(no output)" : actual
            return "exit status \(status ?? 0), output:\n" + output
        case .typed:
            return actual.isEmpty ? "nothing typed yet" : "typed:\n" + actual
        }
    }
}

extension Check {
    /// Runs the check: a command in `environment`, or the pattern against `typed` lines.
    public func evaluate(in environment: any StepEnvironment, typed: [TypedLine]) -> CheckOutcome {
        switch kind {
        case .command(let command):
            let result = environment.runCheck(command)
            return CheckOutcome(check: self, passed: accepts(status: result.status, output: result.output),
                                status: result.status, actual: result.output)
        case .typed(let pattern):
            let matched = typed.contains { line in
                (status == nil || status == line.status) && Self.search(pattern, in: line.line)
            }
            return CheckOutcome(check: self, passed: matched, status: nil, actual: typed.map(\.line).joined(separator: "\n"))
        }
    }

    /// Whether a command's result meets the check.
    public func accepts(status actualStatus: Int32, output: String) -> Bool {
        if let status, status != actualStatus { return false }
        switch self.output {
        case nil: return true
        case .equals(let expected): return Self.trimmedEnd(output) == Self.trimmedEnd(expected)
        case .contains(let part): return output.contains(part)
        case .lacks(let part): return !output.contains(part)
        case .matches(let pattern): return Self.search(pattern, in: output)
        }
    }

    static func trimmedEnd(_ text: String) -> Substring {
        var result = Substring(text)
        while let last = result.last, last == "\n" || last == " " || last == "\r" || last == "\t" { result.removeLast() }
        return result
    }

    /// Whether the regular expression finds a match anywhere in `text`; an invalid pattern never
    /// matches (lint reports it).
    static func search(_ pattern: String, in text: String) -> Bool {
        guard let expression = try? NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines]) else { return false }
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}

extension Step {
    /// Evaluates every check (all of them, so a report can show each one's result).
    public func evaluate(in environment: any StepEnvironment, typed: [TypedLine]) -> [CheckOutcome] {
        checks.map { $0.evaluate(in: environment, typed: typed) }
    }

    /// Whether every check passes (stops at the first that does not).
    public func passes(in environment: any StepEnvironment, typed: [TypedLine]) -> Bool {
        checks.allSatisfy { $0.evaluate(in: environment, typed: typed).passed }
    }

    /// The first mistake whose recognizing check passes.
    public func recognizedMistake(in environment: any StepEnvironment, typed: [TypedLine]) -> Mistake? {
        mistakes.first { $0.check.evaluate(in: environment, typed: typed).passed }
    }
}
