@testable import Kubectl
import KubernetesAPI
import Testing

/// kubectl 1.8's Go-template printer (pkg/printers/template.go: `template.New("output")` with
/// `exists`, objects decoded into `map[string]interface{}` so numbers are float64),
/// `--allow-missing-template-keys`, `get -f`, and the generators' `--dry-run`.
@Suite struct TemplatePrinterAndDryRunTests {
    func harnessWithPod() throws -> KubectlHarness {
        let harness = try KubectlHarness()
        try harness.write("/root/kubia-manual.yaml", PodManifests.kubiaManual)
        harness.run("kubectl create -f kubia-manual.yaml")
        harness.settle { (try? harness.client.get(Pod.self, namespace: "default", name: "kubia-manual"))?.status?.phase == .running }
        return harness
    }

    @Test(arguments: [
        // The example of `kubectl get --help`.
        ("kubectl get -o template pod/kubia-manual --template={{.status.phase}}", "Running", ""),
        ("kubectl get pods -o go-template='{{range .items}}{{.metadata.name}}{{\"\\n\"}}{{end}}'", "kubia-manual\n", ""),
        ("kubectl get pod kubia-manual -o go-template={{.spec.containers}}",
         "[map[image:luksa/kubia imagePullPolicy:Always name:kubia ports:[map[containerPort:8080 protocol:TCP]] resources:map[] terminationMessagePath:/dev/termination-log terminationMessagePolicy:File volumeMounts:[map[mountPath:/var/run/secrets/kubernetes.io/serviceaccount name:default-token-xxxxx readOnly:true]]]]", ""),
        ("kubectl get pod kubia-manual -o go-template='{{exists . \"metadata\" \"name\"}} {{exists . \"spec\" \"nope\"}}'", "true false", ""),
        ("kubectl get pod kubia-manual -o go-template={{.metadata.nope}}", "<no value>", ""),
        ("kubectl get pod kubia-manual -o jsonpath={.metadata.nope}", "", ""),
        ("kubectl get pod kubia-manual -o go-template={{.metadata.name", "",
         "error: error parsing template {{.metadata.name, template: output:1: unclosed action\n"),
        ("kubectl get pod kubia-manual -o 'go-template={{json .}}'", "",
         "error: error parsing template {{json .}}, template: output:1: function \"json\" not defined\n"),
        ("kubectl get pod kubia-manual -o go-template=", "", "error: template format specified but no template given\n"),
    ])
    func printsGoTemplates(_ example: (String, String, String)) throws {
        let harness = try harnessWithPod()
        let result = harness.run(example.0)
        if example.0.contains("{{.spec.containers}}") {
            // The token name is random; the shape is what matters.
            #expect(result.output.hasPrefix("[map[image:luksa/kubia imagePullPolicy:Always name:kubia ports:[map[containerPort:8080 protocol:TCP]] resources:map[]"))
        } else {
            #expect(result.output == example.1)
        }
        #expect(result.error == example.2)
    }

    @Test func numbersAreFloatsAsInDecodedJSON() throws {
        let harness = try harnessWithPod()
        let containerPort = "{{(index (index .spec.containers 0).ports 0).containerPort}}"
        #expect(harness.run(words: ["kubectl", "get", "pod", "kubia-manual", "-o", "go-template=" + containerPort]).output == "8080")
        // A float64 field and an int constant are different kinds to Go's eq.
        let comparison = harness.run(words: ["kubectl", "get", "pod", "kubia-manual", "-o",
                                             "go-template={{eq (index (index .spec.containers 0).ports 0).containerPort 8080}}"])
        #expect(comparison.status == 1)
        #expect(comparison.error.hasSuffix("error calling eq: incompatible types for comparison\n"))
    }

