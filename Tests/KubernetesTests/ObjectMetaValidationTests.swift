@testable import ControlPlane
@testable import KubernetesAPI
import Simulation
import Testing

/// `ValidateObjectMeta` runs for every kind the server serves, before the kind's own checks.
struct ObjectMetaValidationTests {
    private func creationError<Object: APIObject>(_ object: Object) -> APIError? {
        let server = APIServer(loop: EventLoop(seed: 1))
        do {
            _ = try server.client().create(object)
            return nil
        } catch {
            return error
        }
    }

    static let badLabel = "metadata.labels: Invalid value: \"-x\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"

    /// One object of every served kind, each with a label key Kubernetes refuses.
    static func objects(labels: [String: String]) -> [any APIObject] {
        let meta = { (name: String) in ObjectMeta(name: name, namespace: "default", labels: labels) }
        var event = Event(metadata: meta("e"), involvedObject: ObjectReference(kind: "Pod", namespace: "default", name: "p"))
        event.reason = "Test"
        return [
            ComponentStatus(metadata: ObjectMeta(name: "c", labels: labels), conditions: []),
            ConfigMap(metadata: meta("cm"), data: ["k": "v"]),
            Endpoints(metadata: meta("ep"), subsets: []),
            event,
            Namespace(metadata: ObjectMeta(name: "ns", labels: labels)),
            Node(metadata: ObjectMeta(name: "n", labels: labels)),
            Pod(metadata: meta("p"), spec: PodSpec(containers: [Container(name: "c", image: "i")])),
            ReplicationController(metadata: meta("rc"), spec: ReplicationControllerSpec(
                replicas: 1, selector: ["a": "b"], template: PodTemplateSpec(metadata: ObjectMeta(labels: ["a": "b"]), spec: PodSpec(containers: [Container(name: "c", image: "i")])))),
            Secret(metadata: meta("sec"), data: ["k": SecretBytes("v")]),
            Ingress(metadata: meta("ing"), spec: IngressSpec(backend: IngressBackend(serviceName: "s", servicePort: .int(80)))),
            Service(metadata: meta("s"), spec: ServiceSpec(ports: [ServicePort(port: 80)])),
            Deployment(metadata: meta("d"), spec: DeploymentSpec(
                replicas: 1, selector: LabelSelector(matchLabels: ["a": "b"]), template: PodTemplateSpec(metadata: ObjectMeta(labels: ["a": "b"]), spec: PodSpec(containers: [Container(name: "c", image: "i")])))),
            ReplicaSet(metadata: meta("rs"), spec: ReplicaSetSpec(
                replicas: 1, selector: LabelSelector(matchLabels: ["a": "b"]), template: PodTemplateSpec(metadata: ObjectMeta(labels: ["a": "b"]), spec: PodSpec(containers: [Container(name: "c", image: "i")])))),
            DaemonSet(metadata: meta("ds"), spec: DaemonSetSpec(
                selector: LabelSelector(matchLabels: ["a": "b"]), template: PodTemplateSpec(metadata: ObjectMeta(labels: ["a": "b"]), spec: PodSpec(containers: [Container(name: "c", image: "i")])))),
            Job(metadata: meta("job"), spec: JobSpec(template: PodTemplateSpec(
                metadata: ObjectMeta(labels: ["a": "b"]), spec: PodSpec(containers: [Container(name: "c", image: "i")], restartPolicy: "Never")))),
            CronJob(metadata: meta("cj"), spec: CronJobSpec(schedule: "*/5 * * * *", jobTemplate: JobTemplateSpec(spec: JobSpec(template: PodTemplateSpec(
                spec: PodSpec(containers: [Container(name: "c", image: "i")], restartPolicy: "OnFailure")))))),
        ]
    }

    @Test func everyKindValidatesItsLabels() throws {
        let valid = Self.objects(labels: ["app": "x"])
        let invalid = Self.objects(labels: ["-x": "y"])
        let servedKinds = Set(APIServer.kinds.map { $0.resource.kind })
        let testedKinds = Set(valid.map { type(of: $0).resource.kind })
        #expect(testedKinds == servedKinds)
        // Component statuses are read-only: clients cannot create them.
        for object in valid where !(object is ComponentStatus) {
            #expect(creationError(object) == nil, "\(type(of: object).resource.kind)")
        }
        for object in invalid where !(object is ComponentStatus) {
            let error = creationError(object)
            #expect(error?.causes.first?.description == Self.badLabel, "\(type(of: object).resource.kind)")
        }
    }

    @Test func generateNameIsCheckedAsAPrefix() {
        var pod = Pod(metadata: ObjectMeta(generateName: "Kubia-", namespace: "default"), spec: PodSpec(containers: [Container(name: "c", image: "i")]))
        let error = creationError(pod)
        #expect(error?.causes.first?.field == "metadata.generateName")
        #expect(error?.causes.first?.description.hasPrefix("metadata.generateName: Invalid value: \"Kubia-\": a DNS-1123 subdomain must consist of lower case") == true)
        pod.metadata.generateName = "kubia-"
        #expect(creationError(pod) == nil)
    }

