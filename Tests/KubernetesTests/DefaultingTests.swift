@testable import ControlPlane
@testable import KubernetesAPI
import Simulation
import Testing

struct DefaultingTests {
    @Test(arguments: [
        ("luksa/kubia", "Always"), ("luksa/kubia:latest", "Always"), ("luksa/kubia:v1", "IfNotPresent"),
        ("localhost:5000/kubia", "Always"), ("localhost:5000/kubia:v2", "IfNotPresent"), ("busybox@sha256:abc", "IfNotPresent"),
    ])
    func pullPolicyFollowsTheTag(image: String, policy: String) throws {
        let client = APIServer(loop: EventLoop(seed: 1)).client()
        var pod = Fixtures.pod("kubia")
        pod.spec?.containers[0].image = image
        let created = try client.create(pod)
        #expect(created.spec?.containers[0].imagePullPolicy == policy)
    }

    @Test func podDefaults() throws {
        let client = APIServer(loop: EventLoop(seed: 1)).client()
        var pod = Fixtures.pod("kubia")
        pod.spec?.containers[0].livenessProbe = Probe(httpGet: HTTPGetAction(port: .int(8080)))
        let created = try client.create(pod)
        let spec = try #require(created.spec)
        #expect(spec.restartPolicy == "Always")
        #expect(spec.dnsPolicy == "ClusterFirst")
        #expect(spec.schedulerName == "default-scheduler")
        #expect(spec.terminationGracePeriodSeconds == 30)
        #expect(spec.securityContext == PodSecurityContext())
        #expect(spec.serviceAccountName == "default")
        let container = spec.containers[0]
        #expect(container.terminationMessagePath == "/dev/termination-log")
        #expect(container.ports?[0].protocol == "TCP")
        #expect(container.resources == ResourceRequirements())
        #expect(container.livenessProbe?.httpGet?.path == "/")
        #expect(container.livenessProbe?.httpGet?.scheme == "HTTP")
        #expect(container.livenessProbe?.timeoutSeconds == 1)
        #expect(container.livenessProbe?.periodSeconds == 10)
        #expect(container.livenessProbe?.failureThreshold == 3)
        let token = try #require(spec.volumes?.first)
        #expect(token.name.hasPrefix("default-token-"))
        #expect(container.volumeMounts?.first?.mountPath == "/var/run/secrets/kubernetes.io/serviceaccount")
        #expect(created.status?.phase == .pending)
        #expect(created.status?.qosClass == "BestEffort")
    }

    @Test func serviceDefaults() throws {
        let client = APIServer(loop: EventLoop(seed: 1)).client()
        let created = try client.create(Service(metadata: ObjectMeta(name: "kubia"), spec: ServiceSpec(ports: [ServicePort(port: 80)], selector: ["app": "kubia"])))
        let spec = try #require(created.spec)
        #expect(spec.type == "ClusterIP")
        #expect(spec.sessionAffinity == "None")
        #expect(spec.ports?[0].protocol == "TCP")
        #expect(spec.ports?[0].targetPort == .int(80))
        #expect(spec.externalTrafficPolicy == nil)
        let clusterIP = try #require(spec.clusterIP)
        #expect(clusterIP.hasPrefix("10.") && clusterIP != "10.96.0.1")
        let nodePort = try client.create(Service(metadata: ObjectMeta(name: "np"), spec: ServiceSpec(ports: [ServicePort(port: 80)], type: "NodePort")))
        #expect(nodePort.spec?.externalTrafficPolicy == "Cluster")
        #expect((30000...32767).contains(nodePort.spec?.ports?[0].nodePort ?? 0))
    }

    @Test func replicationControllerTakesSelectorAndLabelsFromTemplate() throws {
        let client = APIServer(loop: EventLoop(seed: 1)).client()
        var controller = Fixtures.replicationController("kubia", replicas: 3)
        controller.spec?.selector = nil
        controller.spec?.replicas = nil
        let created = try client.create(controller)
        #expect(created.spec?.selector == ["app": "kubia"])
        #expect(created.labels == ["app": "kubia"])
        #expect(created.spec?.replicas == 1)
        #expect(created.metadata.generation == 1)
    }

    private func deployment(_ apiVersion: String) -> Deployment {
        Deployment(
            apiVersion: apiVersion, metadata: ObjectMeta(name: "kubia"),
            spec: DeploymentSpec(replicas: 3, template: PodTemplateSpec(metadata: ObjectMeta(labels: ["app": "kubia"]), spec: PodSpec(containers: [Fixtures.container()]))))
    }

    @Test(arguments: [
        ("extensions/v1beta1", IntOrString.int(1), nil as Int?, nil as Int?),
        ("apps/v1beta1", IntOrString.string("25%"), 2, 600),
    ])
    func deploymentDefaultsPerVersion(apiVersion: String, surge: IntOrString, history: Int?, deadline: Int?) throws {
        let client = APIServer(loop: EventLoop(seed: 1)).client()
        let created = try client.create(deployment(apiVersion))
        #expect(created.apiVersion == apiVersion)
        #expect(created.spec?.selector == LabelSelector(matchLabels: ["app": "kubia"]))
        #expect(created.spec?.strategy?.type == "RollingUpdate")
        #expect(created.spec?.strategy?.rollingUpdate?.maxSurge == surge)
        #expect(created.spec?.strategy?.rollingUpdate?.maxUnavailable == surge)
        #expect(created.spec?.revisionHistoryLimit .map(Int.init) == history)
        #expect(created.spec?.progressDeadlineSeconds .map(Int.init) == deadline)
    }

    @Test(arguments: ["apps/v1beta2", "apps/v1"])
    func newerDeploymentVersionsRequireASelector(apiVersion: String) throws {
        let client = APIServer(loop: EventLoop(seed: 1)).client()
        let error = #expect(throws: APIError.self) { try client.create(deployment(apiVersion)) }
        #expect(error?.causes.first?.description == "spec.selector: Required value")
        var withSelector = deployment(apiVersion)
        withSelector.spec?.selector = LabelSelector(matchLabels: ["app": "kubia"])
        let created = try client.create(withSelector)
        #expect(created.spec?.revisionHistoryLimit == 10)
        #expect(created.spec?.strategy?.rollingUpdate?.maxSurge == .string("25%"))
    }

    @Test func generatedNamesFollowTheSeed() throws {
        func names(seed: UInt64) throws -> [String] {
            let client = APIServer(loop: EventLoop(seed: seed)).client()
            return try (0..<5).map { _ in
                try client.create(Pod(metadata: ObjectMeta(generateName: "kubia-"), spec: PodSpec(containers: [Fixtures.container()]))).name
            }
        }
        let first = try names(seed: 7)
        #expect(try names(seed: 7) == first)
        #expect(try names(seed: 8) != first)
        for name in first {
            #expect(name.hasPrefix("kubia-") && name.count == 11)
            #expect(name.dropFirst(6).allSatisfy { "bcdfghjklmnpqrstvwxz2456789".contains($0) })
        }
    }

    @Test func uidsAreTimeBasedAndDistinct() throws {
        let client = APIServer(loop: EventLoop(seed: 3)).client()
        let a = try client.create(Fixtures.pod("a")).uid
        let b = try client.create(Fixtures.pod("b")).uid
        #expect(a != b)
        #expect(a.count == 36)
        #expect(Array(a)[14] == "1", "version 1 UUID")
    }
}
