/// A parsed Dockerfile: its instructions in order, the escape character in force, and the
/// warnings the daemon prints before building.
public struct Dockerfile: Equatable, Sendable {
    public let instructions: [DockerfileInstruction]
    public let escapeCharacter: Unicode.Scalar
    /// `[WARNING]: Empty continuation line found in: …` lines, already formatted.
    public let warnings: [String]

    /// Parses `text` and checks every instruction name, as the daemon does before step 1.
    public init(parsing text: String) throws(DockerfileError) {
        var parser = DockerfileParser(text: text)
        let result = try parser.parse()
        for instruction in result.instructions {
            if instruction.keyword == DockerfileKeyword.onbuild.rawValue, instruction.trigger.isEmpty {
                throw .onbuildWithoutTrigger(line: instruction.line)
            }
            guard instruction.isKnown else {
                throw .unknownInstruction(instruction.keyword, line: instruction.line)
            }
        }
        self = result
    }

    public init(instructions: [DockerfileInstruction], escapeCharacter: Unicode.Scalar = "\\", warnings: [String] = []) {
        self.instructions = instructions
        self.escapeCharacter = escapeCharacter
        self.warnings = warnings
    }

    /// `Step N/M` counts every instruction, FROM included.
    public var stepCount: Int { instructions.count }
}
