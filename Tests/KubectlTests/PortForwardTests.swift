@testable import Kubectl
import KubernetesAPI
import Machine
import Simulation
import Testing

/// `kubectl port-forward` against the stand-in cluster: its argument checks and errors, and a
/// connection carried into a machine standing for the pod.
@Suite struct PortForwardTests {
    @Test(arguments: [
        (["8888:8080"], [ForwardedPort(local: 8888, remote: 8080)]),
        (["8080"], [ForwardedPort(local: 8080, remote: 8080)]),
        ([":8080"], [ForwardedPort(local: 0, remote: 8080)]),
        (["0:5000", "6000"], [ForwardedPort(local: 0, remote: 5000), ForwardedPort(local: 6000, remote: 6000)]),
        (["08888:08080"], [ForwardedPort(local: 8888, remote: 8080)]),
    ])
    func portsParse(_ arguments: [String], _ expected: [ForwardedPort]) throws {
        #expect(try ForwardedPort.parse(arguments) == expected)
    }

    @Test(arguments: [
        ("1:2:3", "error: Invalid port format '1:2:3'\n"),
        ("abc", "error: Error parsing local port 'abc': strconv.ParseUint: parsing \"abc\": invalid syntax\n"),
        ("8888:x", "error: Error parsing remote port 'x': strconv.ParseUint: parsing \"x\": invalid syntax\n"),
        ("70000", "error: Error parsing local port '70000': strconv.ParseUint: parsing \"70000\": value out of range\n"),
        ("8888:", "error: Error parsing remote port '': strconv.ParseUint: parsing \"\": invalid syntax\n"),
        ("+1", "error: Error parsing local port '+1': strconv.ParseUint: parsing \"+1\": invalid syntax\n"),
        ("8888:0", "error: Remote port must be > 0\n"),
    ])
    func badPortsGiveClientGosErrors(_ port: String, _ expected: String) throws {
        let harness = try KubectlHarness()
        try runningPod(in: harness)
        let result = harness.run(words: ["kubectl", "port-forward", "web", port])
        #expect(result.error == expected)
        #expect(result.status == 1)
    }

    @Test(arguments: [
        ("kubectl port-forward", "error: POD is required for port-forward\nSee 'kubectl port-forward -h' for help and examples.\n"),
        ("kubectl port-forward web", "error: at least 1 PORT is required for port-forward\nSee 'kubectl port-forward -h' for help and examples.\n"),
        ("kubectl port-forward missing 8888", "Error from server (NotFound): pods \"missing\" not found\n"),
        ("kubectl port-forward pod/web 8888", "error: invalid resource name \"pod/web\": [may not contain '/']\n"),
        ("kubectl port-forward -n other web 8888", "Error from server (NotFound): pods \"web\" not found\n"),
    ])
    func argumentErrors(_ line: String, _ expected: String) throws {
        let harness = try KubectlHarness()
        try runningPod(in: harness)
        let result = harness.run(line)
        #expect(result.error == expected)
        #expect(result.status == 1)
    }

    @Test(arguments: [
        ("kubectl port-forward web 1:2:3 --bogus", "Error: unknown flag: --bogus\n"),
        // pflag reads a negative port as a flag, as the real command does.
        ("kubectl port-forward web -1", "Error: unknown shorthand flag: '1' in -1\n"),
    ])
    func flagErrorsShowTheUsage(_ line: String, _ firstLine: String) throws {
        let harness = try KubectlHarness()
        try runningPod(in: harness)
        let result = harness.run(line)
        #expect(result.error.hasPrefix(firstLine))
        #expect(result.error.contains("Usage:\n  kubectl port-forward POD [LOCAL_PORT:]REMOTE_PORT"))
        #expect(result.status == 1)
    }

    @Test func aPendingPodCannotBeForwardedTo() throws {
        let harness = try KubectlHarness(nodes: [])
        _ = try harness.client.create(Pod(metadata: ObjectMeta(name: "web", namespace: "default"),
                                          spec: PodSpec(containers: [Container(name: "web", image: "nginx")])))
        let result = harness.run("kubectl port-forward web 8888:80")
        #expect(result.error == "error: unable to forward port because pod is not running. Current status=Pending\n")
    }

    @Test func withoutAClusterTheConnectionIsRefused() throws {
        let harness = try KubectlHarness(writesKubeconfig: false)
        let result = harness.run("kubectl port-forward web 8888:80")
        #expect(result.error == "The connection to the server localhost:8080 was refused - did you specify the right host or port?\n")
    }

    @Test func helpShowsTheUsageOf18() throws {
        let harness = try KubectlHarness()
        let help = harness.run("kubectl port-forward -h").output
        #expect(help.hasPrefix("Forward one or more local ports to a pod.\n\nExamples:\n  # Listen on ports 5000 and 6000 locally"))
        #expect(help.contains("  -p, --pod='': Pod name\n"))
        #expect(help.contains("Usage:\n  kubectl port-forward POD [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N] [options]\n"))
    }

