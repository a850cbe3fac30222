import Foundation
import Lessons
import Machine
import Testing
import Transcripts
import World

/// Fuzz targets for KubeLab's own files: transcripts, lessons and the journal of a saved world.
@Suite("Fuzzing KubeLab's files")
struct FileFormatFuzzTests {
    @Test func transcripts() {
        Fuzzer.run(FuzzTarget(
            name: "transcript", seeds: SeedCorpus.transcripts,
            tokens: ["```console\n", "```\n", "~~~\n", "$ ", "> ", "\n", "<!-- kubelab: seed=3 -->\n", "<!-- kubelab: seed=", "...\n", "^C\n", "\u{1B}[2J", "\\"],
            nesting: [("```console\n$ echo ", "\n```\n"), ("$ (", ")\n")],
            maxLength: 16_384
        ) { text in
            _ = try TranscriptParser.parse(text, path: "fuzz.md") { line in
                if case .incomplete = ShellParser.parse(line) { return false }
                return true
            }
        })
    }

    @Test func lessons() {
        Fuzzer.run(FuzzTarget(
            name: "lesson", seeds: SeedCorpus.lessons,
            tokens: ["\n", "  ", "- ", ": ", "id: ", "steps:\n", "setup:\n", "files:\n", "path: ../../etc/passwd\n", "check: ", "run: ", "'", "\"", "|\n", "&a ", "*a", "{", "}", "[", "]"],
            nesting: [("[", "]"), ("{a: ", "}"), ("- ", "")],
            maxLength: 32_768
        ) { text in
            let result = LessonParser.parse(text, path: "fuzz.yaml")
            if result.lesson == nil, !result.hasErrors {
                throw FuzzTarget.Garbage("no lesson and no error")
            }
        })
    }

    /// A journal is read, repaired if damaged, and must then read again without damage.
    @Test func journal() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kubelab-fuzz-journal-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("world.journal")
        let header = #"{"kubelabJournal":1,"seed":1}"#
        let entries = [
            #"{"event":{"command":{"line":"echo 365 > f365.txt","inputs":[{"offsetNanoseconds":5,"kind":"line","text":"y"}],"nanoseconds":1000000}}}"#,
            #"{"event":{"advance":{"nanoseconds":5000000000}}}"#,
            #"{"event":{"silentCommand":{"line":"kubectl get pods"}}}"#,
            #"{"event":{"workspaceEdit":{"path":"notes.txt","contents":"aGkK"}}}"#,
        ]
        Fuzzer.run(FuzzTarget(
            name: "journal", seeds: [([header] + entries).joined(separator: "\n") + "\n", header + "\n", ""],
            tokens: ["\n", "{", "}", "\"", ":", ",", "\"event\"", "\"command\"", "\"advance\"", "\"line\"", "\"nanoseconds\"", "-9223372036854775808", "9223372036854775807", "[]", "null"] + entries.map { $0 + "\n" },
            nesting: [("{\"a\":", "}"), ("[", "]")]
        ) { text in
            try Data(text.utf8).write(to: url)
            let journal = try JournalFile(url: url, seed: 1)
            try journal.load()
            let reread = try JournalFile(url: url, seed: 1)
            if let damage = try reread.load() {
                throw FuzzTarget.Garbage("still damaged after the repair: \(damage)")
            }
            if reread.entries != journal.entries {
                throw FuzzTarget.Garbage("the repaired journal reads back \(reread.entries.count) entries, not \(journal.entries.count)")
            }
            for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file != "world.journal" {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(file))
            }
        })
    }
}