    @Test func missingKeysFailWhenNotAllowed() throws {
        let harness = try harnessWithPod()
        let template = harness.run("kubectl get pod kubia-manual -o go-template={{.metadata.nope}} --allow-missing-template-keys=false")
        #expect(template.status == 1)
        #expect(template.output.hasPrefix("Error executing template: template: output:1:11: executing \"output\" at <.metadata.nope>: map has no entry for key \"nope\". Printing more information for debugging the template:\n\ttemplate was:\n\t\t{{.metadata.nope}}\n\traw data was:\n\t\t{\"apiVersion\":\"v1\",\"kind\":\"Pod\","))
        #expect(template.error == "error: error executing template \"{{.metadata.nope}}\": template: output:1:11: executing \"output\" at <.metadata.nope>: map has no entry for key \"nope\"\n")
        let jsonPath = harness.run("kubectl get pod kubia-manual -o jsonpath={.metadata.nope} --allow-missing-template-keys=false")
        #expect(jsonPath.status == 1)
        #expect(jsonPath.error == "error: error executing jsonpath \"{.metadata.nope}\": nope is not found\n")
    }

    @Test func getAndDescribeTakeTheObjectsOfAManifest() throws {
        let harness = try harnessWithPod()
        #expect(harness.run("kubectl get -f kubia-manual.yaml -o name").output == "pods/kubia-manual\n")
        #expect(harness.run("kubectl get -f kubia-manual.yaml").output.hasPrefix("NAME           READY     STATUS    RESTARTS   AGE\nkubia-manual   1/1       Running   0          "))
        #expect(harness.run("kubectl describe -f kubia-manual.yaml").output.hasPrefix("Name:         kubia-manual\n"))
        harness.run("kubectl delete -f kubia-manual.yaml")
        harness.settle { (try? harness.client.get(Pod.self, namespace: "default", name: "kubia-manual")) == nil }
        let gone = harness.run("kubectl get -f kubia-manual.yaml")
        #expect(gone.error == "Error from server (NotFound): pods \"kubia-manual\" not found\n")
        #expect(gone.status == 1)
    }

    @Test(arguments: [
        ("kubectl run kubia --image=luksa/kubia --port=8080 --dry-run -o yaml", """
            apiVersion: apps/v1beta1
            kind: Deployment
            metadata:
              creationTimestamp: null
              labels:
                run: kubia
              name: kubia
            spec:
              replicas: 1
              selector:
                matchLabels:
                  run: kubia
              strategy: {}
              template:
                metadata:
                  creationTimestamp: null
                  labels:
                    run: kubia
                spec:
                  containers:
                  - image: luksa/kubia
                    name: kubia
                    ports:
                    - containerPort: 8080
                    resources: {}
            status: {}

            """),
        ("kubectl run kubia --image=luksa/kubia --restart=Never --dry-run -o yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              creationTimestamp: null
              labels:
                run: kubia
              name: kubia
            spec:
              containers:
              - image: luksa/kubia
                name: kubia
                resources: {}
              dnsPolicy: ClusterFirst
              restartPolicy: Never
            status: {}

            """),
        ("kubectl run kubia --image=luksa/kubia --generator=run/v1 --dry-run -o yaml", """
            apiVersion: v1
            kind: ReplicationController
            metadata:
              creationTimestamp: null
              labels:
                run: kubia
              name: kubia
            spec:
              replicas: 1
              selector:
                run: kubia
              template:
                metadata:
                  creationTimestamp: null
                  labels:
                    run: kubia
                spec:
                  containers:
                  - image: luksa/kubia
                    name: kubia
                    resources: {}
            status:
              replicas: 0

            """),
        ("kubectl create namespace custom --dry-run -o yaml", """
            apiVersion: v1
            kind: Namespace
            metadata:
              creationTimestamp: null
              name: custom
            spec: {}
            status: {}

            """),
        ("kubectl run kubia --image=luksa/kubia --dry-run", "deployment \"kubia\" created (dry run)\n"),
        ("kubectl create -f kubia-manual.yaml --dry-run", "pod \"kubia-manual\" created (dry run)\n"),
    ])
    func dryRunPrintsWithoutCreating(_ example: (String, String)) throws {
        let harness = try KubectlHarness()
        try harness.write("/root/kubia-manual.yaml", PodManifests.kubiaManual)
        let result = harness.run(example.0)
        #expect(result.output == example.1)
        #expect(try harness.client.list(Pod.self, namespace: "default").items.isEmpty)
        #expect(try harness.client.list(Deployment.self, namespace: "default").items.isEmpty)
        #expect(try harness.client.list(ReplicationController.self, namespace: "default").items.isEmpty)
        #expect(try harness.client.list(Namespace.self, namespace: nil).items.allSatisfy { $0.name != "custom" })
    }
}
