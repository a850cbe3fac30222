@testable import Kernel
@testable import Shell
import Simulation
import Testing
@testable import Userland

@Suite struct CoreutilsTextTests {
    static let table = "banana 3\napple 10\ncherry 2\napple 10\n"

    func makeHarness() throws -> CoreutilsHarness {
        let harness = CoreutilsHarness()
        try harness.write("/home/learner/fruit", Self.table)
        try harness.write("/home/learner/app.js", "const http = require('http');\nconsole.log(\"Kubia server starting...\");\n")
        try harness.write("/home/learner/words", "one two three\nfour five\n")
        return harness
    }

    @Test(arguments: [
        // wc
        (["wc", "-l", "fruit"], "", "4 fruit\n", "", Int32(0)),
        (["wc", "fruit"], "", " 4  8 36 fruit\n", "", 0),
        (["wc", "-l"], "a\nb\n", "2\n", "", 0),
        (["wc"], "a b\nc\n", "      2       3       6\n", "", 0),
        (["wc", "-w", "fruit", "words"], "", " 8 fruit\n 5 words\n13 total\n", "", 0),
        (["wc", "nope"], "", "", "wc: nope: No such file or directory\n", 1),
        // sort
        (["sort", "fruit"], "", "apple 10\napple 10\nbanana 3\ncherry 2\n", "", 0),
        (["sort", "-u", "fruit"], "", "apple 10\nbanana 3\ncherry 2\n", "", 0),
        (["sort", "-r", "fruit"], "", "cherry 2\nbanana 3\napple 10\napple 10\n", "", 0),
        (["sort", "-k", "2", "-n", "fruit"], "", "cherry 2\nbanana 3\napple 10\napple 10\n", "", 0),
        (["sort", "-n"], "10\n9\n-1\n", "-1\n9\n10\n", "", 0),
        (["sort", "-t", ":", "-k", "3n"], "a:x:30\nb:x:4\n", "b:x:4\na:x:30\n", "", 0),
        // uniq
        (["uniq"], "a\na\nb\na\n", "a\nb\na\n", "", 0),
        (["uniq", "-c"], "a\na\nb\n", "      2 a\n      1 b\n", "", 0),
        (["uniq", "-d"], "a\na\nb\n", "a\n", "", 0),
        // cut
        (["cut", "-d", ":", "-f", "1,7"], "root:x:0:0:root:/root:/bin/bash\n", "root:/bin/bash\n", "", 0),
        (["cut", "-d", " ", "-f", "2-"], "a b c\nnodelim\n", "b c\nnodelim\n", "", 0),
        (["cut", "-c", "1-3"], "abcdef\n", "abc\n", "", 0),
        (["cut", "-f", "0"], "x\n", "", "cut: fields are numbered from 1\nTry 'cut --help' for more information.\n", 1),
        (["cut", "x"], "", "", "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n", 1),
        (["cut", "-d", "ab", "-f", "1"], "", "", "cut: the delimiter must be a single character\nTry 'cut --help' for more information.\n", 1),
        // tr
        (["tr", "a-z", "A-Z"], "hello\n", "HELLO\n", "", 0),
        (["tr", "[:lower:]", "[:upper:]"], "kubia\n", "KUBIA\n", "", 0),
        (["tr", "-d", "l"], "hello\n", "heo\n", "", 0),
        (["tr", "-s", " "], "a   b  c\n", "a b c\n", "", 0),
        (["tr", "\\n", " "], "a\nb\n", "a b ", "", 0),
        (["tr", "abc"], "", "", "tr: missing operand after 'abc'\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n", 1),
        // seq
        (["seq", "3"], "", "1\n2\n3\n", "", 0),
        (["seq", "2", "2", "7"], "", "2\n4\n6\n", "", 0),
        (["seq", "-s", ",", "3"], "", "1,2,3\n", "", 0),
        (["seq", "-w", "8", "10"], "", "08\n09\n10\n", "", 0),
        (["seq", "0", "0.5", "1"], "", "0.0\n0.5\n1.0\n", "", 0),
        (["seq", "x"], "", "", "seq: invalid floating point argument: 'x'\nTry 'seq --help' for more information.\n", 1),
    ])
    func textCommands(arguments: [String], input: String, output: String, error: String, status: Int32) throws {
        let result = try makeHarness().run(arguments, stdin: input)
        #expect(result.output == output)
        #expect(result.error == error)
        #expect(result.status == status)
    }

