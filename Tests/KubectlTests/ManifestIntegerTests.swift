@testable import Kubectl
import KubernetesAPI
import Testing

/// Extreme numbers in every numeric field of the book's kinds, through `kubectl create -f`: the
/// decode or validation error, or an object the cluster runs and deletes, never a crash.
@Suite struct ManifestIntegerTests {
    /// A manifest with one numeric field set to `N`; the others are sane.
    struct Case: CustomTestStringConvertible, Sendable {
        let field: String
        let manifest: String
        var testDescription: String { field }
    }

    static func workload(_ kind: String, _ apiVersion: String, selector: String, field: String) -> String {
        let values = [
            "replicas": "1", "minReadySeconds": "0", "revisionHistoryLimit": "2", "progressDeadlineSeconds": "600",
            "maxSurge": "1", "maxUnavailable": "1", "containerPort": "8080", "hostPort": "0", "initialDelaySeconds": "1",
            "timeoutSeconds": "1", "periodSeconds": "10", "successThreshold": "1", "failureThreshold": "3",
            "terminationGracePeriodSeconds": "30", "activeDeadlineSeconds": "600", "defaultMode": "420",
        ].mapValues { field == "" ? $0 : $0 }
        func value(_ name: String) -> String { name == field ? "N" : values[name] ?? "1" }
        let strategy = kind == "Deployment" ? """
              strategy:
                rollingUpdate:
                  maxSurge: \(value("maxSurge"))
                  maxUnavailable: \(value("maxUnavailable"))
              revisionHistoryLimit: \(value("revisionHistoryLimit"))
              progressDeadlineSeconds: \(value("progressDeadlineSeconds"))

            """ : ""
        return """
            apiVersion: \(apiVersion)
            kind: \(kind)
            metadata:
              name: fuzz
            spec:
              replicas: \(value("replicas"))
              minReadySeconds: \(value("minReadySeconds"))
            \(strategy)  selector:
            \(selector)
              template:
                metadata:
                  labels:
                    app: fuzz
                spec:
                  terminationGracePeriodSeconds: \(value("terminationGracePeriodSeconds"))
                  activeDeadlineSeconds: \(value("activeDeadlineSeconds"))
                  containers:
                  - name: main
                    image: luksa/kubia
                    ports:
                    - containerPort: \(value("containerPort"))
                      hostPort: \(value("hostPort"))
                    livenessProbe:
                      httpGet:
                        path: /
                        port: 8080
                      initialDelaySeconds: \(value("initialDelaySeconds"))
                      timeoutSeconds: \(value("timeoutSeconds"))
                      periodSeconds: \(value("periodSeconds"))
                      failureThreshold: \(value("failureThreshold"))
                    readinessProbe:
                      tcpSocket:
                        port: 8080
                      successThreshold: \(value("successThreshold"))
                  volumes:
                  - name: secret
                    secret:
                      secretName: x
                      defaultMode: \(value("defaultMode"))

            """
    }

    static let workloadFields = [
        "replicas", "minReadySeconds", "containerPort", "hostPort", "initialDelaySeconds", "timeoutSeconds", "periodSeconds",
        "successThreshold", "failureThreshold", "terminationGracePeriodSeconds", "activeDeadlineSeconds", "defaultMode",
    ]

    static var cases: [Case] {
        var cases: [Case] = []
        for field in workloadFields {
            cases.append(Case(field: "rc " + field, manifest: workload("ReplicationController", "v1", selector: "    app: fuzz", field: field)))
            cases.append(Case(field: "rs " + field, manifest: workload("ReplicaSet", "apps/v1beta2", selector: "    matchLabels:\n      app: fuzz", field: field)))
        }
        for field in workloadFields + ["revisionHistoryLimit", "progressDeadlineSeconds", "maxSurge", "maxUnavailable"] {
            cases.append(Case(field: "deploy " + field, manifest: workload("Deployment", "extensions/v1beta1", selector: "    matchLabels:\n      app: fuzz", field: field)))
        }
        for field in ["port", "targetPort", "nodePort"] {
            let values = ["port": "80", "targetPort": "8080", "nodePort": "30123"]
            func value(_ name: String) -> String { name == field ? "N" : values[name] ?? "1" }
            cases.append(Case(field: "svc " + field, manifest: """
                apiVersion: v1
                kind: Service
                metadata:
                  name: fuzz
                spec:
                  type: NodePort
                  selector:
                    app: fuzz
                  ports:
                  - port: \(value("port"))
                    targetPort: \(value("targetPort"))
                    nodePort: \(value("nodePort"))

                """))
        }
        cases += controllerCases
        cases.append(Case(field: "pod metadata.generation", manifest: """
            apiVersion: v1
            kind: Pod
            metadata:
              name: fuzz
              generation: N
            spec:
              containers:
              - name: main
                image: luksa/kubia

            """))
        return cases
    }

    @Test(arguments: cases)
    func extremeNumbersGetAnAnswer(testCase: Case) throws {
        // The same manifest with a sane number is created: the errors below come from the number.
        let sane = try KubectlHarness()
        let saneValue = testCase.field.hasSuffix("nodePort") ? "30123" : testCase.field.hasSuffix("Port") || testCase.field.hasSuffix("port") ? "8080" : "5"
        let control = sane.run("kubectl create -f -", stdin: testCase.manifest.replacingOccurrences(of: ": N\n", with: ": \(saneValue)\n"))
        #expect(control.status == 0, "\(testCase.field): \(control.error)")
        for value in GoIntegerTests.extremes + ["\"80\"", "-2147483649"] {
            let harness = try KubectlHarness()
            let manifest = testCase.manifest.replacingOccurrences(of: ": N\n", with: ": \(value)\n")
            let created = harness.run("kubectl create -f -", stdin: manifest)
            #expect(created.status == 0 || created.status == 1, "\(testCase.field)=\(value)")
            if created.status != 0 {
                #expect(!created.error.isEmpty, "\(testCase.field)=\(value)")
                continue
            }
            harness.advance(.seconds(120))
            #expect(harness.run("kubectl get all").status == 0, "\(testCase.field)=\(value)")
            harness.run("kubectl delete all --all")
            harness.advance(.seconds(120))
        }
    }

    /// The decode error of a number past int32 and the server's error for a negative count.
    @Test func replicaCountsOutsideInt32AreDecodeErrors() throws {
        let harness = try KubectlHarness()
        let manifest = Self.workload("ReplicationController", "v1", selector: "    app: fuzz", field: "replicas")
        let huge = harness.run("kubectl create -f -", stdin: manifest.replacingOccurrences(of: ": N\n", with: ": 2147483648\n"))
        #expect(huge.error == "error: unable to decode \"STDIN\": spec.replicas: cannot unmarshal number 2147483648 into Go value of type int32\n")
        let negative = harness.run("kubectl create -f -", stdin: manifest.replacingOccurrences(of: ": N\n", with: ": -1\n"))
        #expect(negative.error == "The ReplicationController \"fuzz\" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n")
    }
}
