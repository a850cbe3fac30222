@testable import ControlPlane
@testable import KubernetesAPI
import Simulation
import Testing

struct ValidationTests {
    private func invalid<Object: APIObject>(_ object: Object) -> APIError? {
        let server = APIServer(loop: EventLoop(seed: 1))
        do {
            _ = try server.client().create(object)
            return nil
        } catch {
            return error
        }
    }

    @Test func podWithoutImage() {
        var pod = Fixtures.pod("kubia")
        pod.spec?.containers[0].image = nil
        let error = invalid(pod)
        #expect(error?.reason == .invalid)
        #expect(error?.message == "Pod \"kubia\" is invalid: spec.containers[0].image: Required value")
        #expect(error?.causes.map(\.description) == ["spec.containers[0].image: Required value"])
    }

    @Test func podNameMustBeADNSSubdomain() {
        let error = invalid(Fixtures.pod("Kubia"))
        #expect(error?.message == "Pod \"Kubia\" is invalid: metadata.name: Invalid value: \"Kubia\": a DNS-1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')")
    }

    @Test func severalProblemsAreListedTogether() {
        var pod = Fixtures.pod("kubia")
        pod.spec?.containers[0].image = nil
        pod.spec?.restartPolicy = "Sometimes"
        let error = invalid(pod)
        #expect(error?.message == "Pod \"kubia\" is invalid: [spec.containers[0].image: Required value, spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\"]")
    }

    @Test func replicationControllerSelectorMustMatchTemplate() {
        var controller = Fixtures.replicationController("kubia", replicas: 3)
        controller.spec?.selector = ["app": "other"]
        let error = invalid(controller)
        #expect(error?.message == "ReplicationController \"kubia\" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"kubia\"}: `selector` does not match template `labels`")
    }

    @Test func appsV1beta2ReplicaSetNeedsASelector() {
        let replicaSet = ReplicaSet(
            apiVersion: "apps/v1beta2", metadata: ObjectMeta(name: "kubia"),
            spec: ReplicaSetSpec(replicas: 3, template: PodTemplateSpec(metadata: ObjectMeta(labels: ["app": "kubia"]), spec: PodSpec(containers: [Fixtures.container()]))))
        let error = invalid(replicaSet)
        #expect(error?.message == "ReplicaSet.extensions \"kubia\" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"kubia\"}: `selector` does not match template `labels`]")
    }

    @Test(arguments: [
        ("kubia_svc", "Service \"kubia_svc\" is invalid: metadata.name: Invalid value: \"kubia_svc\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"),
    ])
    func serviceNamesAreDNS1035Labels(name: String, message: String) {
        let service = Service(metadata: ObjectMeta(name: name), spec: ServiceSpec(ports: [ServicePort(port: 80)]))
        #expect(invalid(service)?.message == message)
    }

    @Test func nodePortsMustBeInRangeAndFree() throws {
        let server = APIServer(loop: EventLoop(seed: 1))
        let client = server.client()
        var service = Service(metadata: ObjectMeta(name: "kubia-nodeport"), spec: ServiceSpec(ports: [ServicePort(port: 80, targetPort: .int(8080), nodePort: 30123)], type: "NodePort"))
        let created = try client.create(service)
        #expect(created.spec?.ports?.first?.nodePort == 30123)
        service.metadata.name = "second"
        let taken = #expect(throws: APIError.self) { try client.create(service) }
        #expect(taken?.message == "Service \"second\" is invalid: spec.ports[0].nodePort: Invalid value: 30123: provided port is already allocated")
        service.spec?.ports?[0].nodePort = 80
        let outside = #expect(throws: APIError.self) { try client.create(service) }
        #expect(outside?.message == "Service \"second\" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767")
        try client.delete(Service.self, namespace: "default", name: "kubia-nodeport")
        service.spec?.ports?[0].nodePort = 30123
        #expect(try client.create(service).spec?.ports?.first?.nodePort == 30123, "a deleted service gives its port back")
    }

    @Test func podSpecsAreMostlyImmutable() throws {
        let server = APIServer(loop: EventLoop(seed: 1))
        let client = server.client()
        var pod = try client.create(Fixtures.pod("kubia"))
        pod.spec?.containers[0].image = "luksa/kubia:v2"
        _ = try client.update(pod)
        var changed = try client.get(Pod.self, namespace: "default", name: "kubia")
        changed.spec?.restartPolicy = "Never"
        let error = #expect(throws: APIError.self) { try client.update(changed) }
        #expect(error?.message.hasPrefix("Pod \"kubia\" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`") == true)
    }
}
