import Foundation
import Testing

/// Escape attempts with nothing made on the host: paths the learner types, hostile lesson and
/// transcript files, hostile progress files and odd `--home` values.
@Suite("Sandbox: hostile paths and files", .serialized)
struct HostileInputEscapeTests {
    /// Command lines aimed at the host's outside folder by absolute and `..` paths; `{O}` is its host path.
    static let pathAttempts = [
        "cat {O}/secret.txt", "cat ~/../../../../../../../..{O}/secret.txt", "cat ../../../../../../..{O}/dir/inner.txt",
        "echo pwned-abs > {O}/new.txt", "mkdir -p {O}/dir && echo pwned-abs-dir > {O}/dir/inner.txt",
        "cd / && cd ../../.. && echo pwned-up > .{O}/secret.txt", "cp /etc/hostname {O}/pwned-cp.txt", "rm -rf {O}",
        "ln -s {O} l && echo pwned-simlink > l/secret.txt && cat l/secret.txt", "ln -s {O}/secret.txt s.txt && cat s.txt && echo pwned-slink > s.txt",
        "ln {O}/secret.txt h.txt; cat h.txt", "echo pwned-dots > './...'; echo pwned-dd > '..\\\\x'; ls -a",
        "mkdir -p 'a/..' 2>&1; echo pwned-dotdot > 'a/../../x.txt'; ls ..", "touch -- '-rf' && echo pwned-dash > ./-rf",
        "echo pwned-nl > \"$(printf 'x\\n..\\n')\"", "echo pwned-ctl > \"$(printf 'x\\033]52;c;AAAA\\a')\"",
        ". {O}/secret.txt", "source ../../../../../..{O}/secret.txt", "kubectl create -f {O}/secret.txt",
        "docker build -t x {O}", "docker run -v {O}:/data busybox cat /data/secret.txt",
        "docker run -v {O}:/data busybox sh -c 'echo pwned-volume > /data/secret.txt'", "curl -s file://{O}/secret.txt",
        "node {O}/secret.txt", "cd {O} && ls && cat secret.txt", "cat /proc/self/root{O}/secret.txt", "cat /dev/../..{O}/secret.txt",
    ]

    @Test func pathsTheLearnerTypes() throws {
        let fixture = try HostFixture("paths")
        let script = Self.pathAttempts.map { $0.replacingOccurrences(of: "{O}", with: fixture.outside.path) }.joined(separator: "\n") + "\nexit\n"
        let result = try KubeLabRun.run(["sandbox", "--home", fixture.state.path], input: script)
        #expect(result.signal == nil, "kubelab crashed or hung: \(result.output.suffix(500))")
        #expect(fixture.escapes() == [])
        #expect(!result.output.contains(HostFixture.secretMarker), "\(result.output.suffix(800))")
    }

    /// A lesson whose setup names files outside the home: lint refuses it, and testing it writes nothing on the host.
    /// `notes.txt` is the control: the same lesson with a plain path passes lint.
    @Test(arguments: ["notes.txt", "../../outside/pwned-lesson.txt", "/OUTSIDE/pwned-lesson.txt", "a/../../../outside/pwned.txt", "~/../../outside/x", ".."])
    func lessonSetupFiles(_ path: String) throws {
        let fixture = try HostFixture("lesson")
        let resolved = path.replacingOccurrences(of: "/OUTSIDE", with: fixture.outside.path)
        let lesson = """
            id: hostile
            chapter: 2
            minutes: 5
            title:
              en: Hostile
              zh: 恶意
            section: "2.1"
            world:
              cluster: none
            steps:
              - id: one
                instruction:
                  en: "Look."
                  zh: "看。"
                setup:
                  files:
                    - path: "\(resolved)"
                      content: "pwned-lesson"
                checks:
                  - run: cat '\(resolved)'
                    contains: pwned
                solution:
                  - cat '\(resolved)'
                explain:
                  en: Done.
                  zh: 完成。

            """
        let file = fixture.root.appendingPathComponent("outside/lesson.yaml")
        try Data(lesson.utf8).write(to: file)
        let lint = try KubeLabRun.run(["lesson", "lint", file.path], environment: ["KUBELAB_HOME": fixture.state.path])
        #expect(lint.signal == nil)
        if path == "notes.txt" {
            #expect(lint.status == 0, "the control lesson does not lint: \(lint.output)")
        } else {
            #expect(lint.status != 0, "lint accepted setup.files path \(path.debugDescription): \(lint.output)")
        }
        let tested = try KubeLabRun.run(["lesson", "test", file.path], environment: ["KUBELAB_HOME": fixture.state.path])
        #expect(tested.signal == nil, "\(tested.output.suffix(500))")
        try FileManager.default.removeItem(at: file)
        #expect(fixture.escapes() == [])
    }

    /// A transcript whose commands aim at the host: replaying it runs them in a fresh world only.
    @Test func transcriptCommands() throws {
        let fixture = try HostFixture("transcript")
        let outside = fixture.outside.path
        let transcript = """
            # Hostile

            ```console
            $ echo pwned-transcript > \(outside)/secret.txt
            $ cat \(outside)/secret.txt
            pwned-transcript
            $ cat ../../../..\(outside)/dir/inner.txt \u{1B}]52;c;cHduZWQ=\u{07}
            $ rm -rf \(outside)
            ```

            """
        let file = fixture.state.appendingPathComponent("hostile.md")
        try Data(transcript.utf8).write(to: file)
        let result = try KubeLabRun.run(["replay", file.path], environment: ["KUBELAB_HOME": fixture.state.path])
        try FileManager.default.removeItem(at: file)
        #expect(result.signal == nil, "\(result.output.suffix(500))")
        #expect(fixture.escapes() == [])
        #expect(!result.output.contains(HostFixture.secretMarker))
    }

