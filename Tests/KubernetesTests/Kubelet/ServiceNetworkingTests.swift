@testable import KubernetesAPI
import Machine
@testable import NodeAgent
import Simulation
import Testing

struct ServiceNetworkingTests {
    /// Three ready pods behind a service; returns the fixture and the service's cluster IP.
    private func threePods(seed: UInt64, affinity: Bool = false, type: String? = nil) throws -> (NodeFixture, Service) {
        let world = try NodeFixture(seed: seed, nodes: 3)
        var service = Service(metadata: ObjectMeta(name: "kubia"),
                              spec: ServiceSpec(ports: [ServicePort(port: 80, targetPort: .int(8080))], selector: ["app": "kubia"], type: type))
        if affinity { service.spec?.sessionAffinity = "ClientIP" }
        _ = try world.client.create(service)
        for index in 1...3 {
            var pod = world.pod("kubia-\(index)", image: "test/web")
            pod.spec?.nodeName = "node-\(index)"
            _ = try world.client.create(pod)
        }
        world.loop.advance(by: .seconds(15))
        return (world, try world.client.get(Service.self, namespace: "default", name: "kubia"))
    }

    @Test func connectionsSpreadAcrossReadyEndpoints() throws {
        let (world, service) = try threePods(seed: 11)
        let clusterIP = try #require(service.spec?.clusterIP)
        let answers = (0..<30).compactMap { _ in world.fetch(clusterIP, 80) }
        #expect(answers.count == 30)
        #expect(Set(answers) == ["You've hit kubia-1\n", "You've hit kubia-2\n", "You've hit kubia-3\n"])
        // The same seed spreads the same way.
        let (again, againService) = try threePods(seed: 11)
        let replay = (0..<30).compactMap { _ in again.fetch(againService.spec?.clusterIP ?? "", 80) }
        #expect(replay == answers)
    }

    @Test func clientIPAffinitySticks() throws {
        let (world, service) = try threePods(seed: 3, affinity: true)
        let clusterIP = try #require(service.spec?.clusterIP)
        let answers = Set((0..<10).compactMap { _ in world.fetch(clusterIP, 80) })
        #expect(answers.count == 1)
    }

    @Test func nodePortAnswersOnEveryNode() throws {
        let (world, service) = try threePods(seed: 5, type: "NodePort")
        let nodePort = try #require(service.spec?.ports?.first?.nodePort)
        for node in ["10.132.0.2", "10.132.0.3", "10.132.0.4"] {
            #expect(world.fetch(node, Int(nodePort))?.hasPrefix("You've hit kubia-") == true)
        }
    }

    @Test func podsReachServicesByName() throws {
        let (world, service) = try threePods(seed: 9)
        let app = try #require(world.engines[0].containers.first { $0.name.hasPrefix("k8s_kubia_kubia-1_") })
        let stack = app.machine.networkStack
        #expect(stack.resolve("kubia") == [service.spec?.clusterIP ?? ""])
        #expect(stack.resolve("kubia.default") == [service.spec?.clusterIP ?? ""])
        #expect(stack.resolve("kubia.default.svc.cluster.local") == [service.spec?.clusterIP ?? ""])
        #expect(stack.resolve("nothing.default.svc.cluster.local").isEmpty)
        let resolv = String(decoding: try app.machine.fileSystem.readFile("/etc/resolv.conf"), as: UTF8.self)
        #expect(resolv == "nameserver 10.96.0.10\nsearch default.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:5\n")
        // Pod to service by name, through kube-proxy.
        var answer: String?
        var done = false
        world.loop.spawn {
            defer { done = true }
            guard let connection = try? await stack.connect(host: "kubia", port: 80) else { return }
            try? connection.output.write(HTTPRequest(method: "GET", target: "/", headers: HTTPHeaders([("Host", "kubia")])).serialized)
            if let response = try? await HTTPReader(connection.input).readResponse() {
                answer = String(decoding: response.body, as: UTF8.self)
            }
        }
        _ = world.loop.run(until: { done }, limit: world.loop.now + .seconds(5))
        #expect(answer?.hasPrefix("You've hit kubia-") == true)
    }

    @Test func headlessServicesAnswerWithPodAddressesAndServiceRecords() throws {
        let (world, _) = try threePods(seed: 4)
        var headless = Service(metadata: ObjectMeta(name: "kubia-headless"),
                               spec: ServiceSpec(ports: [ServicePort(name: "http", port: 80, targetPort: .int(8080))], selector: ["app": "kubia"]))
        headless.spec?.clusterIP = "None"
        _ = try world.client.create(headless)
        world.loop.advance(by: .seconds(1))
        #expect(world.dns.resolve("kubia-headless", searchPath: ["default.svc.cluster.local"]) == ["10.0.0.2", "10.0.1.2", "10.0.2.2"])
        let records = world.dns.resolveServiceRecords("_http._tcp.kubia-headless.default.svc.cluster.local") ?? []
        #expect(records.map(\.target) == ["10-0-0-2.kubia-headless.default.svc.cluster.local",
                                          "10-0-1-2.kubia-headless.default.svc.cluster.local",
                                          "10-0-2-2.kubia-headless.default.svc.cluster.local"])
        #expect(records.allSatisfy { $0.port == 8080 })
        let plain = world.dns.resolveServiceRecords("kubia.default.svc.cluster.local") ?? []
        #expect(plain == [SRVRecord(priority: 10, weight: 100, port: 80, target: "kubia.default.svc.cluster.local")])
    }
}
