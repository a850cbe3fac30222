import Testing
@testable import REPL

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fresh, empty directory for one test's history file.
private func temporaryDirectory() -> String {
    var template = Array("/tmp/kubelab-history-XXXXXX".utf8CString)
    return template.withUnsafeMutableBufferPointer { buffer in
        guard let base = buffer.baseAddress, let made = mkdtemp(base) else { return "/tmp" }
        return String(cString: made)
    }
}

struct EditLineHistoryTests {
    @Test(arguments: [
        (["a", "b", "c"], 10, ["a", "b", "c"]),
        (["a", "a", "b", "a"], 10, ["a", "b", "a"]),
        (["ls", "", "   ", "ls"], 10, ["ls"]),
        (["1", "2", "3", "4", "5"], 3, ["3", "4", "5"]),
        (["1", "1", "2", "2", "3", "3"], 2, ["2", "3"]),
    ] as [([String], Int, [String])])
    func keepsBoundedListWithoutConsecutiveDuplicates(added: [String], limit: Int, expected: [String]) throws {
        let history = try #require(EditLineHistory(file: nil, limit: limit))
        for line in added {
            history.add(line)
        }
        #expect(history.entries == expected)
        #expect(history.count == expected.count)
    }

    @Test func savedHistoryIsLoadedByTheNextSession() throws {
        let file = temporaryDirectory() + "/history"
        do {
            let first = try #require(EditLineHistory(file: file, limit: 100))
            for line in ["kubectl get pods", "echo 'a b'\\", "你好 世界", "tab\there"] {
                first.add(line)
            }
            #expect(first.save())
        }
        #expect(access(file + ".tmp", F_OK) != 0)
        let second = try #require(EditLineHistory(file: file, limit: 100))
        #expect(second.entries == ["kubectl get pods", "echo 'a b'\\", "你好 世界", "tab\there"])
    }

    @Test func loadingKeepsOnlyTheNewestLinesWithinTheLimit() throws {
        let file = temporaryDirectory() + "/history"
        let first = try #require(EditLineHistory(file: file, limit: 100))
        for number in 1...6 {
            first.add("line \(number)")
        }
        first.save()
        let second = try #require(EditLineHistory(file: file, limit: 4))
        #expect(second.entries == ["line 3", "line 4", "line 5", "line 6"])
    }

    @Test func missingFileStartsEmpty() throws {
        let history = try #require(EditLineHistory(file: temporaryDirectory() + "/none", limit: 10))
        #expect(history.entries.isEmpty)
    }

    @Test func saveIntoMissingDirectoryFailsWithoutCrashing() throws {
        let history = try #require(EditLineHistory(file: "/nonexistent-kubelab/history", limit: 10))
        history.add("ls")
        #expect(!history.save())
    }
}
