import Testing
@testable import StructuredData

private struct ContainerPort: Codable, Equatable {
    var name: String?
    var containerPort: Int32
    var `protocol`: String?
}

private struct Container: Codable, Equatable {
    var name: String
    var image: String
    var imagePullPolicy: String?
    var ports: [ContainerPort]?
}

private struct PodSpec: Codable, Equatable {
    var containers: [Container]
    var nodeName: String?
}

private struct ObjectMeta: Codable, Equatable {
    var name: String?
    var labels: [String: String]?
}

private struct Pod: Codable, Equatable {
    var apiVersion: String
    var kind: String
    var metadata: ObjectMeta
    var spec: PodSpec
    var extra: JSONValue?
}

@Suite("Codable bridge")
struct CodableBridgeTests {
    private let pod = Pod(
        apiVersion: "v1", kind: "Pod",
        metadata: ObjectMeta(name: "kubia", labels: ["rel": "beta", "app": "kubia", "Zone": "a"]),
        spec: PodSpec(containers: [Container(name: "kubia", image: "luksa/kubia", imagePullPolicy: nil,
                                             ports: [ContainerPort(name: nil, containerPort: 8080, protocol: "TCP")])],
                      nodeName: nil),
        extra: nil)

    @Test func encodesInDeclarationOrderOmittingNilAndSortingMaps() throws {
        let value = try JSONValueEncoder().encode(pod)
        #expect(value.jsonText() == #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"kubia","labels":{"Zone":"a","app":"kubia","rel":"beta"}},"spec":{"containers":[{"name":"kubia","image":"luksa/kubia","ports":[{"containerPort":8080,"protocol":"TCP"}]}]}}"#)
    }

    @Test func roundTripsThroughJSONValue() throws {
        var withExtra = pod
        withExtra.extra = ["anything": [1, "two", nil], "nested": ["deep": true]]
        let value = try JSONValueEncoder().encode(withExtra)
        #expect(try JSONValueDecoder(rejectsUnknownFields: true).decode(Pod.self, from: value) == withExtra)
        #expect(try JSONValueEncoder().encode(withExtra.extra) == withExtra.extra ?? nil)
    }

    @Test func strictModeReportsUnknownFieldsWithPaths() throws {
        let manifest = try JSONValue.parseYAML("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: kubia
              lables:
                app: kubia
            spec:
              containers:
              - name: kubia
                image: luksa/kubia
                imagePullPolicyy: Always
                ports:
                - containerPort: 8080
                  protocol: TCP
            """)
        #expect(throws: UnknownFieldsError.self) { try JSONValueDecoder(rejectsUnknownFields: true).decode(Pod.self, from: manifest) }
        do {
            _ = try JSONValueDecoder(rejectsUnknownFields: true).decode(Pod.self, from: manifest)
        } catch let error as UnknownFieldsError {
            #expect(error.fields == [
                UnknownField(parentPath: "metadata", name: "lables"),
                UnknownField(parentPath: "spec.containers[0]", name: "imagePullPolicyy"),
            ])
            #expect(error.fields.last?.path == "spec.containers[0].imagePullPolicyy")
        }
        // Lenient mode ignores them, as the API server did.
        let decoded = try JSONValueDecoder().decode(Pod.self, from: manifest)
        #expect(decoded.spec.containers[0].ports?[0].containerPort == 8080)
        #expect(decoded.metadata.labels == nil)
    }

    private func decodingError(_ yaml: String) throws -> DecodingError? {
        let value = try JSONValue.parseYAML(yaml)
        do {
            _ = try JSONValueDecoder(rejectsUnknownFields: true).decode(Pod.self, from: value)
            return nil
        } catch let error as DecodingError {
            return error
        }
    }

    private static let base = "apiVersion: v1\nkind: Pod\nmetadata: {}\nspec:\n  containers:\n  - name: kubia\n"

    @Test func typeMismatchesNameTheField() throws {
        let stringPort = try decodingError(Self.base + "    image: x\n    ports:\n    - containerPort: \"8080\"\n")
        #expect(stringPort?.fieldPath == "spec.containers[0].ports[0].containerPort")
        guard case .typeMismatch = stringPort else {
            Issue.record("expected a type mismatch, got \(String(describing: stringPort))")
            return
        }
        let fractional = try decodingError(Self.base + "    image: x\n    ports:\n    - containerPort: 80.5\n")
        #expect(fractional?.fieldPath == "spec.containers[0].ports[0].containerPort")
        let overflow = try decodingError(Self.base + "    image: x\n    ports:\n    - containerPort: 4294967296\n")
        #expect(overflow?.fieldPath == "spec.containers[0].ports[0].containerPort")
        let numberImage = try decodingError(Self.base + "    image: 5\n")
        #expect(numberImage?.fieldPath == "spec.containers[0].image")
        let notAList = try decodingError("apiVersion: v1\nkind: Pod\nmetadata: {}\nspec:\n  containers: kubia\n")
        #expect(notAList?.fieldPath == "spec.containers")
    }

    @Test func missingRequiredFieldNamesThePath() throws {
        let missing = try decodingError(Self.base)
        #expect(missing?.fieldPath == "spec.containers[0].image")
    }

    @Test func arraysOfArraysAndTopLevelValues() throws {
        let nested: [[Int]] = [[1, 2], [], [3]]
        let value = try JSONValueEncoder().encode(nested)
        #expect(value == [[1, 2], [], [3]])
        #expect(try JSONValueDecoder().decode([[Int]].self, from: value) == nested)
        #expect(try JSONValueEncoder().encode("x") == "x")
        #expect(try JSONValueDecoder().decode(Double.self, from: 3) == 3.0)
        #expect(throws: DecodingError.self) { try JSONValueDecoder().decode(Int.self, from: "3") }
    }
}
