import Simulation
import StructuredData
import Testing
@testable import Docker
import GoTemplates

/// Arbitrary input never crashes or hangs the parsers: it parses or gets an error.
@Suite struct RobustnessTests {
    private static let alphabet = Array("{}[]().,:;|$-_=!*?\\/\"'` \t\nabcXYZ019#@%&+<>^~é…")

    private func inputs(seed: UInt64, count: Int) -> [String] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { _ in random.string(count: random.integer(in: 0...40), alphabet: Self.alphabet) }
    }

    @Test func dockerfilesParseOrFail() {
        var outcomes = Set<Bool>()
        for text in inputs(seed: 11, count: 1_000) {
            for prefix in ["FROM a\nRUN ", "FROM a\nENV ", "FROM a\nADD ", "FROM a\nHEALTHCHECK ", "# escape=`\nFROM a\nLABEL ", ""] {
                do {
                    let file = try Dockerfile(parsing: prefix + text)
                    for instruction in file.instructions {
                        _ = try? instruction.resolve(with: BuildVariables(environment: ["A=1"]), escape: file.escapeCharacter)
                        _ = instruction.stepText
                    }
                    outcomes.insert(true)
                } catch {
                    #expect(!error.message.isEmpty)
                    outcomes.insert(false)
                }
            }
        }
        #expect(outcomes == [true, false])
    }

    @Test func templatesParseOrFail() {
        let data: JSONValue = ["a": [1, "x", nil, ["b": true]], "s": "text"]
        var outcomes = Set<Bool>()
        for text in inputs(seed: 12, count: 1_500) {
            for candidate in ["{{" + text + "}}", "{{.a" + text, text] {
                do {
                    let template = try GoTemplate(parsing: candidate)
                    _ = try? template.render(data)
                    _ = try? template.render(data, missingKey: .error)
                    outcomes.insert(true)
                } catch {
                    #expect(error.message.hasPrefix("template: :"))
                    outcomes.insert(false)
                }
            }
        }
        #expect(outcomes == [true, false])
    }

    @Test func referencesAndIgnoreFilesParseOrFail() {
        for text in inputs(seed: 13, count: 3_000) {
            _ = try? ImageReference(parsing: text)
            if let ignore = try? DockerIgnore(parsing: text) {
                _ = ignore.excludes(text)
                _ = ignore.excludes("a/b/c")
            }
            _ = ContainerNames.isValid(text)
            _ = try? WordExpander(environment: ["A=1"]).expandToWords(text)
        }
    }
}