    /// Progress files a learner might be sent: each import ends in a result or a clear error.
    static let progressFiles: [(name: String, contents: String)] = [
        ("traversal lesson ids", #"{"version":1,"completedSteps":{"../../outside/pwned":["x"]},"skippedSteps":{},"currentLesson":"../../../outside/pwned","currentStep":0,"stepStartPositions":[],"welcomed":true}"#),
        ("absolute lesson id", #"{"version":1,"completedSteps":{"/tmp/pwned":["/etc/passwd"]},"skippedSteps":{},"currentStep":-9223372036854775808,"stepStartPositions":[9223372036854775807],"welcomed":true}"#),
        ("huge numbers", #"{"version":99999999999999999999,"completedSteps":{},"skippedSteps":{},"currentStep":1e400}"#),
        ("escape sequences", "{\"version\":1,\"completedSteps\":{\"\u{1B}]52;c;cHduZWQ=\u{07}\":[\"\u{1B}[2J\"]},\"skippedSteps\":{},\"currentLesson\":\"\u{1B}]0;pwned\u{07}\",\"currentStep\":0,\"stepStartPositions\":[],\"welcomed\":false}"),
        ("deeply nested", String(repeating: "[", count: 100_000)),
        ("binary garbage", String(decoding: (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }, as: UTF8.self)),
        ("empty", ""),
        ("not progress", #"{"kubelabJournal":1,"seed":1}"#),
    ]

    @Test(arguments: progressFiles.map(\.name))
    func progressImport(_ name: String) throws {
        let fixture = try HostFixture("progress")
        let contents = Self.progressFiles.first { $0.name == name }?.contents ?? ""
        let file = fixture.outside.appendingPathComponent("progress.json")
        try Data(contents.utf8).write(to: file)
        let result = try KubeLabRun.run(["progress", "import", "--home", fixture.state.path, file.path])
        try FileManager.default.removeItem(at: file)
        #expect(result.signal == nil, "\(result.output.suffix(500))")
        #expect(fixture.escapes() == [])
        let written = fixture.snapshot(fixture.state).keys.filter { $0.contains("pwned") || $0.contains("outside") }
        #expect(written.isEmpty, "\(written)")
        // Whatever was imported, the next start still works.
        let start = try KubeLabRun.run(["sandbox", "--home", fixture.state.path], input: "echo ok\nexit\n")
        #expect(start.signal == nil && start.output.contains("ok"), "\(start.output.suffix(500))")
    }

    /// Progress import of things that are not a readable file.
    @Test(arguments: ["a folder", "a symlink to the outside secret", "a missing file"])
    func progressImportOfOddFiles(_ kind: String) throws {
        let fixture = try HostFixture("progress-odd")
        let path: String
        switch kind {
        case "a folder": path = fixture.outside.appendingPathComponent("dir").path
        case "a symlink to the outside secret":
            path = fixture.root.appendingPathComponent("link.json").path
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: fixture.outside.appendingPathComponent("secret.txt").path)
        default: path = fixture.outside.appendingPathComponent("missing.json").path
        }
        let result = try KubeLabRun.run(["progress", "import", "--home", fixture.state.path, path])
        try? FileManager.default.removeItem(atPath: fixture.root.appendingPathComponent("link.json").path)
        #expect(result.signal == nil)
        #expect(result.status != 0, "imported \(kind): \(result.output)")
        #expect(fixture.escapes() == [])
    }

    /// `--home` values that are not a usable folder: a clear error, no crash, nothing written elsewhere.
    @Test(arguments: ["a regular file", "a symlink to a file", "/dev/null", "a path through a file", "a dangling symlink"])
    func oddHomes(_ kind: String) throws {
        let fixture = try HostFixture("home")
        let secret = fixture.outside.appendingPathComponent("secret.txt").path
        let home: String
        switch kind {
        case "a regular file": home = secret
        case "a symlink to a file":
            home = fixture.root.appendingPathComponent("home-link").path
            try FileManager.default.createSymbolicLink(atPath: home, withDestinationPath: secret)
        case "/dev/null": home = "/dev/null"
        case "a path through a file": home = secret + "/state"
        default:
            home = fixture.root.appendingPathComponent("home-link").path
            try FileManager.default.createSymbolicLink(atPath: home, withDestinationPath: fixture.outside.appendingPathComponent("gone/state").path)
        }
        let result = try KubeLabRun.run(["sandbox", "--home", home], input: "echo pwned-home > x.txt\nexit\n", timeout: 60)
        try? FileManager.default.removeItem(atPath: fixture.root.appendingPathComponent("home-link").path)
        #expect(result.signal == nil, "\(result.output.suffix(500))")
        if kind != "a dangling symlink" {
            #expect(result.status != 0, "started with --home \(kind): \(result.output.suffix(300))")
            #expect(fixture.escapes() == [])
        }
    }
}