    @Test func namesFollowTheKindsRule() {
        let service = Service(metadata: ObjectMeta(name: "1web", namespace: "default"), spec: ServiceSpec(ports: [ServicePort(port: 80)]))
        #expect(creationError(service)?.causes.first?.description.hasPrefix("metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character") == true)
        let namespace = Namespace(metadata: ObjectMeta(name: "a.b"))
        #expect(creationError(namespace)?.causes.first?.description.hasPrefix("metadata.name: Invalid value: \"a.b\": a DNS-1123 label must consist of lower case alphanumeric characters or '-'") == true)
        let pod = Pod(metadata: ObjectMeta(name: "a.b", namespace: "default"), spec: PodSpec(containers: [Container(name: "c", image: "i")]))
        #expect(creationError(pod) == nil)
    }

    @Test func annotationsMayTakeAtMost256KiB() {
        var pod = Pod(metadata: ObjectMeta(name: "p", namespace: "default"), spec: PodSpec(containers: [Container(name: "c", image: "i")]))
        pod.metadata.annotations = ["a": String(repeating: "x", count: 256 * 1024)]
        #expect(creationError(pod)?.causes.map(\.description) == ["metadata.annotations: Too long: must have at most 262144 characters"])
        pod.metadata.annotations = ["a": String(repeating: "x", count: 256 * 1024 - 1)]
        #expect(creationError(pod) == nil)
    }

    static func deployment(surge: IntOrString?, unavailable: IntOrString?) -> Deployment {
        var deployment = Deployment(metadata: ObjectMeta(name: "d", namespace: "default"), spec: DeploymentSpec(
            replicas: 1, selector: LabelSelector(matchLabels: ["a": "b"]),
            template: PodTemplateSpec(metadata: ObjectMeta(labels: ["a": "b"]), spec: PodSpec(containers: [Container(name: "c", image: "i")]))))
        deployment.spec?.strategy = DeploymentStrategy(type: "RollingUpdate", rollingUpdate: RollingUpdateDeployment(maxUnavailable: unavailable, maxSurge: surge))
        return deployment
    }

    /// `ValidateRollingUpdateDeployment`, with 1.8's messages.
    @Test(arguments: [
        (IntOrString.int(0), IntOrString.int(0), ["spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}: may not be 0 when `maxSurge` is 0"]),
        (.int(-1), .int(1), ["spec.strategy.rollingUpdate.maxSurge: Invalid value: -1: must be greater than or equal to 0"]),
        (.int(1), .string("x"), ["spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"x\"}: must be an integer or percentage (e.g '5%')"]),
        (.int(1), .string("150%"), ["spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"150%\"}: must not be greater than 100%"]),
        (.string("25%"), .string("25%"), []),
        (.string("99999999999999999999%"), .int(0), ["spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}: may not be 0 when `maxSurge` is 0"]),
    ])
    func rollingUpdateBounds(surge: IntOrString, unavailable: IntOrString, expected: [String]) {
        let error = creationError(Self.deployment(surge: surge, unavailable: unavailable))
        #expect((error?.causes.map(\.description) ?? []) == expected)
    }

    @Test func countsAndPeriodsAreNonNegative() {
        var deployment = Self.deployment(surge: .int(1), unavailable: .int(1))
        deployment.spec?.minReadySeconds = -1
        deployment.spec?.revisionHistoryLimit = -2
        deployment.spec?.template?.spec?.containers[0].livenessProbe = Probe(tcpSocket: TCPSocketAction(port: .int(80)), initialDelaySeconds: -3)
        #expect(creationError(deployment)?.causes.map(\.description) == [
            "spec.template.spec.containers[0].livenessProbe.initialDelaySeconds: Invalid value: -3: must be greater than or equal to 0",
            "spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0",
            "spec.revisionHistoryLimit: Invalid value: -2: must be greater than or equal to 0",
        ])
        deployment = Self.deployment(surge: .int(1), unavailable: .int(1))
        deployment.spec?.minReadySeconds = 10
        deployment.spec?.progressDeadlineSeconds = 10
        #expect(creationError(deployment)?.causes.map(\.description) == [
            "spec.progressDeadlineSeconds: Invalid value: 10: must be greater than minReadySeconds",
        ])
    }

    /// Updates are checked like creations whatever else they leave alone; a status update that
    /// keeps the stored, already accepted metadata is not re-checked label by label.
    @Test(arguments: [
        (["-x": "y"], Self.badLabel),
        (["app": "x", "failure-domain.beta.kubernetes.io/zone": "europe-west1-b"], nil),
    ])
    func updatesCheckChangedMetadata(labels: [String: String], expected: String?) throws {
        let server = APIServer(loop: EventLoop(seed: 1))
        let client = server.client()
        var node = try client.create(Node(metadata: ObjectMeta(name: "n", labels: ["app": "x"])))
        node.metadata.labels = labels
        var failure: String?
        do { node = try client.update(node) } catch { failure = error.causes.first?.description }
        #expect(failure == expected)
        node = try client.get(Node.self, namespace: nil, name: "n")
        node.status = NodeStatus(conditions: [NodeCondition(type: NodeCondition.ready, status: .true)])
        let updated = try client.updateStatus(node)
        #expect(updated.status?.conditions?.first?.status == .true)
        #expect(updated.metadata.labels == (expected == nil ? labels : ["app": "x"]))
    }
}
