import Testing
@testable import REPL

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A reader over a pipe that already holds `input` and is closed for writing.
private func reader(over input: String) throws -> BufferedLineReader {
    var ends: [Int32] = [0, 0]
    try #require(pipe(&ends) == 0)
    let bytes = Array(input.utf8)
    let written = bytes.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) }
    try #require(written == bytes.count)
    close(ends[1])
    return BufferedLineReader(fileDescriptor: ends[0])
}

private func readAll(_ reader: BufferedLineReader) -> [LineInput] {
    var results: [LineInput] = []
    while true {
        let input = reader.readLine(prompt: "$ ")
        results.append(input)
        if input == .endOfFile || results.count > 100 { return results }
    }
}

struct BufferedLineReaderTests {
    @Test(arguments: [
        ("", [LineInput.endOfFile]),
        ("ls\n", [.line("ls"), .endOfFile]),
        ("a\nb\n", [.line("a"), .line("b"), .endOfFile]),
        ("a\n\nb", [.line("a"), .line(""), .line("b"), .endOfFile]),
        ("dos\r\nline\r\n", [.line("dos"), .line("line"), .endOfFile]),
        ("你好\n世界", [.line("你好"), .line("世界"), .endOfFile]),
        ("cat <<EOF\nx\nEOF\n", [.line("cat <<EOF"), .line("x"), .line("EOF"), .endOfFile]),
    ] as [(String, [LineInput])])
    func readsLinesFromAPipe(input: String, expected: [LineInput]) throws {
        #expect(readAll(try reader(over: input)) == expected)
    }

    @Test func readsLinesLongerThanOneChunk() throws {
        let long = String(repeating: "x", count: 10_000)
        #expect(readAll(try reader(over: long + "\nshort\n")) == [.line(long), .line("short"), .endOfFile])
    }

    @Test func endOfFileRepeats() throws {
        let reader = try reader(over: "x\n")
        _ = readAll(reader)
        #expect(reader.readLine(prompt: "") == .endOfFile)
    }

    @Test func historyIsBoundedAndSkipsRepeats() {
        let reader = BufferedLineReader(fileDescriptor: -1, historyLimit: 2)
        for line in ["a", "a", " ", "b", "c", "c"] {
            reader.addToHistory(line)
        }
        #expect(reader.historyEntries == ["b", "c"])
    }
}