    @Test(arguments: [
        (["grep", "apple", "fruit"], "", "apple 10\napple 10\n", "", Int32(0)),
        (["grep", "-c", "apple", "fruit"], "", "2\n", "", 0),
        (["grep", "-v", "apple", "fruit"], "", "banana 3\ncherry 2\n", "", 0),
        (["grep", "-n", "an", "fruit"], "", "1:banana 3\n", "", 0),
        (["grep", "-i", "KUBIA", "app.js"], "", "console.log(\"Kubia server starting...\");\n", "", 0),
        (["grep", "-o", "[0-9][0-9]*", "fruit"], "", "3\n10\n2\n10\n", "", 0),
        (["grep", "-E", "^(apple|cherry)", "fruit"], "", "apple 10\ncherry 2\napple 10\n", "", 0),
        (["grep", "^\\(apple\\|cherry\\)", "fruit"], "", "apple 10\ncherry 2\napple 10\n", "", 0),
        (["grep", "a+", "fruit"], "", "", "", 1),
        (["grep", "-E", "p{2}", "fruit"], "", "apple 10\napple 10\n", "", 0),
        (["grep", "-l", "apple", "fruit", "words"], "", "fruit\n", "", 0),
        (["grep", "a", "fruit", "words"], "", "fruit:banana 3\nfruit:apple 10\nfruit:apple 10\n", "", 0),
        (["grep", "-q", "cherry", "fruit"], "", "", "", 0),
        (["grep", "zzz", "fruit"], "", "", "", 1),
        (["grep", "x", "nope"], "", "", "grep: nope: No such file or directory\n", 2),
        (["grep", "[a", "fruit"], "", "", "grep: Unmatched [, [^, [:, [., or [=\n", 2),
        (["grep", "-w", "one"], "one two\nnone\n", "one two\n", "", 0),
        (["grep", "-F", "a.b"], "a.b\naxb\n", "a.b\n", "", 0),
        (["egrep", "an|rr", "fruit"], "", "banana 3\ncherry 2\n", "", 0),
        (["fgrep", "a.b"], "a.b\naxb\n", "a.b\n", "", 0),
        (["grep", "-r", "Kubia", "/home/learner"], "", "/home/learner/app.js:console.log(\"Kubia server starting...\");\n", "", 0),
    ])
    func grepCommands(arguments: [String], input: String, output: String, error: String, status: Int32) throws {
        let result = try makeHarness().run(arguments, stdin: input)
        #expect(result.output == output)
        #expect(result.error == error)
        #expect(result.status == status)
    }

    @Test(arguments: [
        (["sed", "s/apple/pear/"], "apple apple\n", "pear apple\n", "", Int32(0)),
        (["sed", "s/apple/pear/g"], "apple apple\n", "pear pear\n", "", 0),
        (["sed", "s/apple/pear/2"], "apple apple apple\n", "apple pear apple\n", "", 0),
        (["sed", "s/APPLE/pear/i"], "apple\n", "pear\n", "", 0),
        (["sed", "s|/usr|/opt|"], "/usr/bin\n", "/opt/bin\n", "", 0),
        (["sed", "s/\\(a\\)\\(b\\)/\\2\\1/"], "ab\n", "ba\n", "", 0),
        (["sed", "-E", "s/(a)(b)/\\2\\1 [&]/"], "ab\n", "ba [ab]\n", "", 0),
        (["sed", "-n", "2p"], "a\nb\nc\n", "b\n", "", 0),
        (["sed", "2d"], "a\nb\nc\n", "a\nc\n", "", 0),
        (["sed", "/b/d"], "a\nb\nc\n", "a\nc\n", "", 0),
        (["sed", "2,3d"], "a\nb\nc\nd\n", "a\nd\n", "", 0),
        (["sed", "$d"], "a\nb\n", "a\n", "", 0),
        (["sed", "-n", "/b/,/c/p"], "a\nb\nx\nc\nd\n", "b\nx\nc\n", "", 0),
        (["sed", "-e", "s/a/b/", "-e", "s/b/c/"], "a\n", "c\n", "", 0),
        (["sed", "s/a/b/;s/b/c/"], "a\n", "c\n", "", 0),
        (["sed", "-n", "s/a/x/p"], "a\nb\n", "x\n", "", 0),
        (["sed", "2q"], "a\nb\nc\n", "a\nb\n", "", 0),
        (["sed", "s/x/y/"], "no newline", "no newline", "", 0),
        (["sed", "s/a/b"], "", "", "sed: -e expression #1, char 5: unterminated `s' command\n", 1),
        (["sed", "k"], "", "", "sed: -e expression #1, char 1: unknown command: `k'\n", 1),
        (["sed", "s/a/b/z"], "", "", "sed: -e expression #1, char 7: unknown option to `s'\n", 1),
        (["sed", "p", "nope"], "", "", "sed: can't read nope: No such file or directory\n", 2),
    ])
    func sedCommands(arguments: [String], input: String, output: String, error: String, status: Int32) throws {
        let result = try makeHarness().run(arguments, stdin: input)
        #expect(result.output == output)
        #expect(result.error == error)
        #expect(result.status == status)
    }

