@testable import KubernetesAPI
import Simulation
import Testing

struct ServiceTests {
    private func service(_ name: String, type: String? = nil, targetPort: IntOrString = .int(8080)) -> Service {
        Service(metadata: ObjectMeta(name: name), spec: ServiceSpec(ports: [ServicePort(port: 80, targetPort: targetPort)], selector: ["app": "kubia"], type: type))
    }

    @Test func endpointsFollowReadiness() throws {
        let (loop, plane, kubelets) = try Fixtures.cluster()
        let client = plane.client()
        for kubelet in kubelets { kubelet.isReadyPod = { _ in false } }
        _ = try client.create(service("kubia"))
        _ = try client.create(Fixtures.replicationController("kubia", replicas: 3))
        loop.settle { Fixtures.pods(client).filter { $0.status?.phase == .running }.count == 3 }
        loop.runReady()
        var endpoints = try client.get(Endpoints.self, namespace: "default", name: "kubia")
        #expect(endpoints.subsets?.first?.addresses == nil)
        #expect(endpoints.subsets?.first?.notReadyAddresses?.count == 3)
        #expect(endpoints.subsets?.first?.ports == [EndpointPort(port: 8080, protocol: "TCP")])
        for kubelet in kubelets {
            kubelet.isReadyPod = { _ in true }
            kubelet.refresh()
        }
        loop.settle(within: .seconds(5)) { (try? client.get(Endpoints.self, namespace: "default", name: "kubia"))?.subsets?.first?.addresses?.count == 3 }
        endpoints = try client.get(Endpoints.self, namespace: "default", name: "kubia")
        let ips = endpoints.subsets?.first?.addresses?.map(\.ip) ?? []
        #expect(ips == ips.sorted())
        #expect(Set(ips) == Set(Fixtures.pods(client).compactMap(\.status?.podIP)))
        #expect(endpoints.subsets?.first?.addresses?.first?.targetRef?.kind == "Pod")
        // A relabelled pod drops out.
        let leaving = try #require(Fixtures.pods(client).first)
        try client.modify(Pod.self, namespace: "default", name: leaving.name) { (pod: inout Pod) throws(APIError) in pod.metadata.labels = ["app": "gone"] }
        loop.settle(within: .seconds(5)) { !(((try? client.get(Endpoints.self, namespace: "default", name: "kubia"))?.subsets?.first?.addresses?.map(\.ip) ?? []).contains(leaving.status?.podIP ?? "")) }
        #expect(!(try client.get(Endpoints.self, namespace: "default", name: "kubia").subsets?.first?.addresses?.map(\.ip) ?? []).contains(leaving.status?.podIP ?? ""))
        try client.delete(Service.self, namespace: "default", name: "kubia")
        loop.runReady()
        #expect(throws: APIError.self) { try client.get(Endpoints.self, namespace: "default", name: "kubia") }
    }

    @Test func namedTargetPortsResolvePerPod() throws {
        let (loop, plane, _) = try Fixtures.cluster(nodes: 1)
        let client = plane.client()
        var controller = Fixtures.replicationController("kubia", replicas: 1)
        controller.spec?.template?.spec?.containers[0].ports = [ContainerPort(name: "http", containerPort: 8080)]
        _ = try client.create(controller)
        _ = try client.create(service("kubia", targetPort: .string("http")))
        loop.settle { (try? client.get(Endpoints.self, namespace: "default", name: "kubia"))?.subsets?.first?.addresses?.count == 1 }
        #expect(try client.get(Endpoints.self, namespace: "default", name: "kubia").subsets?.first?.ports?.first?.port == 8080)
    }

    @Test func loadBalancerGetsAnAddressAfterTheCloudsDelay() throws {
        let (loop, plane, _) = try Fixtures.cluster(cloud: true)
        let client = plane.client()
        let created = try client.create(service("kubia-http", type: "LoadBalancer"))
        #expect(created.status?.loadBalancer?.ingress == nil)
        loop.advance(by: .seconds(44))
        #expect(try client.get(Service.self, namespace: "default", name: "kubia-http").status?.loadBalancer?.ingress == nil)
        loop.advance(by: .seconds(1))
        let ingress = try client.get(Service.self, namespace: "default", name: "kubia-http").status?.loadBalancer?.ingress
        #expect(ingress?.first?.ip?.hasPrefix("35.190.") == true)
        #expect(Fixtures.events(client, reason: "CreatingLoadBalancer").count == 1)
        #expect(Fixtures.events(client, reason: "CreatedLoadBalancer").count == 1)
    }

    @Test func loadBalancerStaysPendingWithoutACloud() throws {
        let (loop, plane, _) = try Fixtures.cluster(cloud: false)
        let client = plane.client()
        let created = try client.create(service("kubia-http", type: "LoadBalancer"))
        #expect((30000...32767).contains(created.spec?.ports?.first?.nodePort ?? 0))
        loop.advance(by: .seconds(600))
        #expect(try client.get(Service.self, namespace: "default", name: "kubia-http").status?.loadBalancer?.ingress == nil)
    }
}