    @Test func forwardsConnectionsUntilInterrupted() throws {
        let harness = try KubectlHarness()
        try runningPod(in: harness)
        let pod = podMachine(harness, answering: "hello from the pod\n", on: 8080)
        let (process, output, errors) = start(harness, ["kubectl", "port-forward", "web", "8888:8080", ":8080"])
        harness.advance(.seconds(1))
        let random = try #require(harness.machine.networkStack.listeningPorts.first { $0 != 8888 })
        #expect((32768...60999).contains(random))
        #expect(output.text == """
            Forwarding from 127.0.0.1:8888 -> 8080
            Forwarding from [::1]:8888 -> 8080
            Forwarding from 127.0.0.1:\(random) -> 8080
            Forwarding from [::1]:\(random) -> 8080

            """)
        #expect(fetch(harness, port: 8888) == "hello from the pod\n")
        #expect(fetch(harness, port: random) == "hello from the pod\n")
        #expect(output.text.hasSuffix("Handling connection for 8888\nHandling connection for \(random)\n"))
        #expect(pod.networkStack.isListening(on: 8080))
        process.signal(.interrupt)
        harness.advance(.seconds(1))
        #expect(process.exitStatus == 0)
        #expect(!harness.machine.networkStack.isListening(on: 8888))
        #expect(errors.text == "")
    }

    @Test func nothingListeningInThePodLogsTheKubeletsError() throws {
        let harness = try KubectlHarness()
        try runningPod(in: harness)
        _ = podMachine(harness, answering: "unused", on: 9090)
        let (_, output, errors) = start(harness, ["kubectl", "port-forward", "web", "8888:8080"])
        harness.advance(.seconds(1))
        #expect(fetch(harness, port: 8888) == "")
        #expect(output.text.hasSuffix("Handling connection for 8888\n"))
        #expect(errors.text.hasPrefix("E0306 "))
        #expect(errors.text.hasSuffix(" portforward.go:331] an error occurred forwarding 8888 -> 8080: error forwarding port 8080 to pod web, uid : connection refused\n"))
    }

    @Test func aLostStreamEndsTheCommand() throws {
        let harness = try KubectlHarness()
        try runningPod(in: harness)
        let (process, _, errors) = start(harness, ["kubectl", "port-forward", "web", "8888:8080"])
        harness.advance(.seconds(1))
        try #require(harness.kubeletConnection.streams.count == 1)
        harness.kubeletConnection.streams[0].lose()
        harness.advance(.seconds(1))
        #expect(process.exitStatus == 0)
        #expect(errors.text.hasSuffix(" portforward.go:178] lost connection to pod\n"))
        #expect(!harness.machine.networkStack.isListening(on: 8888))
    }

    @Test func aTakenPortIsReportedAndOthersStillListen() throws {
        let harness = try KubectlHarness()
        try runningPod(in: harness)
        _ = try harness.machine.networkStack.listen(port: 8888, owner: nil) { $0.close() }
        let (process, output, errors) = start(harness, ["kubectl", "port-forward", "web", "8888:8080", "9999:8080"])
        harness.advance(.seconds(1))
        #expect(process.isRunning)
        #expect(errors.text == "Unable to listen on port 8888: All listeners failed to create with the following errors: Unable to create listener: Error listen tcp4 127.0.0.1:8888: bind: address already in use, Unable to create listener: Error listen tcp6 [::1]:8888: bind: address already in use\n")
        #expect(output.text == "Forwarding from 127.0.0.1:9999 -> 8080\nForwarding from [::1]:9999 -> 8080\n")
        process.signal(.terminate)
        harness.advance(.seconds(1))
        #expect(process.exitStatus == 143)
        #expect(!harness.machine.networkStack.isListening(on: 9999))
    }

    @Test func deprecatedPodFlagStillWorks() throws {
        let harness = try KubectlHarness()
        try runningPod(in: harness)
        let (process, output, errors) = start(harness, ["kubectl", "port-forward", "-p", "web", "8888:8080"])
        harness.advance(.seconds(1))
        #expect(errors.text.hasSuffix("] -p POD is DEPRECATED and will be removed in a future version. Use port-forward POD instead.\n"))
        #expect(output.text.hasPrefix("Forwarding from 127.0.0.1:8888 -> 8080\n"))
        process.signal(.interrupt)
        harness.advance(.seconds(1))
        #expect(process.exitStatus == 0)
    }

    // MARK: Helpers

    private func runningPod(in harness: KubectlHarness) throws {
        _ = try harness.client.create(Pod(metadata: ObjectMeta(name: "web", namespace: "default"),
                                          spec: PodSpec(containers: [Container(name: "web", image: "nginx")])))
        harness.settle { (try? harness.client.get(Pod.self, namespace: "default", name: "web"))?.status?.phase == .running }
    }

    /// A machine standing for the pod, whose server answers every connection to `port` with `text`.
    private func podMachine(_ harness: KubectlHarness, answering text: String, on port: Int) -> Machine {
        let machine = Machine(hostname: "web", loop: harness.loop, fileSystem: FileSystem(), programs: ProgramRegistry(), network: Network())
        _ = try? machine.networkStack.listen(port: port, owner: nil) { connection in
            try? connection.output.write(text)
            connection.close()
        }
        harness.kubeletConnection.podMachines["web"] = machine
        return machine
    }

    private func start(_ harness: KubectlHarness, _ words: [String]) -> (SimulatedProcess, CollectingStream, CollectingStream) {
        let output = CollectingStream(), errors = CollectingStream()
        let process = harness.machine.launch(harness.program, arguments: words, environment: harness.environment, workingDirectory: "/root",
                                             user: .root, stdin: EmptyReader(), stdout: output, stderr: errors)
        return (process, output, errors)
    }

    /// Everything a connection to the workstation's `port` receives before it closes.
    private func fetch(_ harness: KubectlHarness, port: Int) -> String? {
        let stack = harness.machine.networkStack
        var received: [UInt8]?
        var done = false
        harness.loop.spawn {
            defer { done = true }
            guard let connection = try? stack.connect(address: "127.0.0.1", port: port) else { return }
            var bytes: [UInt8] = []
            while let chunk = try? await connection.input.read() { bytes += chunk }
            received = bytes
        }
        harness.settle { done }
        return received.map { String(decoding: $0, as: UTF8.self) }
    }
}
