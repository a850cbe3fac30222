import GoTemplates
import StructuredData
import Simulation
import Testing
@testable import Docker

/// Nesting deeper than the thread's stack allows ends in an error, never in a crash.
@Suite struct DockerDepthLimitTests {
    @Test(arguments: [
        "{{" + String(repeating: "(", count: 5_000) + "1" + String(repeating: ")", count: 5_000) + "}}",
        String(repeating: "{{if 1}}", count: 5_000) + String(repeating: "{{end}}", count: 5_000),
    ])
    func deepTemplatesFail(_ source: String) {
        let message = SmallStack.run { () -> String in
            do {
                _ = try GoTemplate(parsing: source).render(JSONValue.null)
                return "rendered"
            } catch let error as TemplateError {
                return error.message
            } catch {
                return "\(error)"
            }
        }
        #expect(message.contains("max expression depth exceeded"), "\(message.prefix(200))")
    }

    @Test func deepSubstitutionsFail() {
        let word = String(repeating: "${a:-", count: 5_000) + "x" + String(repeating: "}", count: 5_000)
        let message = SmallStack.run { () -> String in
            do {
                _ = try WordExpander(environment: ["A=1"]).expand(word)
                return "expanded"
            } catch let error as DockerfileError {
                return error.message
            } catch {
                return "\(error)"
            }
        }
        #expect(message.contains("substitutions nested too deeply"))
    }
}
