import Testing
@testable import Lessons

/// Answers every check command with one fixed result.
final class FixedEnvironment: StepEnvironment {
    var status: Int32
    var output: String
    var ran: [String] = []
    init(status: Int32 = 0, output: String = "") {
        self.status = status
        self.output = output
    }
    func runCheck(_ line: String) -> (status: Int32, output: String) {
        ran.append(line)
        return (status, output)
    }
    func runScripted(_ line: String, visible: Bool) -> Int32 { status }
    func placeFile(_ path: String, contents: [UInt8]) {}
    func advanceTime(by duration: Duration) {}
    func restoreFreshWorld() throws {}
}

@Suite struct CheckEvaluationTests {
    static let here = SourceLocation(path: "t.yaml", line: 1)

    static func check(_ status: Int32? = 0, _ output: OutputExpectation? = nil) -> Check {
        Check(kind: .command("kubectl get pods"), status: status, output: output, source: here)
    }

    @Test(arguments: [
        (check(0, .equals("Running")), 0, "Running\n", true),
        (check(0, .equals("Running")), 0, "Running\nPending\n", false),
        (check(0, .equals("Running\n\n")), 0, "Running", true),
        (check(0, .contains("kubia")), 0, "NAME\nkubia-1\n", true),
        (check(0, .contains("kubia")), 0, "NAME\n", false),
        (check(0, .lacks("ImagePullBackOff")), 0, "Running\n", true),
        (check(0, .lacks("ImagePullBackOff")), 0, "ImagePullBackOff\n", false),
        (check(0, .matches("^kubia-[a-z0-9]{5}$")), 0, "NAME\nkubia-x7k2p\n", true),
        (check(0, .matches("^kubia-[a-z0-9]{5}$")), 0, "kubia-x7k2p-extra\n", false),
        (check(0, nil), 0, "", true),
        (check(0, nil), 1, "", false),
        (check(1, nil), 1, "", true),
        (check(1, .contains("No such")), 1, "cat: x: No such file\n", true),
        (check(nil, .contains("x")), 7, "x", true),
    ] as [(Check, Int32, String, Bool)])
    func commandChecks(check: Check, status: Int32, output: String, passes: Bool) {
        let environment = FixedEnvironment(status: status, output: output)
        let outcome = check.evaluate(in: environment, typed: [])
        #expect(outcome.passed == passes)
        #expect(outcome.actual == output)
        #expect(environment.ran == ["kubectl get pods"])
    }

    @Test(arguments: [
        ("^docker run\\b", Int32?.some(0), [TypedLine(line: "docker run busybox", status: 0)], true),
        ("^docker run\\b", Int32?.some(0), [TypedLine(line: "docker run busybox", status: 125)], false),
        ("^docker run\\b", Int32?.none, [TypedLine(line: "docker run busybox", status: 125)], true),
        ("^docker run\\b", Int32?.some(0), [TypedLine(line: "docker ps", status: 0), TypedLine(line: "docker run x", status: 0)], true),
        ("^docker run\\b", Int32?.some(0), [TypedLine(line: "docker runner", status: 0)], false),
        ("^docker run\\b", Int32?.some(0), [], false),
    ] as [(String, Int32?, [TypedLine], Bool)])
    func typedChecks(pattern: String, status: Int32?, typed: [TypedLine], passes: Bool) {
        let environment = FixedEnvironment()
        let check = Check(kind: .typed(pattern: pattern), status: status, source: Self.here)
        #expect(check.evaluate(in: environment, typed: typed).passed == passes)
        #expect(environment.ran.isEmpty)
    }

    @Test func aStepPassesOnlyWhenEveryCheckDoesAndMistakesAreRecognized() throws {
        let step = Step(id: "1", instruction: LocalizedText(english: "x"),
                        checks: [Self.check(0, .contains("Running")), Check(kind: .typed(pattern: "get"), status: 0, source: Self.here)],
                        solution: ["kubectl get pods"],
                        mistakes: [Mistake(check: Self.check(0, .contains("ImagePullBackOff")), message: LocalizedText(english: "push it"))], source: Self.here)
        let running = FixedEnvironment(output: "Running")
        #expect(!step.passes(in: running, typed: []))
        #expect(step.passes(in: running, typed: [TypedLine(line: "kubectl get po", status: 0)]))
        let failing = FixedEnvironment(output: "ImagePullBackOff")
        #expect(step.recognizedMistake(in: failing, typed: [])?.message.english == "push it")
        #expect(step.recognizedMistake(in: running, typed: []) == nil)
    }
}
