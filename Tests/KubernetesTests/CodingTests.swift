@testable import ControlPlane
import Foundation
@testable import KubernetesAPI
import Simulation
import StructuredData
import Testing

struct CodingTests {
    @Test func bookReplicationControllerDecodesAndDefaults() throws {
        let manifest = """
        {"apiVersion": "v1", "kind": "ReplicationController", "metadata": {"name": "kubia"},
         "spec": {"replicas": 3, "selector": {"app": "kubia"},
                  "template": {"metadata": {"labels": {"app": "kubia"}},
                               "spec": {"containers": [{"name": "kubia", "image": "luksa/kubia",
                                                        "ports": [{"containerPort": 8080}],
                                                        "resources": {"requests": {"cpu": "100m", "memory": 128974848}},
                                                        "readinessProbe": {"exec": {"command": ["ls", "/var/ready"]}}}]}}}}
        """
        let controller = try JSONDecoder().decode(ReplicationController.self, from: Data(manifest.utf8))
        let client = APIServer(loop: EventLoop(seed: 1)).client()
        let created = try client.create(controller)
        let container = try #require(created.spec?.template?.spec?.containers.first)
        #expect(container.resources?.requests?["cpu"]?.description == "100m")
        #expect(container.resources?.requests?["memory"]?.description == "128974848")
        #expect(container.readinessProbe?.periodSeconds == 10)
        let json = String(decoding: try JSONEncoder().encode(created), as: UTF8.self)
        #expect(json.contains("\"creationTimestamp\":null"), "a template's zero time prints as null")
        #expect(json.contains("\"creationTimestamp\":\"2018-03-06T09:00:00Z\""))
        #expect(!json.contains("\"generateName\""))
    }

    @Test func servicePortsTakeNumbersOrNames() throws {
        let manifest = """
        {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "kubia"},
         "spec": {"ports": [{"name": "http", "port": 80, "targetPort": "http"}, {"name": "https", "port": 443, "targetPort": 8443}],
                  "selector": {"app": "kubia"}}}
        """
        let service = try JSONDecoder().decode(Service.self, from: Data(manifest.utf8))
        #expect(service.spec?.ports?.map(\.targetPort) == [.string("http"), .int(8443)])
        let encoded = String(decoding: try JSONEncoder().encode(service.spec?.ports?[0].targetPort), as: UTF8.self)
        #expect(encoded == "\"http\"")
    }

    @Test func sameSeedSameCluster() throws {
        func run() throws -> [String] {
            let (loop, plane, _) = try Fixtures.cluster(seed: 99, nodes: 2)
            let client = plane.client()
            _ = try client.create(Fixtures.replicationController("kubia", replicas: 4))
            _ = try client.create(Service(metadata: ObjectMeta(name: "kubia"), spec: ServiceSpec(ports: [ServicePort(port: 80)], selector: ["app": "kubia"], type: "NodePort")))
            loop.settle { Fixtures.pods(client).filter(\.isReady).count == 4 }
            let pods = Fixtures.pods(client).map { "\($0.name) \($0.uid) \($0.spec?.nodeName ?? "")" }
            let service = try client.get(Service.self, namespace: "default", name: "kubia")
            let events = try client.list(Event.self, namespace: "default").items.map { "\($0.name) \($0.message ?? "")" }
            return pods + ["\(service.spec?.clusterIP ?? "") \(service.spec?.ports?[0].nodePort ?? 0)"] + events
        }
        #expect(try run() == run())
    }
}

struct StructuredCodingTests {
    @Test func objectsEncodeInGoStructOrder() throws {
        let client = APIServer(loop: EventLoop(seed: 1)).client()
        _ = try client.create(Fixtures.replicationController("kubia", replicas: 1))
        let controller = try client.get(ReplicationController.self, namespace: "default", name: "kubia")
        let json = try JSONValueEncoder().encode(controller)
        #expect(json.objectValue?.keys == ["apiVersion", "kind", "metadata", "spec", "status"])
        #expect(json["metadata"]?.objectValue?.keys == ["name", "namespace", "selfLink", "uid", "resourceVersion", "generation", "creationTimestamp", "labels"])
        #expect(json["spec"]?["template"]?["metadata"]?["creationTimestamp"] == .null)
        #expect(json["status"]?.objectValue?.keys == ["replicas"])
        let decoded = try JSONValueDecoder().decode(ReplicationController.self, from: json)
        #expect(decoded == controller)
    }

    @Test func strictDecodingRejectsTheBooksMisspelledField() throws {
        let manifest: JSONValue = [
            "apiVersion": "v1", "kind": "Service", "metadata": ["name": "kubia"],
            "spec": ["publishNotReadyEndpoints": true, "ports": [["port": 80]]],
        ]
        #expect(throws: (any Error).self) { try JSONValueDecoder(rejectsUnknownFields: true).decode(Service.self, from: manifest) }
        var lenient = manifest
        if case .object(var object) = lenient, case .object(var spec)? = object["spec"] {
            spec["publishNotReadyEndpoints"] = nil
            object["spec"] = .object(spec)
            lenient = .object(object)
        }
        #expect(try JSONValueDecoder(rejectsUnknownFields: true).decode(Service.self, from: lenient).spec?.ports?.first?.port == 80)
    }
}
