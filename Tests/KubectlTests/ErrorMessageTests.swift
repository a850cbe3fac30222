@testable import Kubectl
import KubernetesAPI
import Testing

/// Each error kubectl 1.8 printed, word for word (plus the suggestion lines beyond the real tool).
@Suite struct ErrorMessageTests {
    @Test(arguments: [
        ("kubectl get pods kubia", "Error from server (NotFound): pods \"kubia\" not found\n"),
        ("kubectl get deploy kubia", "Error from server (NotFound): deployments.extensions \"kubia\" not found\n"),
        ("kubectl get foo", "error: the server doesn't have a resource type \"foo\"\n"),
        ("kubectl get podz", "error: the server doesn't have a resource type \"podz\"\nDid you mean \"pods\"?\n"),
        ("kubectl delete pod kubia", "Error from server (NotFound): pods \"kubia\" not found\n"),
        ("kubectl run kubia", "error: --image is required\nSee 'kubectl run -h' for help and examples.\n"),
        ("kubectl run --image=luksa/kubia", "error: NAME is required for run\nSee 'kubectl run -h' for help and examples.\n"),
        ("kubectl scale rc kubia", "error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\nSee 'kubectl scale -h' for help and examples.\n"),
        ("kubectl get pods -o yml", "error: output format \"yml\" not recognized\n"),
        ("kubectl gett pods", "Error: unknown command \"gett\" for \"kubectl\"\n\nDid you mean this?\n\tget\n\nRun 'kubectl --help' for usage.\n"),
        ("kubectl create -f missing.yaml", "error: the path \"missing.yaml\" does not exist\n"),
        ("kubectl delete pods", "error: resource(s) were provided, but no name, label selector, or --all flag specified\n"),
    ])
    func errorText(line: String, expected: String) throws {
        let harness = try KubectlHarness()
        let result = harness.run(line)
        #expect(result.error == expected)
        #expect(result.status == 1)
        #expect(result.output == "")
    }

    @Test func aFlagErrorPrintsTheCommandsUsage() throws {
        let harness = try KubectlHarness()
        let result = harness.run("kubectl get pods -x")
        let usage = try #require(Commands.named("get", in: harness.program.era)).usageText
        #expect(result.error == "Error: unknown shorthand flag: 'x' in -x\n" + usage + "\n")
        #expect(usage.hasPrefix("\n\nExamples:\n"))
        #expect(result.status == 1)
        #expect(result.output == "")
    }

    @Test func noKubeconfigMeansLocalhostRefused() throws {
        let harness = try KubectlHarness(writesKubeconfig: false)
        let result = harness.run("kubectl get pods")
        #expect(result.error == "The connection to the server localhost:8080 was refused - did you specify the right host or port?\n")
        #expect(result.status == 1)
    }

    @Test func aStoppedClusterTimesOut() throws {
        let harness = try KubectlHarness()
        harness.directory.remove(server: KubectlHarness.server)
        let result = harness.run("kubectl get nodes")
        #expect(result.error == "Unable to connect to the server: dial tcp 192.168.99.100:8443: i/o timeout\n")
    }

    @Test func alreadyExistsNamesTheFile() throws {
        let harness = try KubectlHarness()
        try harness.write("/root/kubia-manual.yaml", PodManifests.kubiaManual)
        #expect(harness.run("kubectl create -f kubia-manual.yaml").output == "pod \"kubia-manual\" created\n")
        let again = harness.run("kubectl create -f kubia-manual.yaml")
        #expect(again.error == "Error from server (AlreadyExists): error when creating \"kubia-manual.yaml\": pods \"kubia-manual\" already exists\n")
    }

    @Test func invalidObjectsNameTheField() throws {
        let harness = try KubectlHarness()
        try harness.write("/root/bad.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: bad
            spec:
              containers:
              - name: main

            """)
        let result = harness.run("kubectl create -f bad.yaml")
        #expect(result.error == "The Pod \"bad\" is invalid: spec.containers[0].image: Required value\n")
    }

    @Test func unknownFieldsAreValidationErrors() throws {
        let harness = try KubectlHarness()
        try harness.write("/root/typo.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: typo
            spec:
              containers:
              - name: main
                images: luksa/kubia

            """)
        let result = harness.run("kubectl create -f typo.yaml")
        #expect(result.error == "error: error validating \"typo.yaml\": error validating data: ValidationError(Pod.spec.containers[0]): unknown field \"images\" in io.k8s.api.core.v1.Container; if you choose to ignore these errors, turn validation off with --validate=false\n")
    }

    @Test func yamlSyntaxErrorsGiveTheLine() throws {
        let harness = try KubectlHarness()
        try harness.write("/root/broken.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   labels: y\n")
        let result = harness.run("kubectl create -f broken.yaml")
        #expect(result.error.hasPrefix("error: error parsing broken.yaml: error converting YAML to JSON: yaml: line "))
    }

    @Test func unknownKindsAreNotRecognized() throws {
        let harness = try KubectlHarness()
        try harness.write("/root/odd.yaml", "apiVersion: v1\nkind: Widget\nmetadata:\n  name: x\n")
        // 1.8 validates against the server's OpenAPI schema first; without validation the
        // RESTMapper fails, naming the kind without its version.
        #expect(harness.run("kubectl create -f odd.yaml").error == "error: error validating \"odd.yaml\": error validating data: unknown object type schema.GroupVersionKind{Group:\"\", Version:\"v1\", Kind:\"Widget\"}; if you choose to ignore these errors, turn validation off with --validate=false\n")
        #expect(harness.run("kubectl create -f odd.yaml --validate=false").error == "error: unable to recognize \"odd.yaml\": no matches for /, Kind=Widget\n")
        #expect(harness.run("kubectl delete -f odd.yaml").error == "error: unable to recognize \"odd.yaml\": no matches for /, Kind=Widget\n")
    }

    @Test func labelWithoutOverwriteRefusesToChangeAValue() throws {
        let harness = try KubectlHarness()
        try harness.write("/root/kubia-manual.yaml", PodManifests.kubiaManual)
        harness.run("kubectl create -f kubia-manual.yaml")
        #expect(harness.run("kubectl label po kubia-manual creation_method=manual").output == "pod \"kubia-manual\" labeled\n")
        let refused = harness.run("kubectl label po kubia-manual creation_method=auto")
        #expect(refused.error == "error: 'creation_method' already has a value (manual), and --overwrite is false\n")
        #expect(harness.run("kubectl label po kubia-manual creation_method=auto --overwrite").status == 0)
        #expect(try harness.client.get(Pod.self, namespace: "default", name: "kubia-manual").labels["creation_method"] == "auto")
        #expect(harness.run("kubectl label po kubia-manual creation_method-").status == 0)
        #expect(try harness.client.get(Pod.self, namespace: "default", name: "kubia-manual").labels["creation_method"] == nil)
    }

    @Test func modernNotesCanBeTurnedOff() throws {
        let harness = try KubectlHarness()
        harness.environment["KUBELAB_MODERN_NOTES"] = "off"
        let result = harness.run("kubectl run kubia --image=luksa/kubia --generator=run/v1")
        #expect(result.error == "")
    }
}

enum PodManifests {
    static let kubiaManual = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: kubia-manual
        spec:
          containers:
          - image: luksa/kubia
            name: kubia
            ports:
            - containerPort: 8080
              protocol: TCP

        """
}
