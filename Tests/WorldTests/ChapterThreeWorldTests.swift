import Testing
import Machine
import Simulation
@testable import World

/// Chapter 3 of the book end to end in a learner's world: the behaviour its text describes
/// (deleting everything, the master service coming back, nodeSelector scheduling, namespaces
/// that separate names but not the network) and the errors kubectl 1.8 gave on the way.
@Suite struct ChapterThreeWorldTests {
    /// A world on Minikube; `run` returns what one command printed and its status.
    typealias Session = WorldSession

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

    static let kubiaGPU = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: kubia-gpu
        spec:
          nodeSelector:
            gpu: "true"
          containers:
          - image: luksa/kubia
            name: kubia

        """

    @Test func deleteAllDeletesPodsThenControllersThenServicesAndTheMasterServiceComesBack() throws {
        let session = try Session()
        session.run("kubectl run kubia --image=luksa/kubia --port=8080 --generator=run/v1")
        session.run("kubectl expose rc kubia --type=LoadBalancer --name kubia-http")
        session.run("sleep 30")
        let pod = session.run("kubectl get po -o jsonpath='{.items[0].metadata.name}'").text
        let deleted = session.run("kubectl delete all --all")
        #expect(deleted.status == 0)
        #expect(deleted.text == """
            pod "\(pod)" deleted
            replicationcontroller "kubia" deleted
            service "kubernetes" deleted
            service "kubia-http" deleted

