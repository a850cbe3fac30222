@testable import Kernel
@testable import Shell
import Testing
@testable import Userland

@Suite struct CurlTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let output: String
        let error: String
        let status: Int32
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let hit = "You've hit the test server\n"
    static let tryHelp = "curl: try 'curl --help' or 'curl --manual' for more information\n"

    static let cases: [Case] = [
        Case(arguments: ["localhost:8080"], output: hit, error: "", status: 0),
        Case(arguments: ["http://127.0.0.1:8080/"], output: hit, error: "", status: 0),
        Case(arguments: ["-s", "http://localhost:8080/echo"],
             output: "GET /echo\nHost: localhost:8080\nUser-Agent: curl/7.52.1\nAccept: */*\n", error: "", status: 0),
        Case(arguments: ["-s", "-X", "DELETE", "localhost:8080/echo"],
             output: "DELETE /echo\nHost: localhost:8080\nUser-Agent: curl/7.52.1\nAccept: */*\n", error: "", status: 0),
        Case(arguments: ["-s", "-d", "a=1", "-d", "b=2", "localhost:8080/echo"],
             output: "POST /echo\nHost: localhost:8080\nUser-Agent: curl/7.52.1\nAccept: */*\nContent-Length: 7\nContent-Type: application/x-www-form-urlencoded\na=1&b=2",
             error: "", status: 0),
        Case(arguments: ["-s", "--data-binary", "x", "-H", "Content-Type: text/plain", "-H", "X-Name: v", "localhost:8080/echo"],
             output: "POST /echo\nHost: localhost:8080\nUser-Agent: curl/7.52.1\nAccept: */*\nContent-Type: text/plain\nX-Name: v\nContent-Length: 1\nx",
             error: "", status: 0),
        Case(arguments: ["-i", "localhost:8080"],
             output: "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 27\r\n\r\n" + hit, error: "", status: 0),
        Case(arguments: ["-I", "localhost:8080"],
             output: "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 27\r\n\r\n", error: "", status: 0),
        Case(arguments: ["localhost:8080/error"], output: "oops\n", error: "", status: 0),
        Case(arguments: ["-f", "localhost:8080/error"], output: "",
             error: "curl: (22) The requested URL returned error: 500 Internal Server Error\n", status: 22),
        Case(arguments: ["-sf", "localhost:8080/error"], output: "", error: "", status: 22),
        Case(arguments: ["-sS", "localhost:9999"], output: "",
             error: "curl: (7) Failed to connect to localhost port 9999: Connection refused\n", status: 7),
        Case(arguments: ["10.0.0.1"], output: "",
             error: "curl: (7) Failed to connect to 10.0.0.1 port 80: No route to host\n", status: 7),
        Case(arguments: ["foo"], output: "", error: "curl: (6) Could not resolve host: foo\n", status: 6),
        Case(arguments: ["localhost:8080/empty"], output: "", error: "curl: (52) Empty reply from server\n", status: 52),
        Case(arguments: ["-m", "2", "localhost:8080/slow"], output: "",
             error: "curl: (28) Operation timed out after 2000 milliseconds with 0 bytes received\n", status: 28),
        Case(arguments: ["http://"], output: "", error: "curl: (3) <url> malformed\n", status: 3),
        Case(arguments: ["localhost:80a"], output: "", error: "curl: (3) Port number ended with 'a'\n", status: 3),
        Case(arguments: ["ftp://localhost/"], output: "",
             error: "curl: (1) Protocol \"ftp\" not supported or disabled in libcurl\n", status: 1),
        Case(arguments: ["https://localhost:8080/"], output: "",
             error: "curl: (35) error:140770FC:SSL routines:SSL23_GET_SERVER_HELLO:unknown protocol\n", status: 35),
        Case(arguments: [], output: "", error: "curl: no URL specified!\n" + tryHelp, status: 2),
        Case(arguments: ["--bogus", "localhost"], output: "", error: "curl: option --bogus: is unknown\n" + tryHelp, status: 2),
        Case(arguments: ["localhost", "-o"], output: "", error: "curl: option -o: requires parameter\n" + tryHelp, status: 2),
        Case(arguments: ["-s", "-o", "/dev/null", "-w", "%{http_code}\\n", "localhost:8080/error"], output: "500\n", error: "", status: 0),
        Case(arguments: ["-s", "-w", "%{http_code}", "localhost:9999"], output: "000", error: "", status: 7),
        Case(arguments: ["-sL", "localhost:8080/moved"],
             output: "GET /echo\nHost: localhost:8080\nUser-Agent: curl/7.52.1\nAccept: */*\n", error: "", status: 0),
        Case(arguments: ["-s", "localhost:8080/moved"], output: "", error: "", status: 0),
        Case(arguments: ["-s", "localhost:8080/a/../b/./../echo"],
             output: "GET /echo\nHost: localhost:8080\nUser-Agent: curl/7.52.1\nAccept: */*\n", error: "", status: 0),
    ]

    @Test(arguments: cases)
    func curlAtATerminal(_ test: Case) throws {
        let harness = try NetworkToolsHarness()
        let result = try harness.run(["curl"] + test.arguments)
        #expect(result.output == test.output)
        #expect(result.error == test.error)
        #expect(result.status == test.status)
    }

    @Test func verboseTraceOfAKeptAliveConnection() throws {
        let harness = try NetworkToolsHarness()
        let result = try harness.run(["curl", "-v", "localhost:8080"])
        #expect(result.output == Self.hit)
        #expect(result.error == """
            * Rebuilt URL to: localhost:8080/
            *   Trying 127.0.0.1...
            * TCP_NODELAY set
            * Connected to localhost (127.0.0.1) port 8080 (#0)
            > GET / HTTP/1.1\r
            > Host: localhost:8080\r
            > User-Agent: curl/7.52.1\r
            > Accept: */*\r
            > \r
            < HTTP/1.1 200 OK\r
            < Content-Type: text/plain\r
            < Content-Length: 27\r
            < \r
            * Curl_http_done: called premature == 0
            * Connection #0 to host localhost left intact

            """)
    }

    @Test func verboseTraceOfARefusedConnectionAndAClosedOne() throws {
        let harness = try NetworkToolsHarness()
        let refused = try harness.run(["curl", "-v", "http://localhost:9999/x"])
        #expect(refused.error == """
            *   Trying 127.0.0.1...
            * TCP_NODELAY set
            * connect to 127.0.0.1 port 9999 failed: Connection refused
            * Failed to connect to localhost port 9999: Connection refused
            * Closing connection 0
            curl: (7) Failed to connect to localhost port 9999: Connection refused

            """)
        let closed = try harness.run(["curl", "-v", "localhost:8080/close"])
        #expect(closed.error.hasSuffix("* Curl_http_done: called premature == 0\n* Closing connection 0\n"))
    }

    @Test func progressMeterWhenTheOutputIsNotATerminal() throws {
        let harness = try NetworkToolsHarness()
        let result = try harness.run(["curl", "localhost:8080"], terminal: false)
        #expect(result.output == Self.hit)
        #expect(result.error == """
              % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current
                                             Dload  Upload   Total   Spent    Left  Speed

            """ + "\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0"
            + "\r100    27  100    27    0     0  27000      0 --:--:-- --:--:-- --:--:-- 27000\n")
        let refused = try harness.run(["curl", "localhost:9999"], terminal: false)
        #expect(refused.error.hasSuffix("--:--:--     0curl: (7) Failed to connect to localhost port 9999: Connection refused\n"))
        #expect(try harness.run(["curl", "-s", "localhost:8080"], terminal: false).error == "")
    }

    @Test func meterNumbersInCurlsUnits() {
        #expect(CurlProgressMeter.compact(612) == "  612")
        #expect(CurlProgressMeter.compact(612_000) == " 597k")
        #expect(CurlProgressMeter.compact(12_900_000) == "12.3M")
        #expect(CurlProgressMeter.time(3725) == " 1:02:05")
        #expect(CurlProgressMeter.time(0) == "--:--:--")
    }

    @Test func outputFiles() throws {
        let harness = try NetworkToolsHarness()
        #expect(try harness.run(["curl", "-s", "-o", "page.txt", "localhost:8080/"]).status == 0)
        #expect(try harness.shell.read("/home/learner/page.txt") == Self.hit)
        #expect(try harness.run(["curl", "-s", "-O", "localhost:8080/echo"]).status == 0)
        #expect(try harness.shell.read("/home/learner/echo").hasPrefix("GET /echo\n"))
        let nameless = try harness.run(["curl", "-sS", "-O", "localhost:8080/"])
        #expect(nameless.error == "curl: (23) Remote file name has no length!\n")
        #expect(nameless.status == 23)
    }
}
