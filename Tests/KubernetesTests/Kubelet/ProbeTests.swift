import Docker
@testable import KubernetesAPI
@testable import NodeAgent
import Machine
import Simulation
import Testing

/// The kubelet's probes as 1.8's prober runs them (`pkg/kubelet/prober`): a worker per probe
/// that ticks every period from the pod's admission, waits out `initialDelaySeconds` from the
/// container's start, and acts only on `failureThreshold`/`successThreshold` results in a row.
struct ProbeTests {
    private func start(_ world: NodeFixture, image: String = "test/web", restartPolicy: String? = nil,
                       liveness: Probe? = nil, readiness: Probe? = nil, ports: [ContainerPort]? = nil) throws {
        var pod = world.pod(image: image)
        pod.spec?.containers[0].livenessProbe = liveness
        pod.spec?.containers[0].readinessProbe = readiness
        if let ports { pod.spec?.containers[0].ports = ports }
        pod.spec?.restartPolicy = restartPolicy
        pod.spec?.terminationGracePeriodSeconds = 2
        _ = try world.client.create(pod)
    }

    private func probe(_ handler: Probe, delay: Int32? = nil, period: Int32? = nil, success: Int32? = nil, failure: Int32? = nil) -> Probe {
        var probe = handler
        probe.initialDelaySeconds = delay
        probe.periodSeconds = period
        probe.successThreshold = success
        probe.failureThreshold = failure
        return probe
    }

    private static let http = Probe(httpGet: HTTPGetAction(path: "/", port: .int(8080)))

    private func status(_ world: NodeFixture) -> ContainerStatus? {
        world.get("kubia")?.status?.containerStatuses?.first
    }

    @Test func theKillEventNamesTheContainerAsThe18KubeletDid() throws {
        let world = try NodeFixture()
        try start(world, image: "test/flaky", liveness: Self.http)
        world.loop.advance(by: .seconds(70))
        let killing = world.events(reason: "Killing").map(\.message)
        #expect(killing == ["Killing container with id docker://kubia:Container failed liveness probe.. Container will be killed and recreated."])
        #expect(world.events(reason: "Unhealthy").first?.type == Event.warning)
        #expect(world.events(reason: "Killing").first?.type == Event.normal)
    }

    @Test(arguments: [(Int32(1), 1), (3, 3), (5, 5)])
    func livenessKillsAfterFailureThresholdFailuresInARow(threshold: Int32, failures: Int) throws {
        let world = try NodeFixture()
        try start(world, image: "test/flaky", liveness: probe(Self.http, failure: threshold))
        // Three requests pass, then every one fails; one probe every 10 s.
        world.loop.advance(by: .seconds(Int64(10 * (3 + failures)) + 5))
        #expect(world.events(reason: "Unhealthy").first?.count == Int32(failures))
        #expect(world.events(reason: "Killing").count == 1)
        world.loop.advance(by: .seconds(5))
        #expect(status(world)?.restartCount == 1)
        #expect(status(world)?.lastState?.terminated?.exitCode == 137)
        #expect(status(world)?.lastState?.terminated?.reason == "Error")
    }

    @Test func initialDelayHoldsTheFirstProbe() throws {
        let world = try NodeFixture()
        // Failing from the first request: without the delay the container would die at about 30 s.
        try start(world, image: "test/web", liveness: probe(Probe(httpGet: HTTPGetAction(path: "/", port: .int(8081))), delay: 45))
        world.loop.advance(by: .seconds(45))
        #expect(world.events(reason: "Unhealthy").isEmpty)
        world.loop.advance(by: .seconds(11))
        #expect(world.events(reason: "Unhealthy").first?.message == "Liveness probe failed: Get http://10.0.0.2:8081/: dial tcp 10.0.0.2:8081: getsockopt: connection refused")
    }

