import Docker
@testable import KubernetesAPI
import Machine
import Simulation
import Testing

struct KubeletTests {
    @Test func podGoesFromContainerCreatingToRunning() throws {
        let world = try NodeFixture()
        let created = try world.client.create(world.pod(image: "test/web"))
        world.loop.runReady()
        world.loop.advance(by: .milliseconds(10))
        #expect(world.reason("kubia") == "ContainerCreating")
        #expect(world.get("kubia")?.status?.phase == .pending)
        let timeline = world.timeline("kubia", for: .seconds(20))
        #expect(timeline.map(\.1) == ["ContainerCreating", "Running"])
        let pod = try #require(world.get("kubia"))
        #expect(pod.isReady)
        #expect(pod.status?.podIP == "10.0.0.2")
        #expect(pod.status?.hostIP == "10.132.0.2")
        let status = try #require(pod.status?.containerStatuses?.first)
        #expect(status.image == "test/web:latest")
        #expect(status.containerID?.hasPrefix("docker://") == true)
        let engine = world.engines[0]
        #expect(engine.containers.map(\.name).contains("k8s_kubia_kubia_default_\(created.uid)_0"))
        #expect(engine.containers.first { $0.name.hasPrefix("k8s_kubia_") }?.machine.hostname == "kubia")
        let messages = ((try? world.client.list(Event.self).items) ?? []).filter { $0.source?.component == "kubelet" && $0.involvedObject.kind == "Pod" }.map(\.message)
        #expect(messages == ["pulling image \"test/web\"", "Successfully pulled image \"test/web\"", "Created container", "Started container"])
        // The app answers on the pod IP with its hostname, the pod's name: from a node, not
        // from the workstation, where a pod IP is routed nowhere.
        #expect(world.fetch("10.0.0.2", 8080, from: world.kubelets[0].machine.networkStack) == "You've hit kubia\n")
        #expect(world.fetch("10.0.0.2", 8080) == nil)
    }

    @Test func missingImageBacksOffWithGrowingDelays() throws {
        let world = try NodeFixture()
        _ = try world.client.create(world.pod(image: "test/nothing-here"))
        let timeline = world.timeline("kubia", for: .seconds(70))
        #expect(timeline.map(\.1) == ["ContainerCreating", "ErrImagePull", "ImagePullBackOff", "ErrImagePull", "ImagePullBackOff", "ErrImagePull", "ImagePullBackOff"])
        // Back-off windows of 10 s, then 20 s, each followed by the pull's own 2 s.
        let pulls = timeline.filter { $0.1 == "ErrImagePull" }.map(\.0)
        #expect(pulls.count == 3)
        #expect(pulls[1] - pulls[0] == 12)
        #expect(pulls[2] - pulls[1] == 22)
        let pod = try #require(world.get("kubia"))
        #expect(pod.status?.phase == .pending)
        #expect(pod.status?.containerStatuses?.first?.restartCount == 0)
        #expect(pod.status?.containerStatuses?.first?.state?.waiting?.message == "Back-off pulling image \"test/nothing-here\"")
        #expect(world.events(reason: "Failed").first?.message?.hasPrefix("Failed to pull image \"test/nothing-here\": rpc error: code = Unknown desc = Error response from daemon: ") == true)
    }

