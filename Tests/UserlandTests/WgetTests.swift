@testable import Kernel
@testable import Shell
import Testing
@testable import Userland

@Suite struct WgetTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let output: String
        let error: String
        let status: Int32
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let bar = "|" + String(repeating: "*", count: 31) + "|"

    static let cases: [Case] = [
        Case(arguments: ["-q", "-O", "-", "localhost:8080"], output: "You've hit the test server\n", error: "", status: 0),
        Case(arguments: ["-O", "-", "http://127.0.0.1:8080/"], output: "You've hit the test server\n",
             error: "Connecting to 127.0.0.1:8080 (127.0.0.1:8080)\n\r-                    100% \(bar)    27   0:00:00 ETA\n", status: 0),
        Case(arguments: ["-qO-", "localhost:8080/echo"], output: "GET /echo\nHost: localhost:8080\nUser-Agent: Wget\nConnection: close\n",
             error: "", status: 0),
        Case(arguments: ["-q", "-O", "-", "localhost:8080/moved"], output: "GET /echo\nHost: localhost:8080\nUser-Agent: Wget\nConnection: close\n",
             error: "", status: 0),
        Case(arguments: ["-O", "-", "localhost:9999"], output: "",
             error: "Connecting to localhost:9999 (127.0.0.1:9999)\nwget: can't connect to remote host (127.0.0.1): Connection refused\n", status: 1),
        Case(arguments: ["-q", "-O", "-", "foo"], output: "", error: "wget: bad address 'foo'\n", status: 1),
        Case(arguments: ["-q", "-O", "-", "localhost:8080/error"], output: "",
             error: "wget: server returned error: HTTP/1.1 500 Internal Server Error\n", status: 1),
        Case(arguments: ["-q", "-T", "3", "-O", "-", "localhost:8080/slow"], output: "", error: "wget: download timed out\n", status: 1),
        Case(arguments: ["-q", "-O", "-", "ftp://x/"], output: "", error: "wget: not an http or ftp url: ftp://x/\n", status: 1),
    ]

    private func harness() throws -> NetworkToolsHarness {
        let harness = try NetworkToolsHarness()
        try harness.machine.fileSystem.setContent("/bin/busybox", .program(name: "busybox", size: 1_000), mode: 0o755)
        return harness
    }

    @Test(arguments: cases)
    func busyBoxWget(_ test: Case) throws {
        let result = try harness().run(["busybox", "wget"] + test.arguments)
        #expect(result.output == test.output)
        #expect(result.error == test.error)
        #expect(result.status == test.status)
    }

    @Test func savesUnderTheURLsNameOnce() throws {
        let harness = try harness()
        #expect(try harness.run(["busybox", "wget", "-q", "localhost:8080/"]).status == 0)
        #expect(try harness.shell.read("/home/learner/index.html") == "You've hit the test server\n")
        let again = try harness.run(["busybox", "wget", "-q", "localhost:8080/"])
        #expect(again.error == "wget: can't open 'index.html': File exists\n")
        #expect(again.status == 1)
        #expect(try harness.run(["busybox", "wget", "-q", "-O", "out.txt", "localhost:8080/echo"]).status == 0)
        #expect(try harness.shell.read("/home/learner/out.txt").hasPrefix("GET /echo\n"))
    }

    @Test func usageWithoutURL() throws {
        let result = try harness().run(["busybox", "wget"])
        #expect(result.error.hasPrefix(BusyBoxProgram.banner + "\n\nUsage: wget [-c|--continue]"))
        #expect(result.status == 1)
    }
}
