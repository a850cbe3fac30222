import ControlPlane
@testable import Kubectl
import KubernetesAPI
import StructuredData
import Testing

/// `-o` formats, mixed listings, labels columns, watch, and round trips of printed objects.
@Suite struct OutputFormatTests {
    func harnessWithPod() throws -> KubectlHarness {
        let harness = try KubectlHarness()
        try harness.write("/root/kubia-manual.yaml", PodManifests.kubiaManual)
        harness.run("kubectl create -f kubia-manual.yaml")
        harness.settle { (try? harness.client.get(Pod.self, namespace: "default", name: "kubia-manual"))?.status?.phase == .running }
        return harness
    }

    @Test func nameOutputUsesThePluralResource() throws {
        let harness = try harnessWithPod()
        #expect(harness.run("kubectl get pods -o name").output == "pods/kubia-manual\n")
    }

    @Test func jsonPathPrintsWithoutNewline() throws {
        let harness = try harnessWithPod()
        #expect(harness.run("kubectl get pod kubia-manual -o jsonpath={.status.podIP}").output == "172.17.0.4")
        #expect(harness.run("kubectl get pods -o jsonpath={.items[*].metadata.name}").output == "kubia-manual")
    }

    @Test func customColumns() throws {
        let harness = try harnessWithPod()
        #expect(harness.run("kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image").output == """
            NAME           IMAGE
            kubia-manual   luksa/kubia

            """)
    }

    @Test func jsonIsIndentedByFourSpacesInFieldOrder() throws {
        let harness = try harnessWithPod()
        let output = harness.run("kubectl get pod kubia-manual -o json").output
        #expect(output.hasPrefix("{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"name\": \"kubia-manual\","))
    }

    @Test func listsAreWrappedInAList() throws {
        let harness = try harnessWithPod()
        let output = harness.run("kubectl get pods -o yaml").output
        #expect(output.hasPrefix("apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n"))
        #expect(output.hasSuffix("kind: List\nmetadata:\n  resourceVersion: \"\"\n  selfLink: \"\"\n"))
    }

    @Test func showLabelsAndLabelColumns() throws {
        let harness = try harnessWithPod()
        harness.run("kubectl label pod kubia-manual env=prod")
        #expect(harness.run("kubectl get po --show-labels").output == """
            NAME           READY     STATUS    RESTARTS   AGE       LABELS
            kubia-manual   1/1       Running   0          1s        env=prod

            """)
        #expect(harness.run("kubectl get po -L env,creation_method").output == """
            NAME           READY     STATUS    RESTARTS   AGE       ENV       CREATION_METHOD
            kubia-manual   1/1       Running   0          1s        prod      

            """)
        #expect(harness.run("kubectl get po -l env=dev").error == "No resources found.\n")
    }

    @Test func getAllPrefixesNamesByType() throws {
        let harness = try KubectlHarness()
        harness.run("kubectl run kubia --image=luksa/kubia --port=8080 --generator=run/v1")
        harness.settle { (try? harness.client.list(Pod.self, namespace: "default").items.first?.status?.phase) == .running }
        let pod = try #require(try harness.client.list(Pod.self, namespace: "default").items.first)
        let output = harness.run("kubectl get all").output
        #expect(output.contains("rc/kubia   1         1         1         1s\n\nNAME"))
        #expect(output.contains("po/\(pod.name)   1/1       Running   0          1s\n"))
        #expect(output.contains("svc/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   1s\n"))
    }

    @Test func namespacesAndAllNamespaces() throws {
        let harness = try harnessWithPod()
        #expect(harness.run("kubectl create namespace custom-namespace").output == "namespace \"custom-namespace\" created\n")
        #expect(harness.run("kubectl get pods -n custom-namespace").error == "No resources found.\n")
        let all = harness.run("kubectl get po --all-namespaces").output
        #expect(all.hasPrefix("NAMESPACE   NAME           READY"))
    }

    @Test func watchPrintsChangesUntilInterrupted() throws {
        let harness = try KubectlHarness()
        harness.loop.schedule(after: .seconds(2)) {
            _ = try? harness.client.create(Pod(metadata: ObjectMeta(name: "late", namespace: "default"), spec: PodSpec(containers: [Container(name: "c", image: "busybox")])))
        }
        let result = harness.run(words: ["kubectl", "get", "pods", "-w"], interruptAfter: .seconds(10))
        let lines = result.output.split(separator: "\n")
        #expect(lines.first == "NAME      READY     STATUS    RESTARTS   AGE")
        #expect(lines.filter { $0 == "late      0/1       Pending   0          0s" }.count == 2, "created, then bound")
        #expect(lines.last?.hasPrefix("late      1/1       Running") == true)
    }

    /// What `get -o yaml` prints goes back through apply and replace; after a delete, create
    /// refuses it for its resourceVersion as a real server does, and `--export` is what creates.
    @Test(arguments: [("pod", "kubia-manual"), ("rc", "kubia"), ("deploy", "web"), ("svc", "kubia-http"), ("ns", "other")])
    func printedYAMLRoundTrips(type: String, name: String) throws {
        let harness = try harnessWithPod()
        harness.run("kubectl run kubia --image=luksa/kubia --port=8080 --generator=run/v1")
        harness.run("kubectl run web --image=nginx")
        harness.run("kubectl expose rc kubia --name kubia-http --type=NodePort")
        harness.run("kubectl create namespace other")
        harness.settle { (try? harness.client.list(ReplicaSet.self, namespace: "default").items.count) == 1 }
        try harness.write("/root/\(name).yaml", harness.run("kubectl get \(type) \(name) -o yaml").output)
        let replaced = harness.run("kubectl replace -f \(name).yaml")
        #expect(replaced.status == 0, "\(type) \(name): \(replaced.error)")
        try harness.write("/root/\(name).yaml", harness.run("kubectl get \(type) \(name) -o yaml").output)
        let applied = harness.run("kubectl apply -f \(name).yaml")
        #expect(applied.status == 0, "\(type) \(name): \(applied.error)")
        try harness.write("/root/\(name)-export.yaml", harness.run("kubectl get \(type) \(name) -o yaml --export").output)
        // Deleting with a zero grace period removes pods at once.
        harness.run("kubectl delete \(type) \(name) --grace-period=0 --force")
        harness.settle { harness.run("kubectl get \(type) \(name)").status == 1 }
        let refused = harness.run("kubectl create -f \(name).yaml")
        #expect(refused.status == 1)
        #expect(refused.error == "Error from server: error when creating \"\(name).yaml\": resourceVersion should not be set on objects to be created\n")
        let created = harness.run("kubectl create -f \(name)-export.yaml")
        #expect(created.status == 0, "\(type) \(name): \(created.error)")
    }

    /// The kinds the book does not create by hand take their printed YAML back too; create
    /// refuses its resourceVersion even while the object exists (storage checks it first).
    @Test(arguments: ["rs", "ep", "node", "ev"])
    func otherKindsTakeTheirPrintedYAMLBack(type: String) throws {
        let harness = try harnessWithPod()
        harness.run("kubectl run web --image=nginx")
        harness.settle { (try? harness.client.list(ReplicaSet.self, namespace: "default").items.count) == 1 }
        let name = harness.run("kubectl get \(type) -o jsonpath={.items[0].metadata.name}").output
        try harness.write("/root/f.yaml", harness.run("kubectl get \(type) \(name) -o yaml").output)
        let replaced = harness.run("kubectl replace -f f.yaml")
        #expect(replaced.status == 0, "\(type): \(replaced.error)")
        try harness.write("/root/f.yaml", harness.run("kubectl get \(type) \(name) -o yaml").output)
        let applied = harness.run("kubectl apply -f f.yaml")
        #expect(applied.status == 0, "\(type): \(applied.error)")
        #expect(harness.run("kubectl create -f f.yaml").error.hasSuffix("resourceVersion should not be set on objects to be created\n"))
    }

    /// Component statuses can only be read, as the real API serves them.
    @Test func componentStatusesCannotBeWritten() throws {
        let harness = try KubectlHarness()
        try harness.write("/root/cs.yaml", harness.run("kubectl get cs scheduler -o yaml").output)
        #expect(harness.run("kubectl replace -f cs.yaml").error == "Error from server (MethodNotAllowed): error when replacing \"cs.yaml\": the server does not allow this method on the requested resource\n")
        #expect(harness.run("kubectl delete cs scheduler").error == "Error from server (MethodNotAllowed): the server does not allow this method on the requested resource\n")
        #expect(harness.run("kubectl get cs scheduler").status == 0)
    }

    @Test func jsonOutputParsesBack() throws {
        let harness = try harnessWithPod()
        harness.run("kubectl run kubia --image=luksa/kubia --port=8080 --generator=run/v1")
        harness.run("kubectl expose rc kubia --name kubia-http --type=NodePort")
        let json = harness.run("kubectl get svc kubia-http -o json").output
        let parsed = try YAMLDocuments.parse(json)
        #expect(parsed.first?["kind"] == "Service")
    }
}

/// The other kinds' tables.
@Suite struct OtherTableTests {
    @Test func endpointsEventsAndComponentStatuses() throws {
        let harness = try KubectlHarness()
        #expect(harness.run("kubectl get ep").output == """
            NAME         ENDPOINTS             AGE
            kubernetes   192.168.99.100:8443   0s

            """)
        #expect(harness.run("kubectl get cs").output == """
            NAME                 STATUS    MESSAGE              ERROR
            controller-manager   Healthy   ok                   
            etcd-0               Healthy   {"health": "true"}   
            scheduler            Healthy   ok                   

            """)
        #expect(harness.run("kubectl get ns").output == """
            NAME          STATUS    AGE
            default       Active    0s
            kube-public   Active    0s
            kube-system   Active    0s

            """)
        harness.run("kubectl run once --image=busybox --restart=Never")
        harness.advance(.seconds(5))
        #expect(harness.run("kubectl get ev").output == """
            LAST SEEN   FIRST SEEN   COUNT     NAME       KIND      SUBOBJECT   TYPE      REASON           SOURCE              MESSAGE
            5s          5s           1         minikube   Node                  Normal    RegisteredNode   controllermanager   Node minikube event: Registered Node minikube in Controller
            5s          5s           1         once       Pod                   Normal    Scheduled        default-scheduler   Successfully assigned once to minikube

            """)
    }
}
