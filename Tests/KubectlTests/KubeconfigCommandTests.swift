import Testing

/// `kubectl config` as kubectl 1.8 has it (pkg/kubectl/cmd/config): the editing subcommands'
/// confirmations and errors, and `view` with `--minify`, `--raw` and the generic printers.
@Suite struct KubeconfigCommandTests {
    struct Step: Sendable, CustomStringConvertible {
        var command: String
        var output: String = ""
        var error: String = ""
        var status: Int32 = 0
        var description: String { command }
    }

    /// Each row is a session on a fresh workstation whose kubeconfig names the minikube context.
    @Test(arguments: [
        [Step(command: "kubectl config set-context minikube --namespace custom", output: "Context \"minikube\" modified.\n"),
         Step(command: "kubectl config view -o jsonpath={.contexts[0].context.namespace}", output: "custom"),
         Step(command: "kubectl config get-contexts",
              output: "CURRENT   NAME       CLUSTER    AUTHINFO   NAMESPACE\n*         minikube   minikube   minikube   custom\n")],
        [Step(command: "kubectl config set-context dev --cluster=minikube --user=minikube", output: "Context \"dev\" created.\n"),
         Step(command: "kubectl config use-context dev", output: "Switched to context \"dev\".\n"),
         Step(command: "kubectl config current-context", output: "dev\n"),
         Step(command: "kubectl config delete-context minikube", output: "deleted context minikube from /root/.kube/config\n"),
         Step(command: "kubectl config view -o jsonpath={.contexts[*].name}", output: "dev")],
        [Step(command: "kubectl config delete-context nope", error: "error: cannot delete context nope, not in /root/.kube/config\n", status: 1),
         Step(command: "kubectl config delete-cluster nope", error: "error: cannot delete cluster nope, not in /root/.kube/config\n", status: 1)],
        [Step(command: "kubectl config set-cluster gke --server=https://35.1.2.3", output: "Cluster \"gke\" set.\n"),
         Step(command: "kubectl config get-clusters", output: "NAME\ngke\nminikube\n"),
         Step(command: "kubectl config set-credentials e2e --username=admin --password=secret", output: "User \"e2e\" set.\n"),
         // The example of `kubectl config view --help`.
         Step(command: "kubectl config view -o jsonpath='{.users[?(@.name == \"e2e\")].user.password}'", output: "secret"),
         Step(command: "kubectl config view -o 'go-template={{index . \"current-context\"}}'", output: "minikube")],
        [Step(command: "kubectl config set-context", error: "error: Unexpected args: []\nSee 'kubectl config set-context -h' for help and examples.\n", status: 1),
         Step(command: "kubectl config set-credentials bob --token=t --username=u",
              error: "error: you cannot specify more than one authentication method at the same time: --token, --username/--password\n", status: 1)],
    ])
    func editsTheKubeconfig(_ session: [Step]) throws {
        let harness = try KubectlHarness()
        for step in session {
            let result = harness.run(step.command)
            #expect(result.output == step.output, "\(step.command)")
            #expect(result.error == step.error, "\(step.command)")
            #expect(result.status == step.status, "\(step.command)")
        }
    }

    @Test func setContextWithTheCurrentContextsNameChangesTheNamespaceKubectlUses() throws {
        let harness = try KubectlHarness()
        let current = harness.run("kubectl config current-context").output.trimmingCharacters(in: .newlines)
        #expect(harness.run(words: ["kubectl", "config", "set-context", current, "--namespace", "kube-system"]).output
            == "Context \"minikube\" modified.\n")
        #expect(harness.run("kubectl get pods").error == "No resources found.\n")
        #expect(harness.run("kubectl run kubia --image=luksa/kubia --restart=Never").output == "pod \"kubia\" created\n")
        #expect(harness.run("kubectl get pods -n kube-system -o name").output == "pods/kubia\n")
    }

    @Test func writesAFileKubectlCanReadBack() throws {
        let harness = try KubectlHarness(writesKubeconfig: false)
        #expect(harness.run("kubectl config set-cluster local --server=http://127.0.0.1:8080").output == "Cluster \"local\" set.\n")
        let file = try harness.machine.fileSystem.readFile("/root/.kube/config")
        #expect(String(decoding: file, as: UTF8.self) == """
            apiVersion: v1
            clusters:
            - cluster:
                server: http://127.0.0.1:8080
              name: local
            contexts: []
            current-context: ""
            kind: Config
            preferences: {}
            users: []

            """)
    }

    static let withData = """
        apiVersion: v1
        clusters:
        - cluster:
            certificate-authority-data: Q0EK
            server: https://192.168.99.100:8443
          name: minikube
        - cluster:
            server: https://35.1.2.3
          name: gke
        contexts:
        - context:
            cluster: minikube
            user: minikube
          name: minikube
        - context:
            cluster: gke
            user: gke
          name: gke
        current-context: minikube
        kind: Config
        preferences: {}
        users:
        - name: minikube
          user:
            client-certificate-data: Q0VSVAo=
            client-key-data: S0VZCg==
        - name: gke
          user:
            token: abc

        """

    @Test(arguments: [
        ("kubectl config view --minify", """
            apiVersion: v1
            clusters:
            - cluster:
                certificate-authority-data: DATA+OMITTED
                server: https://192.168.99.100:8443
              name: minikube
            contexts:
            - context:
                cluster: minikube
                user: minikube
              name: minikube
            current-context: minikube
            kind: Config
            preferences: {}
            users:
            - name: minikube
              user:
                client-certificate-data: REDACTED
                client-key-data: REDACTED

            """),
        ("kubectl config view --minify --raw -o jsonpath={.users[0].user.client-key-data}", "S0VZCg=="),
        ("kubectl config view -o jsonpath={.clusters[*].name}", "minikube gke"),
        ("kubectl config view -o jsonpath={.users[*].user.token}", "abc"),
    ])
    func viewMinifiesAndRedacts(_ example: (String, String)) throws {
        let harness = try KubectlHarness()
        try harness.write("/root/.kube/config", Self.withData)
        let result = harness.run(example.0)
        #expect(result.output == example.1)
        #expect(result.error == "")
    }

    @Test func minifyNeedsACurrentContext() throws {
        let harness = try KubectlHarness(writesKubeconfig: false)
        #expect(harness.run("kubectl config view --minify").error == "error: current-context must exist in order to minify\n")
    }
}
