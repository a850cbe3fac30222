import Testing
import Machine
import Simulation
@testable import World

/// Chapter 4.2–4.4 end to end in a learner's world: every manifest of those sections in the
/// book's repository (as printed in the book, apps/v1beta2, and as the repository has them
/// today, apps/v1) creates and behaves as the book describes; 1.8's selector validation; the
/// node failure on GKE; `kubectl edit` through `KUBE_EDITOR`.
@Suite struct ChapterFourControllersTests {
    typealias Session = WorldSession

    // MARK: The book's manifests

    static let kubiaRC = BookManifests.kubiaRC

    static func kubiaReplicaSet(_ version: String) -> String {
        """
        apiVersion: \(version)
        kind: ReplicaSet
        metadata:
          name: kubia
        spec:
          replicas: 3
          selector:
            matchLabels:
              app: kubia
          template:
            metadata:
              labels:
                app: kubia
            spec:
              containers:
              - name: kubia
                image: luksa/kubia

        """
    }

    static func kubiaReplicaSetMatchExpressions(_ version: String) -> String {
        """
        apiVersion: \(version)
        kind: ReplicaSet
        metadata:
          name: kubia
        spec:
          replicas: 3
          selector:
            matchExpressions:
              - key: app
                operator: In
                values:
                 - kubia
          template:
            metadata:
              labels:
                app: kubia
            spec:
              containers:
              - name: kubia
                image: luksa/kubia

        """
    }

    static func ssdMonitor(_ version: String) -> String {
        """
        apiVersion: \(version)
        kind: DaemonSet
        metadata:
          name: ssd-monitor
        spec:
          selector:
            matchLabels:
              app: ssd-monitor
          template:
            metadata:
              labels:
                app: ssd-monitor
            spec:
              nodeSelector:
                disk: ssd
              containers:
              - name: main
                image: luksa/ssd-monitor


        """
    }

    struct Replicating: Sendable, CustomTestStringConvertible {
        let file: String
        let content: String
        let resource: String
        var testDescription: String { "\(file) (\(content.split(separator: "\n").first ?? ""))" }
    }

    static let replicating: [Replicating] = [
        Replicating(file: "kubia-rc.yaml", content: kubiaRC, resource: "rc"),
        Replicating(file: "kubia-replicaset.yaml", content: kubiaReplicaSet("apps/v1beta2"), resource: "rs"),
        Replicating(file: "kubia-replicaset.yaml", content: kubiaReplicaSet("apps/v1"), resource: "rs"),
        Replicating(file: "kubia-replicaset-matchexpressions.yaml", content: kubiaReplicaSetMatchExpressions("apps/v1beta2"), resource: "rs"),
        Replicating(file: "kubia-replicaset-matchexpressions.yaml", content: kubiaReplicaSetMatchExpressions("apps/v1"), resource: "rs"),
    ]

    /// Three pods run; a deleted one is replaced; one relabelled out of scope is released and
    /// replaced; a scale to 1 deletes the others.
    @Test(arguments: replicating)
    func replicatingManifestsKeepTheirPods(_ manifest: Replicating) throws {
        let session = try Session(seed: 4)
        session.write(manifest.file, manifest.content)
        #expect(session.run("kubectl create -f \(manifest.file)").status == 0)
        session.run("sleep 30")
        #expect(session.value("kubectl get pods -l app=kubia -o jsonpath='{.items[*].status.phase}'") == "Running Running Running")
        #expect(session.value("kubectl get \(manifest.resource) kubia -o jsonpath='{.status.readyReplicas}'") == "3")

        let first = session.value("kubectl get pods -o jsonpath='{.items[0].metadata.name}'")
        #expect(session.run("kubectl delete pod \(first)").text == "pod \"\(first)\" deleted\n")
        #expect(session.value("kubectl get pods -l app=kubia --field-selector=status.phase=Pending -o name").split(separator: "\n").count == 1)

        session.run("sleep 40")
        let second = session.value("kubectl get pods -l app=kubia -o jsonpath='{.items[0].metadata.name}'")
        session.run("kubectl label pod \(second) app=foo --overwrite")
        #expect(session.value("kubectl get pod \(second) -o jsonpath='{.metadata.ownerReferences}'").isEmpty)
        session.run("sleep 30")
        #expect(session.value("kubectl get pods -l app=kubia -o jsonpath='{.items[*].status.phase}'") == "Running Running Running")

        #expect(session.run("kubectl scale \(manifest.resource) kubia --replicas=1").status == 0)
        session.run("sleep 40")
        #expect(session.value("kubectl get pods -l app=kubia -o name").split(separator: "\n").count == 1)
        #expect(session.value("kubectl get pods -l app=foo -o name").split(separator: "\n").count == 1)
    }