            """)
        #expect(session.run("kubectl get svc kubernetes").text == "Error from server (NotFound): services \"kubernetes\" not found\n")
        // The bootstrap controller reconciles every 10 seconds: within that the service is back,
        // with the first address of the service range, and so are its endpoints.
        session.run("sleep 10")
        #expect(session.run("kubectl get svc kubernetes -o jsonpath='{.spec.clusterIP} {.spec.ports[0].port}'").text == "10.96.0.1 443")
        #expect(session.run("kubectl get ep kubernetes -o jsonpath='{.subsets[0].addresses[0].ip}'").text == "192.168.99.100")
        #expect(session.run("kubectl get svc kubia-http").status == 1)
    }

    @Test func logsOfAPodWithSeveralContainersNamesThemAsTheServerDid() throws {
        let session = try Session()
        session.write("two.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: two
            spec:
              containers:
              - image: luksa/kubia
                name: web
              - image: busybox
                name: helper
                command: ["sleep", "9999"]

            """)
        session.run("kubectl create -f two.yaml")
        session.run("sleep 30")
        let result = session.run("kubectl logs two")
        #expect(result.status == 1)
        #expect(result.text == "Error from server (BadRequest): a container name must be specified for pod two, choose one of: [web helper]\n")
        #expect(session.run("kubectl logs two -c web").text == "Kubia server starting...\n")
        #expect(session.run("kubectl logs two -c nope").text == "Error from server (BadRequest): container nope is not valid for pod two\n")
    }

    @Test func aPodWhoseNodeSelectorMatchesNoNodeWaitsUntilANodeGetsTheLabel() throws {
        let session = try Session()
        session.write("kubia-gpu.yaml", Self.kubiaGPU)
        session.run("kubectl create -f kubia-gpu.yaml")
        session.run("sleep 20")
        #expect(session.run("kubectl get po kubia-gpu -o jsonpath='{.status.phase} {.spec.nodeName}'").text == "Pending ")
        let events = session.run("kubectl describe po kubia-gpu").text
        #expect(events.contains("Warning   FailedScheduling  No nodes are available that match all of the predicates: MatchNodeSelector (1).\n"))
        #expect(session.run("kubectl label node minikube gpu=true").text == "node \"minikube\" labeled\n")
        session.run("sleep 2")
        #expect(session.run("kubectl get po kubia-gpu -o jsonpath='{.spec.nodeName}'").text == "minikube")
        session.run("sleep 30")
        #expect(session.run("kubectl get po kubia-gpu -o jsonpath='{.status.phase} {.spec.nodeName}'").text == "Running minikube")
        #expect(session.run("kubectl get nodes -l gpu=true -o name").text == "nodes/minikube\n")
    }

    @Test func aNodeSelectorOnTheHostnameLabelPinsThePod() throws {
        let session = try Session()
        session.write("pinned.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: pinned
            spec:
              nodeSelector:
                kubernetes.io/hostname: minikube
              containers:
              - image: luksa/kubia
                name: kubia

            """)
        session.run("kubectl create -f pinned.yaml")
        session.run("sleep 20")
        #expect(session.run("kubectl get po pinned -o jsonpath='{.spec.nodeName}'").text == "minikube")
    }

    @Test func deletingANamespaceLeavesItTerminatingUntilItsPodsAreGone() throws {
        let session = try Session()
        session.write("kubia-manual.yaml", Self.kubiaManual)
        session.write("two.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: two
            spec:
              containers:
              - image: busybox
                name: a
                command: ["sleep", "9999"]
              - image: busybox
                name: b
                command: ["sleep", "9999"]

            """)
        session.run("kubectl create namespace custom-namespace")
        session.run("kubectl create -f kubia-manual.yaml -n custom-namespace")
        session.run("kubectl create -f two.yaml -n custom-namespace")
        session.run("sleep 30")
        #expect(session.run("kubectl delete ns custom-namespace").text == "namespace \"custom-namespace\" deleted\n")
        #expect(session.run("kubectl get ns custom-namespace -o jsonpath='{.status.phase}'").text == "Terminating")
        // Containers that ignore SIGTERM are killed when the 30-second grace period ends, all of
        // a pod's containers at once; then the namespace goes.
        session.run("sleep 25")
        #expect(session.run("kubectl get po two -n custom-namespace -o jsonpath='{.metadata.name}'").text == "two")
        session.run("sleep 10")
        #expect(session.run("kubectl get po -n custom-namespace").text == "No resources found.\n")
        #expect(session.run("kubectl get ns custom-namespace").text == "Error from server (NotFound): namespaces \"custom-namespace\" not found\n")
    }

    @Test func namespacesSeparateNamesButNotTheNetwork() throws {
        let session = try Session()
        session.write("kubia-manual.yaml", Self.kubiaManual)
        session.run("kubectl create -f kubia-manual.yaml")
        session.run("kubectl create namespace custom-namespace")
        #expect(session.run("kubectl create -f kubia-manual.yaml").text
            == "Error from server (AlreadyExists): error when creating \"kubia-manual.yaml\": pods \"kubia-manual\" already exists\n")
        #expect(session.run("kubectl create -f kubia-manual.yaml -n custom-namespace").text == "pod \"kubia-manual\" created\n")
        session.run("kubectl run client --image=busybox --restart=Never -- sleep 3600")
        session.run("sleep 30")
        let address = session.run("kubectl get po kubia-manual -n custom-namespace -o jsonpath='{.status.podIP}'").text
        #expect(!address.isEmpty)
        let answer = session.run("kubectl exec client -- wget -qO- \(address):8080")
        #expect(answer.status == 0)
        #expect(answer.text == "You've hit kubia-manual\n")
    }

    @Test func theBooksChapterThreeManifestsCreateWhatTheBookDescribes() throws {
        let session = try Session()
        session.write("custom-namespace.yaml", """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: custom-namespace

            """)
        session.write("kubia-manual.yaml", Self.kubiaManual)
        session.write("kubia-manual-custom-namespace.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: kubia-manual
              namespace: custom-namespace
            spec:
              containers:
              - image: luksa/kubia
                name: kubia
                ports:
                - containerPort: 8080
                  protocol: TCP

            """)
        session.write("kubia-manual-with-labels.yaml", """
            apiVersion: v1
            kind: Pod
            metadata:
              name: kubia-manual-v2
              labels:
                creation_method: manual
                env: prod
            spec:
              containers:
              - image: luksa/kubia
                name: kubia
                ports:
                - containerPort: 8080
                  protocol: TCP

            """)
        session.write("kubia-gpu.yaml", Self.kubiaGPU)
        let created = [
            "custom-namespace.yaml": "namespace \"custom-namespace\" created\n",
            "kubia-manual.yaml": "pod \"kubia-manual\" created\n",
            "kubia-manual-custom-namespace.yaml": "pod \"kubia-manual\" created\n",
            "kubia-manual-with-labels.yaml": "pod \"kubia-manual-v2\" created\n",
            "kubia-gpu.yaml": "pod \"kubia-gpu\" created\n",
        ]
        for file in ["custom-namespace.yaml", "kubia-manual.yaml", "kubia-manual-custom-namespace.yaml", "kubia-manual-with-labels.yaml", "kubia-gpu.yaml"] {
            #expect(session.run("kubectl create -f \(file)").text == created[file])
        }
        session.run("kubectl label node minikube gpu=true")
        session.run("sleep 30")
        #expect(session.run("kubectl get po --all-namespaces -o jsonpath='{range .items[*]}{.metadata.namespace}/{.metadata.name}={.status.phase} {end}'").text
            .contains("custom-namespace/kubia-manual=Running default/kubia-gpu=Running default/kubia-manual=Running default/kubia-manual-v2=Running"))
        #expect(session.run("kubectl get po -l creation_method=manual,env=prod -o name").text == "pods/kubia-manual-v2\n")
    }

    @Test func labelAndAnnotateWantEveryResourceBeforeTheChanges() throws {
        let session = try Session()
        session.write("kubia-manual.yaml", Self.kubiaManual)
        session.run("kubectl create -f kubia-manual.yaml")
        let split = session.run("kubectl annotate pod kubia-manual mycompany.com/someannotation=foo bar")
        #expect(split.status == 1)
        #expect(split.text == "error: all resources must be specified before annotation changes: bar\n")
        #expect(session.run("kubectl label pod kubia-manual env=a extra").text == "error: all resources must be specified before label changes: extra\n")
        #expect(session.run("kubectl annotate pod kubia-manual mycompany.com/someannotation=\"foo bar\"").text == "pod \"kubia-manual\" annotated\n")
        let described = session.run("kubectl describe pod kubia-manual").text
        #expect(described.contains("Annotations:  mycompany.com/someannotation=foo bar\n"))
        #expect(session.run("kubectl get po kubia-manual -o yaml").text.contains("  annotations:\n    mycompany.com/someannotation: foo bar\n"))
        // A trailing dash removes, on every kind of resource list, selectors included.
        session.run("kubectl label nodes --all gpu=true")
        #expect(session.run("kubectl label nodes -l gpu=true gpu-").text == "node \"minikube\" labeled\n")
        #expect(session.run("kubectl get nodes -l gpu").text == "No resources found.\n")
    }
}
