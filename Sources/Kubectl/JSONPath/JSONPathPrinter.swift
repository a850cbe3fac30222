import Eras
import Formatting
import StructuredData

/// The `-o jsonpath=<template>` printer of kubectl: parse errors and execution failures in its words.
public struct JSONPathPrinter: Hashable, Sendable {
    /// Which kubectl generation's behaviour to reproduce.
    public enum Generation: Hashable, Sendable {
        /// Book era (≈1.8): maps print as `map[k:v]`; on failure the debugging dump goes to standard output.
        case legacy
        /// Current kubectl: maps print as JSON; the debugging dump is part of the error message.
        case current

        /// The generation of the era's kubectl.
        init(_ era: Era) {
            self = era.kubectl.jsonPathPrintsGoValues ? .legacy : .current
        }
    }

    /// A failed execution: what kubectl writes to standard output, and its error message
    /// (without the `error: ` prefix kubectl adds when it prints it).
    public struct ExecutionFailure: Error, Hashable, Sendable {
        public let standardOutput: String
        public let message: String

        public init(standardOutput: String, message: String) {
            self.standardOutput = standardOutput
            self.message = message
        }
    }

    public let path: JSONPath
    public let generation: Generation

    /// Parses the template as `kubectl get -o jsonpath=…` does (missing keys allowed).
    /// The thrown message reads `error parsing jsonpath {.items[}, unterminated array`.
    public init(template: String, generation: Generation = .current, allowsMissingKeys: Bool = true)
        throws(JSONPathError)
    {
        guard !template.isEmpty else {
            throw JSONPathError("jsonpath template format specified but no template given")
        }
        do {
            path = try JSONPath(
                template, allowsMissingKeys: allowsMissingKeys,
                compositeStyle: generation == .legacy ? .goValue : .json)
        } catch {
            throw JSONPathError("error parsing jsonpath \(template), \(error.message)")
        }
        self.generation = generation
    }

    /// The output for one object (a `List` for several), with no newline added.
    public func print(_ object: JSONValue) throws(ExecutionFailure) -> String {
        do {
            return try path.execute(on: object)
        } catch {
            let dump = "Error executing template: \(error.message). Printing more information for debugging the template:\n"
                + "\ttemplate was:\n\t\t\(path.template)\n"
                + "\tobject given to jsonpath engine was:\n\t\t\(GoValueFormatting.goSyntax(object))\n\n"
            switch generation {
            case .legacy:
                throw ExecutionFailure(
                    standardOutput: dump,
                    message: "error executing jsonpath \(goQuotedTemplate): \(error.message)\n")
            case .current:
                throw ExecutionFailure(
                    standardOutput: "", message: "error executing jsonpath \(goQuotedTemplate): \(dump)\n")
            }
        }
    }

    private var goQuotedTemplate: String { GoValueFormatting.goSyntax(.string(path.template)) }
}
