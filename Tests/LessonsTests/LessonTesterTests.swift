import Testing
@testable import Lessons

@Suite struct LessonTesterTests {
    func test(_ files: [String: String]) throws -> (Int32, String, [String: String]) {
        let (folder, paths) = try writeFixtures(files)
        var printed = ""
        let status = LessonTools.test(paths: [folder.path], makeWorld: { try makeTestWorld(seed: $0) }) { printed += $0 }
        return (status, printed, paths)
    }

    @Test func goodLessonsPlayThrough() throws {
        let (status, printed, paths) = try test(["ch02/a.yaml": Fixtures.files, "ch02/b.yaml": Fixtures.more, "ch02/c.yaml": Fixtures.slow])
        #expect(status == 0)
        #expect(printed == """
            ok    ch02-files (\(paths["ch02/a.yaml"] ?? ""), 3 steps)
            ok    ch02-more (\(paths["ch02/b.yaml"] ?? ""), 1 step)
            ok    ch02-slow (\(paths["ch02/c.yaml"] ?? ""), 1 step)
            3 of 3 lessons passed

            """)
    }

    @Test func aCheckThatPassesBeforeTheSolutionFails() throws {
        let (status, printed, paths) = try test(["early.yaml": Fixtures.passesEarly])
        let path = paths["early.yaml"] ?? ""
        #expect(status == 1)
        #expect(printed == """
            FAIL  ch03-early (\(path))
            \(path):7: lesson ch03-early, step 1 (1): the checks already pass before the solution (they do not test the step)
                check at line 9: exit status 0, output:
                hello
            0 of 1 lesson passed

            """)
    }

    @Test func aSolutionThatDoesNotSatisfyItsChecksFailsWithTheActualOutput() throws {
        let (status, printed, paths) = try test(["broken.yaml": Fixtures.failingSolution, "ok.yaml": Fixtures.more])
        let path = paths["broken.yaml"] ?? ""
        #expect(status == 1)
        #expect(printed.contains("""
            FAIL  ch03-broken (\(path))
            \(path):13: lesson ch03-broken, step 2 (2): a check fails after the solution
                exit status 0, output:
                wrong

            """))
        #expect(printed.hasSuffix("1 of 2 lessons passed\n"))
    }

    @Test func aSolutionCommandThatFailsIsReported() throws {
        let text = Fixtures.more.replacingOccurrences(of: "solution: [mkdir box]", with: "solution: [mkdir box, fail]")
        let (status, printed, paths) = try test(["b.yaml": text])
        #expect(status == 1)
        #expect(printed.contains("\(paths["b.yaml"] ?? ""):8: lesson ch02-more, step 1 (1): the solution command `fail` exited with status 3\n    output:\n    fail: failed on purpose\n"))
    }

    /// A line may end with another status than 0 when the lesson says which: a session that
    /// hangs until Ctrl-C. Any other status still fails the play.
    @Test(arguments: [(3, true), (4, false)])
    func aSolutionLineMayDeclareItsStatus(declared: Int, passes: Bool) throws {
        let text = Fixtures.more.replacingOccurrences(of: "solution: [mkdir box]",
                                                      with: "solution: [mkdir box, {run: fail, status: \(declared)}]")
        let (status, printed, paths) = try test(["b.yaml": text])
        #expect(status == (passes ? 0 : 1), "\(printed)")
        if !passes {
            #expect(printed.contains("\(paths["b.yaml"] ?? ""):8: lesson ch02-more, step 1 (1): the solution command `fail` exited with status 3\n"))
        }
    }

    @Test func aSetupThatFailsIsReported() throws {
        let text = Fixtures.more.replacingOccurrences(of: "commands: [touch setup-marker]", with: "commands: [cat missing]")
        let (status, printed, _) = try test(["b.yaml": text])
        #expect(status == 1)
        #expect(printed.contains("step 1 (1): setup command `cat missing` exited with status 1\n    exit status 1, output:\n    cat: missing: No such file or directory\n"))
    }

    @Test func unreadableLessonsFailTheRun() throws {
        let (status, printed, paths) = try test(["bad.yaml": "id: [\n"])
        #expect(status == 1)
        #expect(printed.hasPrefix("\(paths["bad.yaml"] ?? ""):2: error: not valid YAML"))
    }
}