    @Test func anHTTPProbeGivesUpAfterTimeoutSeconds() throws {
        let world = try NodeFixture()
        var hung = Self.http
        hung.timeoutSeconds = 3
        try start(world, image: "test/silent", liveness: probe(hung, failure: 1))
        world.loop.advance(by: .seconds(12))
        #expect(world.events(reason: "Unhealthy").isEmpty)
        world.loop.advance(by: .seconds(2))
        #expect(world.events(reason: "Unhealthy").first?.message
                == "Liveness probe failed: Get http://10.0.0.2:8080/: net/http: request canceled (Client.Timeout exceeded while awaiting headers)")
        #expect(world.events(reason: "Killing").count == 1)
    }

    @Test func anHTTPSProbeAgainstAPlainHTTPServerFailsAsGosTLSClientDid() throws {
        let world = try NodeFixture()
        try start(world, liveness: probe(Probe(httpGet: HTTPGetAction(path: "/", port: .int(8080), scheme: "HTTPS")), failure: 1))
        world.loop.advance(by: .seconds(11))
        #expect(world.events(reason: "Unhealthy").first?.message == "Liveness probe failed: Get https://10.0.0.2:8080/: tls: oversized record received with length 20527")
    }

    @Test func execAndTCPFailuresReadAsTheProberWordsThem() throws {
        let world = try NodeFixture()
        try start(world, liveness: probe(Probe(tcpSocket: TCPSocketAction(port: .int(9999))), failure: 1))
        world.loop.advance(by: .seconds(11))
        #expect(world.events(reason: "Unhealthy").first?.message == "Liveness probe failed: dial tcp 10.0.0.2:9999: getsockopt: connection refused")
        world.loop.advance(by: .seconds(5))
        #expect(status(world)?.lastState?.terminated?.exitCode == 137)
    }

    @Test func aPassingTCPOrExecProbeLeavesTheContainerAlone() throws {
        let world = try NodeFixture()
        try start(world, liveness: probe(Probe(tcpSocket: TCPSocketAction(port: .int(8080))), period: 1),
                  readiness: probe(Probe(exec: ExecAction(command: ["/greet"])), period: 1))
        world.loop.advance(by: .seconds(60))
        #expect(world.events(reason: "Unhealthy").isEmpty)
        #expect(status(world)?.restartCount == 0)
        #expect(status(world)?.ready == true)
    }

    @Test func aNamedPortTheContainerLacksIsAnErrorNotAFailure() throws {
        let world = try NodeFixture()
        try start(world, liveness: probe(Probe(httpGet: HTTPGetAction(path: "/", port: .string("web"))), failure: 1))
        world.loop.advance(by: .seconds(60))
        #expect(world.events(reason: "Unhealthy").first?.message == "Liveness probe errored: strconv.Atoi: parsing \"web\": invalid syntax")
        #expect(world.events(reason: "Killing").isEmpty)
        #expect(status(world)?.restartCount == 0)
    }

    @Test func aNamedPortIsLookedUpInTheContainersPorts() throws {
        let world = try NodeFixture()
        try start(world, image: "test/flaky", liveness: probe(Probe(httpGet: HTTPGetAction(path: "/", port: .string("http"))), failure: 1),
                  ports: [ContainerPort(name: "http", containerPort: 8080)])
        world.loop.advance(by: .seconds(41))
        #expect(world.events(reason: "Unhealthy").first?.message == "Liveness probe failed: HTTP probe failed with statuscode: 500")
    }

    @Test func neverRestartingPodsAreKilledButNotRecreated() throws {
        let world = try NodeFixture()
        try start(world, image: "test/flaky", restartPolicy: "Never", liveness: probe(Self.http, failure: 1))
        world.loop.advance(by: .seconds(60))
        #expect(world.events(reason: "Killing").map(\.message) == ["Killing container with id docker://kubia:Container failed liveness probe."])
        #expect(status(world)?.restartCount == 0)
        #expect(status(world)?.state?.terminated?.exitCode == 137)
        #expect(world.get("kubia")?.status?.phase == .failed)
        // The container will not run again, so its probe worker has ended.
        world.loop.advance(by: .seconds(10))
        let probes = world.kubelets[0].workers.values.flatMap { $0.records.flatMap(\.probes) }
        #expect(probes.count == 1)
        #expect(probes.allSatisfy { $0.stopped })
    }

    /// Each change of the container's readiness, with the virtual second it was seen, sampled every 500 ms.
    private func readiness(_ world: NodeFixture, for duration: Duration) -> [(Int64, Bool)] {
        let start = world.loop.now
        var result: [(Int64, Bool)] = []
        while world.loop.now < start + duration {
            world.loop.advance(by: .milliseconds(500))
            let ready = status(world)?.ready ?? false
            if result.last?.1 != ready { result.append(((world.loop.now - start).components.seconds, ready)) }
        }
        return result
    }

    @Test(arguments: [(Int32(1), Int64(5)), (3, 15)])
    func readinessStartsFalseAndNeedsSuccessThresholdSuccesses(threshold: Int32, readyAt: Int64) throws {
        let world = try NodeFixture()
        try start(world, readiness: probe(Self.http, period: 5, success: threshold))
        world.loop.advance(by: .seconds(4))
        #expect(world.get("kubia")?.status?.conditions?.first { $0.type == "Ready" }?.message == "containers with unready status: [kubia]")
        // Probes every 5 s from the pod's admission: ready at the threshold's success in a row.
        let timeline = readiness(world, for: .seconds(30))
        #expect(timeline.map(\.1) == [false, true])
        #expect(timeline.last.map { $0.0 + 4 } == readyAt)
        #expect(world.get("kubia")?.isReady == true)
    }

    @Test func aReadyContainerTurnsUnreadyAfterFailureThresholdFailures() throws {
        let world = try NodeFixture()
        _ = try world.client.create(Service(metadata: ObjectMeta(name: "kubia"),
                                            spec: ServiceSpec(ports: [ServicePort(port: 80, targetPort: .int(8080))], selector: ["app": "kubia"])))
        try start(world, image: "test/flaky", readiness: probe(Self.http, period: 2, failure: 2))
        // Requests 1–3 pass (ready from the first), 4 and 5 fail: unready at the second failure, and never restarted.
        let timeline = readiness(world, for: .seconds(30))
        #expect(timeline.map(\.1) == [false, true, false])
        #expect(timeline[2].0 - timeline[1].0 == 8)
        #expect(status(world)?.restartCount == 0)
        #expect(world.events(reason: "Unhealthy").first?.message == "Readiness probe failed: HTTP probe failed with statuscode: 500")
        let endpoints = try world.client.get(Endpoints.self, namespace: "default", name: "kubia")
        #expect(endpoints.subsets?.first?.addresses == nil)
        #expect(endpoints.subsets?.first?.notReadyAddresses?.map(\.ip) == ["10.0.0.2"])
    }
}