    @Test func crashingContainerRestartsWithCrashLoopBackOff() throws {
        let world = try NodeFixture()
        _ = try world.client.create(world.pod(image: "test/crash"))
        let timeline = world.timeline("kubia", for: .seconds(60))
        #expect(timeline.map(\.1) == ["ContainerCreating", "Running", "Error", "Running", "Error", "CrashLoopBackOff", "Running", "Error",
                                      "CrashLoopBackOff", "Running", "Error", "CrashLoopBackOff"])
        let restarts = timeline.enumerated().filter { $0.element.1 == "Running" }.map { $0.element.0 }
        // The first restart is immediate; then 1.8's `doBackOff` counts windows of 10 s and 20 s from
        // when the container finished: each restart follows the 1 s run, the window and the 2 s pull.
        #expect(restarts[2] - restarts[1] == 13)
        #expect(restarts[3] - restarts[2] == 23)
        let pod = try #require(world.get("kubia"))
        let status = try #require(pod.status?.containerStatuses?.first)
        #expect(status.restartCount == 3)
        #expect(status.lastState?.terminated?.exitCode == 1)
        #expect(status.lastState?.terminated?.reason == "Error")
        #expect(status.state?.waiting?.message?.hasPrefix("Back-off 40s restarting failed container=kubia pod=kubia_default(") == true)
        // The previous instance's log is served to kubectl.
        let previous = try world.runtime.logs(namespace: "default", pod: "kubia", container: "kubia", options: PodLogOptions(previous: true))
        var bytes: [UInt8] = []
        var done = false
        world.loop.spawn {
            while let chunk = try? await previous.read() { bytes += chunk }
            done = true
        }
        _ = world.loop.run(until: { done }, limit: world.loop.now + .seconds(1))
        #expect(String(decoding: bytes, as: UTF8.self) == "starting up\nfatal: giving up\n")
    }

    @Test func livenessProbeFailureKillsAndRestarts() throws {
        let world = try NodeFixture()
        var pod = world.pod(image: "test/flaky")
        pod.spec?.containers[0].livenessProbe = Probe(httpGet: HTTPGetAction(path: "/", port: .int(8080)), initialDelaySeconds: 5)
        pod.spec?.terminationGracePeriodSeconds = 2
        _ = try world.client.create(pod)
        world.loop.advance(by: .seconds(10))
        #expect(world.reason("kubia") == "Running")
        // Probes at 5 s, 15 s, 25 s pass; 35, 45, 55 s fail; the third failure kills the container.
        world.loop.advance(by: .seconds(60))
        let unhealthy = world.events(reason: "Unhealthy")
        #expect(unhealthy.first?.message == "Liveness probe failed: HTTP probe failed with statuscode: 500")
        #expect(unhealthy.first?.count == 3)
        let killing = try #require(world.events(reason: "Killing").first)
        #expect(killing.message?.hasPrefix("Killing container with id docker://") == true)
        #expect(killing.message?.hasSuffix(":Container failed liveness probe.. Container will be killed and recreated.") == true)
        let status = try #require(world.get("kubia")?.status?.containerStatuses?.first)
        #expect(status.restartCount == 1)
        #expect(status.lastState?.terminated?.exitCode == 137)
    }

    @Test func readinessProbeDrivesEndpoints() throws {
        let world = try NodeFixture()
        var pod = world.pod(image: "test/web")
        pod.spec?.containers[0].readinessProbe = Probe(exec: ExecAction(command: ["/missing"]), periodSeconds: 1)
        _ = try world.client.create(pod)
        _ = try world.client.create(Service(metadata: ObjectMeta(name: "kubia"),
                                            spec: ServiceSpec(ports: [ServicePort(port: 80, targetPort: .int(8080))], selector: ["app": "kubia"])))
        world.loop.advance(by: .seconds(20))
        #expect(world.reason("kubia") == "Running")
        #expect(world.get("kubia")?.isReady == false)
        let endpoints = try world.client.get(Endpoints.self, namespace: "default", name: "kubia")
        #expect(endpoints.subsets?.first?.addresses == nil)
        #expect(endpoints.subsets?.first?.notReadyAddresses?.first?.ip == "10.0.0.2")
        let clusterIP = try #require(try world.client.get(Service.self, namespace: "default", name: "kubia").spec?.clusterIP)
        // Nothing ready behind the service: refused.
        #expect(world.fetch(clusterIP, 80) == nil)
    }

    @Test func nodeRegistersAndPostsHeartbeats() throws {
        let world = try NodeFixture()
        let node = try world.client.get(Node.self, namespace: nil, name: "node-1")
        #expect(node.isReady)
        #expect(node.spec?.podCIDR == "10.0.0.0/24")
        #expect(node.status?.conditions?.map(\.type) == ["OutOfDisk", "MemoryPressure", "DiskPressure", "Ready"])
        let first = node.status?.condition("Ready")?.lastHeartbeatTime
        world.loop.advance(by: .seconds(10))
        let later = try world.client.get(Node.self, namespace: nil, name: "node-1").status?.condition("Ready")?.lastHeartbeatTime
        #expect(later != first)
        world.kubelets[0].stop()
        world.loop.advance(by: .seconds(60))
        #expect(try world.client.get(Node.self, namespace: nil, name: "node-1").isReady == false)
    }

    @Test func deletingAPodStopsItsContainers() throws {
        let world = try NodeFixture()
        _ = try world.client.create(world.pod(image: "test/web"))
        world.loop.advance(by: .seconds(10))
        _ = try world.client.delete(Pod.self, namespace: "default", name: "kubia")
        world.loop.runReady()
        #expect(world.get("kubia")?.metadata.deletionTimestamp != nil)
        // The app ignores SIGTERM, so the grace period (30 s) runs out first.
        world.loop.advance(by: .seconds(29))
        #expect(world.get("kubia") != nil)
        world.loop.advance(by: .seconds(2))
        #expect(world.get("kubia") == nil)
        #expect(world.engines[0].containers.allSatisfy { !$0.isRunning })
    }

    @Test func logsAndExecReachTheContainer() throws {
        let world = try NodeFixture()
        _ = try world.client.create(world.pod(image: "test/web"))
        world.loop.advance(by: .milliseconds(1500))
        #expect(throws: APIError.badRequest("container \"kubia\" in pod \"kubia\" is waiting to start: ContainerCreating")) {
            try world.runtime.logs(namespace: "default", pod: "kubia", container: "kubia", options: PodLogOptions())
        }
        world.loop.advance(by: .seconds(10))
        let log = try world.runtime.logs(namespace: "default", pod: "kubia", container: "kubia", options: PodLogOptions())
        var bytes: [UInt8] = []
        var status: Int32?
        let output = CollectingStream()
        var done = false
        world.loop.spawn {
            while let chunk = try? await log.read() { bytes += chunk }
            status = try? await world.runtime.exec(namespace: "default", pod: "kubia", container: "kubia", command: ["/greet", "there"], tty: false,
                                                   stdin: nil, stdout: output, stderr: output)
            done = true
        }
        _ = world.loop.run(until: { done }, limit: world.loop.now + .seconds(5))
        #expect(String(decoding: bytes, as: UTF8.self) == "Kubia server starting...\n")
        #expect(status == 0)
        #expect(output.text == "hello from kubia there\n")
        #expect(throws: APIError.self) {
            try world.runtime.logs(namespace: "default", pod: "kubia", container: "kubia", options: PodLogOptions(previous: true))
        }
    }
}
