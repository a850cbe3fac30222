import Testing
@testable import Kubectl
import KubernetesAPI

/// `--v`/`-v`: from level 6 kubectl logs each request it makes on stderr, as client-go 1.8's
/// debugging round tripper did through glog.
@Suite struct RequestLogTests {
    /// Splits glog lines into (header, location, message).
    static func lines(_ text: String) throws -> [(header: String, location: String, message: String)] {
        let pattern = try Regex(#"^I\d{4} \d\d:\d\d:\d\d\.\d{6} [ \d]{7} ([a-z_]+\.go:\d+)\] (.*)$"#)
        return try text.split(separator: "\n").map { line in
            let match = try #require(try pattern.wholeMatch(in: String(line)))
            let location = String(try #require(match.output[1].substring))
            let message = String(try #require(match.output[2].substring))
            return (String(line), location, message)
        }
    }

    @Test func levelSixLogsVerbURLStatusAndTime() throws {
        let harness = try KubectlHarness()
        let result = harness.run("kubectl get pod nothere --v 6")
        let lines = try Self.lines(result.error.replacingOccurrences(of: "Error from server (NotFound): pods \"nothere\" not found\n", with: ""))
        #expect(lines.map(\.location) == ["round_trippers.go:436"])
        #expect(lines.map(\.message) == ["GET https://192.168.99.100:8443/api/v1/namespaces/default/pods/nothere 404 Not Found in 0 milliseconds"])
        #expect(result.error.hasSuffix("Error from server (NotFound): pods \"nothere\" not found\n"))
    }

    @Test(arguments: ["-v=6", "-v6", "--v=6", "-v 6", "--v 6"])
    func theFlagIsGlobal(_ spelling: String) throws {
        let harness = try KubectlHarness()
        for line in ["kubectl \(spelling) get rc", "kubectl get rc \(spelling)"] {
            let result = harness.run(line)
            #expect(result.output == "No resources found.\n" || result.error.contains("No resources found."))
            #expect(result.error.contains("round_trippers.go:436] GET https://192.168.99.100:8443/api/v1/namespaces/default/replicationcontrollers 200 OK in 0 milliseconds\n"))
        }
    }

    @Test func belowSixNothingIsLogged() throws {
        let harness = try KubectlHarness()
        for level in ["0", "5"] {
            #expect(!harness.run("kubectl get rc --v=\(level)").error.contains("round_trippers"))
        }
    }

    @Test func writesAreLoggedWithTheirVerbsAndCreatedStatus() throws {
        let harness = try KubectlHarness()
        let create = harness.run("kubectl create namespace kubia-ns -v 6")
        #expect(try Self.lines(create.error).map(\.message) == ["POST https://192.168.99.100:8443/api/v1/namespaces 201 Created in 0 milliseconds"])
        let delete = harness.run("kubectl delete namespace kubia-ns -v 6")
        #expect(try Self.lines(delete.error).map(\.message).contains("DELETE https://192.168.99.100:8443/api/v1/namespaces/kubia-ns 200 OK in 0 milliseconds"))
    }

    @Test func levelSevenShowsTheRequestHeaders() throws {
        let harness = try KubectlHarness()
        let result = harness.run("kubectl get pods -l app=kubia,rel!=beta -v 7")
        let lines = try Self.lines(result.error.replacingOccurrences(of: "No resources found.\n", with: ""))
        #expect(lines.map(\.location) == ["round_trippers.go:414", "round_trippers.go:421", "round_trippers.go:424", "round_trippers.go:424", "round_trippers.go:439"])
        #expect(lines.map(\.message) == [
            "GET https://192.168.99.100:8443/api/v1/namespaces/default/pods?labelSelector=app%3Dkubia%2Crel%21%3Dbeta",
            "Request Headers:",
            "    Accept: application/json, */*",
            "    User-Agent: kubectl/v1.8.0 (linux/amd64) kubernetes/6e93783",
            "Response Status: 200 OK in 0 milliseconds",
        ])
    }

    @Test func badLevelsAreRefusedAsPflagRefusesThem() throws {
        let harness = try KubectlHarness()
        #expect(harness.run("kubectl get rc --v=x").error.hasPrefix("Error: invalid argument \"x\" for \"-v, --v\" flag: strconv.ParseInt: parsing \"x\": invalid syntax\n"))
        #expect(harness.run("kubectl -v").error == "Error: flag needs an argument: 'v' in -v\nRun 'kubectl --help' for usage.\n")
    }

    @Test(arguments: [("app=kubia", "app%3Dkubia"), ("a b", "a+b"), ("x~y_z.-", "x~y_z.-"), ("é", "%C3%A9")])
    func queriesAreEscapedAsGoEscapesThem(_ pair: (String, String)) {
        #expect(RequestLog.queryEscaped(pair.0) == pair.1)
    }
}
