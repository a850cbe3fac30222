@testable import Kubectl
import KubernetesAPI
import Simulation
import Testing

/// Every kind in `Kinds.all` is complete: columns whose cells kubectl fills, a schema for
/// `explain`, and a place in resource-name resolution.
@Suite struct KindDeclarationTests {
    /// One object of every kind the list names.
    static let samples: [any APIObject] = {
        let template = PodTemplateSpec(metadata: ObjectMeta(labels: ["a": "b"]), spec: PodSpec(containers: [Container(name: "c", image: "i")]))
        let meta = ObjectMeta(name: "x", namespace: "default")
        return [
            ComponentStatus(metadata: ObjectMeta(name: "x"), conditions: []),
            ConfigMap(metadata: meta, data: ["k": "v"]),
            Endpoints(metadata: meta, subsets: []),
            Event(metadata: meta, involvedObject: ObjectReference(kind: "Pod", namespace: "default", name: "p")),
            Namespace(metadata: ObjectMeta(name: "x")),
            Node(metadata: ObjectMeta(name: "x")),
            Pod(metadata: meta, spec: template.spec),
            ReplicationController(metadata: meta, spec: ReplicationControllerSpec(replicas: 1, selector: ["a": "b"], template: template)),
            Secret(metadata: meta, data: ["k": SecretBytes("v")], type: "Opaque"),
            Service(metadata: meta, spec: ServiceSpec(ports: [ServicePort(port: 80)])),
            DaemonSet(metadata: meta, spec: DaemonSetSpec(selector: LabelSelector(matchLabels: ["a": "b"]), template: template)),
            Deployment(metadata: meta, spec: DeploymentSpec(replicas: 1, selector: LabelSelector(matchLabels: ["a": "b"]), template: template)),
            Ingress(metadata: meta, spec: IngressSpec(backend: IngressBackend(serviceName: "s", servicePort: .int(80)))),
            ReplicaSet(metadata: meta, spec: ReplicaSetSpec(replicas: 1, selector: LabelSelector(matchLabels: ["a": "b"]), template: template)),
            Job(metadata: meta, spec: JobSpec(parallelism: 1, completions: 1, template: template)),
            CronJob(metadata: meta, spec: CronJobSpec(schedule: "* * * * *", jobTemplate: JobTemplateSpec(spec: JobSpec(template: template)))),
        ]
    }()

    @Test func everyKindHasASample() {
        let declared = Kinds.all.map { $0.resource.kind }
        let sampled = Self.samples.map { type(of: $0).resource.kind }
        #expect(declared == sampled)
    }

    /// A kind whose cells kubectl does not fill would print only NAME and AGE under its headers.
    @Test func tableCellsMatchTheDeclaredColumns() throws {
        for object in Self.samples {
            let type = try #require(ResourceTypes.type(of: object))
            for wide in [false, true] {
                let headers = TableColumns.headers(for: type, wide: wide)
                let cells = TableColumns.row(for: object, name: object.name, wide: wide, now: VirtualInstant.worldEpoch)
                #expect(!headers.isEmpty && Set(headers).count == headers.count, "\(type.kind)")
                #expect(cells.count == headers.count, "\(type.kind) wide=\(wide): \(headers) vs \(cells)")
            }
        }
    }

    @Test func everyKindHasASchemaAndResolves() {
        for kind in Kinds.all {
            #expect(APISchema.definition(forKind: kind.resource.kind) != nil, "\(kind.resource.kind)")
            for spelling in [kind.resource.name, kind.resource.singularName] + kind.resource.shortNames {
                #expect(ResourceTypes.resolve(spelling)?.kind == kind.resource.kind, "\(spelling)")
            }
        }
    }

    /// `kubectl expose` reads a kind marked exposable through `ExposableObject`.
    @Test func exposableKindsSayWhatTheyExpose() {
        for kind in Kinds.all {
            #expect(kind.capabilities.contains(.exposable) == (kind is any ExposableObject.Type), "\(kind.resource.kind)")
        }
    }

    /// `get all`, `scale` and the garbage collector read the declarations.
    @Test func capabilitiesDriveTheCommands() throws {
        #expect(Kinds.inAllCategory.map { $0.resource.kind } == ["DaemonSet", "Deployment", "ReplicaSet", "ReplicationController", "Pod", "Service", "Job", "CronJob"])
        let harness = try KubectlHarness()
        let result = harness.run("kubectl scale svc kubernetes --replicas=2")
        #expect(result.error == "error: no scaler has been implemented for {\"\" \"Service\"}\n")
    }
}