    @Test(arguments: ["apps/v1beta2", "apps/v1", "extensions/v1beta1"])
    func theSsdMonitorFollowsTheNodeLabel(_ version: String) throws {
        let session = try Session(seed: 4)
        session.write("ssd-monitor-daemonset.yaml", Self.ssdMonitor(version))
        #expect(session.run("kubectl create -f ssd-monitor-daemonset.yaml").status == 0)
        #expect(session.run("kubectl get ds").text == """
            NAME          DESIRED   CURRENT   READY     UP-TO-DATE   AVAILABLE   NODE-SELECTOR   AGE
            ssd-monitor   0         0         0         0            0           disk=ssd        1s

            """)
        #expect(session.run("kubectl get po").text == "No resources found.\n")
        session.run("kubectl label node minikube disk=ssd")
        session.run("sleep 30")
        let pod = session.value("kubectl get po -o jsonpath='{.items[0].metadata.name}'")
        #expect(pod.hasPrefix("ssd-monitor-") && pod.count == "ssd-monitor-".count + 5)
        #expect(session.value("kubectl get po \(pod) -o jsonpath='{.spec.nodeName} {.status.phase}'") == "minikube Running")
        #expect(session.value("kubectl get po \(pod) -o jsonpath='{.metadata.ownerReferences[0].kind}'") == "DaemonSet")
        #expect(session.run("kubectl logs \(pod)").text.hasPrefix("SSD OK\nSSD OK\n"))
        #expect(session.value("kubectl get ds ssd-monitor -o jsonpath='{.status.desiredNumberScheduled} {.status.numberReady}'") == "1 1")

        session.run("kubectl label node minikube disk=hdd --overwrite")
        #expect(session.run("kubectl get po").text.contains("Terminating"))
        session.run("sleep 40")
        #expect(session.run("kubectl get po").text == "No resources found.\n")
        #expect(session.value("kubectl get ds ssd-monitor -o jsonpath='{.status.desiredNumberScheduled}'") == "0")
    }

    @Test func aDaemonSetRunsOnePodOnEachNodeAndTheirDescriptionCountsThem() throws {
        let session = try Session(seed: 42, cluster: "gcloud container clusters create kubia --num-nodes 3 --machine-type f1-micro")
        session.write("ssd-monitor-daemonset.yaml", Self.ssdMonitor("apps/v1beta2"))
        session.run("kubectl create -f ssd-monitor-daemonset.yaml")
        session.run("kubectl label nodes --all disk=ssd")
        session.run("sleep 30")
        let nodes = session.value("kubectl get po -l app=ssd-monitor -o jsonpath='{.items[*].spec.nodeName}'").split(separator: " ")
        #expect(nodes.count == 3 && Set(nodes).count == 3)
        let described = session.run("kubectl describe ds ssd-monitor").text
        #expect(described.contains("Desired Number of Nodes Scheduled: 3\nCurrent Number of Nodes Scheduled: 3\n"))
        #expect(described.contains("Node-Selector:  disk=ssd\n"))
        #expect(described.contains("daemon-set                 Normal    SuccessfulCreate  Created pod: ssd-monitor-"))
    }

    // MARK: Validation

    static let invalidSelectors: [(String, String)] = [
        ("- key: app\n        operator: In", "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"),
        ("- key: app\n        operator: Exists\n        values: [kubia]",
         "spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
        ("- key: app\n        operator: Within\n        values: [kubia]",
         "spec.selector.matchExpressions[0].operator: Invalid value: \"Within\": not a valid selector operator"),
        ("- key: -app\n        operator: DoesNotExist", "spec.selector.matchExpressions[0].key: Invalid value: \"-app\": name part must consist of alphanumeric characters"),
    ]

    @Test(arguments: invalidSelectors)
    func badRequirementsGetTheirValidationErrors(_ expression: String, _ message: String) throws {
        let session = try Session(seed: 4)
        session.write("rs.yaml", """
            apiVersion: apps/v1beta2
            kind: ReplicaSet
            metadata:
              name: kubia
            spec:
              selector:
                matchExpressions:
                  \(expression)
              template:
                metadata:
                  labels:
                    app: kubia
                spec:
                  containers:
                  - name: kubia
                    image: luksa/kubia

            """)
        let result = session.run("kubectl create -f rs.yaml")
        #expect(result.status == 1)
        #expect(result.text.contains(message), "\(result.text)")
        #expect(session.run("kubectl get rs").text == "No resources found.\n")
    }

    @Test func aDaemonSetSelectorMustMatchItsTemplate() throws {
        let session = try Session(seed: 4)
        session.write("ds.yaml", Self.ssdMonitor("apps/v1beta2").replacingOccurrences(of: "      app: ssd-monitor\n  template", with: "      app: other\n  template"))
        let result = session.run("kubectl create -f ds.yaml")
        #expect(result.status == 1)
        #expect(result.text.contains("spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"ssd-monitor\"}: `selector` does not match template `labels`"), "\(result.text)")
        session.write("empty.yaml", Self.ssdMonitor("apps/v1beta2").replacingOccurrences(of: "    matchLabels:\n      app: ssd-monitor\n", with: "    matchLabels: {}\n"))
        #expect(session.run("kubectl create -f empty.yaml").text.contains("empty selector is invalid for daemonset"))
    }

    // MARK: kubectl edit

    @Test func editRunsTheEditorTheEnvironmentNames() throws {
        let session = try Session(seed: 4)
        session.write("kubia-rc.yaml", Self.kubiaRC)
        session.run("kubectl create -f kubia-rc.yaml")
        #expect(session.run("KUBE_EDITOR=\"sed -i 's/replicas: 3/replicas: 5/'\" kubectl edit rc kubia").text == "replicationcontroller \"kubia\" edited\n")
        #expect(session.value("kubectl get rc kubia -o jsonpath='{.spec.replicas}'") == "5")
        #expect(session.run("EDITOR=true kubectl edit rc kubia").text == "Edit cancelled, no changes made.\n")
        let failed = session.run("KUBE_EDITOR=false EDITOR=true kubectl edit rc kubia")
        #expect(failed.status == 1)
        #expect(failed.text == "error: there was a problem with the editor \"false\"\n")
        #expect(session.run("ls /tmp").text.isEmpty)
    }

    // MARK: Node failure

    @Test func aNodeCutOffTheNetworkLosesItsPodsToOtherNodes() throws {
        let session = try Session(seed: 42, cluster: "gcloud container clusters create kubia --num-nodes 3 --machine-type f1-micro")
        session.write("kubia-rc.yaml", Self.kubiaRC)
        session.write("ssd-monitor-daemonset.yaml", Self.ssdMonitor("apps/v1beta2"))
        session.run("kubectl create -f kubia-rc.yaml")
        session.run("kubectl create -f ssd-monitor-daemonset.yaml")
        session.run("kubectl label nodes --all disk=ssd")
        session.run("sleep 30")
        let node = session.value("kubectl get po -l app=kubia -o jsonpath='{.items[0].spec.nodeName}'")
        let victim = session.value("kubectl get po -l app=kubia -o jsonpath='{.items[0].metadata.name}'")

        #expect(session.run("gcloud compute ssh \(node) --command 'ifconfig eth0 down'").text == "SIOCSIFFLAGS: Operation not permitted\n")
        let execution = session.world.begin("gcloud compute ssh \(node)")
        _ = execution.run(until: session.world.loop.now + .seconds(1))
        execution.type("sudo ifconfig eth0 down\n")
        _ = execution.run(until: session.world.loop.now + .seconds(1))
        execution.type("echo lost\n~.")
        _ = execution.run(until: session.world.loop.now + .seconds(1))
        #expect(execution.isFinished)
        #expect(execution.exitStatus == 255)
        #expect(!session.output.text.contains("lost"))
        #expect(session.output.text.hasSuffix(" closed.\nERROR: (gcloud.compute.ssh) [/usr/bin/ssh] exited with return code [255].\n"))
        #expect(session.output.text.contains("~ $ Connection to 35."))

        session.run("sleep 50")
        #expect(session.value("kubectl get node \(node) -o jsonpath='{.status.conditions[?(@.type==\"Ready\")].status}'") == "Unknown")
        #expect(session.run("gcloud compute ssh \(node)").status == 255)
        session.run("sleep 300")
        let pods = session.run("kubectl get pods -l app=kubia").text
        #expect(pods.contains("\(victim)   1/1       Unknown"), "\(pods)")
        #expect(session.value("kubectl get pods -l app=kubia -o name").split(separator: "\n").count == 4)
        // The daemon pod on the lost node is not evicted: its daemon set would only put it back.
        #expect(session.value("kubectl get pods -l app=ssd-monitor -o jsonpath='{.items[*].metadata.deletionTimestamp}'").isEmpty)

        #expect(session.run("gcloud compute instances reset \(node)").status == 0)
        session.run("sleep 40")
        #expect(session.value("kubectl get node \(node) -o jsonpath='{.status.conditions[?(@.type==\"Ready\")].status}'") == "True")
        #expect(session.value("kubectl get pods -l app=kubia -o name").split(separator: "\n").count == 3)
        #expect(!session.run("kubectl get pods").text.contains(victim))
    }

    @Test func typingIntoADeadSessionBreaksThePipeWhenTCPGivesUp() throws {
        let session = try Session(seed: 42, cluster: "gcloud container clusters create kubia --num-nodes 3 --machine-type f1-micro")
        let node = session.value("kubectl get nodes -o jsonpath='{.items[0].metadata.name}'")
        let execution = session.world.begin("gcloud compute ssh \(node)")
        _ = execution.run(until: session.world.loop.now + .seconds(1))
        execution.type("sudo ifconfig eth0 down\n")
        execution.advance(by: .seconds(3600))
        #expect(!execution.isFinished, "nothing was sent yet: the session just hangs")
        execution.type("ls\n")
        execution.advance(by: .seconds(900))
        #expect(!execution.isFinished)
        execution.advance(by: .seconds(30))
        #expect(execution.isFinished)
        #expect(session.output.text.hasSuffix(" port 22: Broken pipe\nERROR: (gcloud.compute.ssh) [/usr/bin/ssh] exited with return code [255].\n"))
        #expect(session.output.text.contains("packet_write_wait: Connection to 35."))
    }

    @Test func aRemoteCommandThatCutsTheNetworkNeverReportsItsStatus() throws {
        let session = try Session(seed: 42, cluster: "gcloud container clusters create kubia --num-nodes 3 --machine-type f1-micro")
        let node = session.value("kubectl get nodes -o jsonpath='{.items[0].metadata.name}'")
        session.output.removeAll()
        let execution = session.world.begin("gcloud compute ssh \(node) --command 'sudo ifconfig eth0 down'")
        execution.endInput()
        execution.advance(by: .seconds(900))
        #expect(!execution.isFinished)
        execution.advance(by: .seconds(30))
        #expect(execution.exitStatus == 255)
        #expect(session.output.text.hasPrefix("packet_write_wait: Connection to 35."))
        #expect(session.output.text.hasSuffix(" port 22: Broken pipe\nERROR: (gcloud.compute.ssh) [/usr/bin/ssh] exited with return code [255].\n"))
    }

    /// kubectl 1.8 deletes a daemon set's pods first (its reaper), and returns once they are gone.
    @Test func deletingADaemonSetTakesItsPodsAlong() throws {
        let session = try Session(seed: 4)
        session.write("ssd-monitor-daemonset.yaml", Self.ssdMonitor("apps/v1beta2"))
        session.run("kubectl create -f ssd-monitor-daemonset.yaml")
        session.run("kubectl label node minikube disk=ssd")
        session.run("sleep 30")
        #expect(session.value("kubectl get po -o name").hasPrefix("pods/ssd-monitor-"))
        #expect(session.run("kubectl delete ds ssd-monitor").text == "daemonset \"ssd-monitor\" deleted\n")
        #expect(session.run("kubectl get po").text == "No resources found.\n")
        #expect(session.run("kubectl get ds").text == "No resources found.\n")
    }
}