    @Test func sedEditsInPlace() throws {
        let harness = try makeHarness()
        let result = try harness.run(["sed", "-i", "s/apple/pear/g", "fruit"])
        #expect(result.output == "")
        #expect(try harness.read("/home/learner/fruit") == "banana 3\npear 10\ncherry 2\npear 10\n")
    }

    @Test func xargsRunsTheCommandWithTheWords() throws {
        let harness = try makeHarness()
        let all = try harness.run(["xargs", "wc", "-l"], stdin: "fruit\nwords\n")
        #expect(all.output == " 4 fruit\n 2 words\n 6 total\n")
        let batched = try harness.run(["xargs", "-n", "1", "basename"], stdin: "/a/b /c/d\n")
        #expect(batched.output == "b\nd\n")
        let missing = try harness.run(["xargs", "nosuch"], stdin: "x\n")
        #expect(missing.error == "xargs: nosuch: No such file or directory\n")
        #expect(missing.status == 127)
    }

    @Test func pipelineOfSortUniqAndHead() throws {
        let harness = try makeHarness()
        let first = BytePipe(), second = BytePipe()
        let output = CollectingStream()
        let sort = try harness.start(["sort", "fruit"], stdout: first.writer, stderr: output)
        let uniq = try harness.start(["uniq", "-c"], stdin: first.reader, stdout: second.writer, stderr: output)
        let head = try harness.start(["head", "-n", "1"], stdin: second.reader, stdout: output, stderr: output)
        sort.onExit { _ in first.writer.close() }
        uniq.onExit { _ in second.writer.close() }
        harness.machine.loop.run(until: { !head.isRunning }, limit: harness.machine.loop.now + .seconds(1))
        #expect(output.text == "      2 apple 10\n")
    }
}

@Suite struct CoreutilsStreamingFilterTests {
    /// `tail -f log | FILTER`: appended lines come out of the filter before any end of file.
    /// sed reads one line ahead (to know the last line), so a second line releases the first.
    @Test(arguments: [
        (["grep", "ERR"], "ok one\nERR two\n", "ERR two\n"),
        (["cut", "-d", " ", "-f", "2"], "x one\n", "one\n"),
        (["sed", "s/one/1/"], "x one\nnext\n", "x 1\n"),
    ])
    func filtersPassLinesOnAsTheyArrive(filter: [String], appended: String, expected: String) throws {
        let harness = CoreutilsHarness()
        try harness.write("/home/learner/log", "")
        let pipe = BytePipe()
        let output = CollectingStream()
        let tail = try harness.start(["tail", "-f", "log"], stdout: pipe.writer, stderr: output)
        let process = try harness.start(filter, stdin: pipe.reader, stdout: output, stderr: output)
        harness.machine.loop.runReady()
        try harness.fileSystem.writeFile("/home/learner/log", Array(appended.utf8), append: true)
        harness.machine.loop.advance(by: .seconds(2))
        #expect(output.text == expected)
        #expect(process.isRunning)
        tail.signal(.interrupt)
        process.signal(.interrupt)
        harness.machine.loop.runReady()
        #expect(!tail.isRunning && !process.isRunning)
    }
}
