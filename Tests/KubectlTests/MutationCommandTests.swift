import Eras
import KubernetesAPI
import Machine
import Testing

import Simulation
@testable import Kubectl

/// run without a generator, apply, delete by selector, edit through the editor seam.
@Suite struct MutationCommandTests {
    @Test func runWithoutGeneratorCreatesADeploymentWithANote() throws {
        let harness = try KubectlHarness()
        let result = harness.run("kubectl run kubia --image=luksa/kubia --port=8080")
        #expect(result.output == "deployment \"kubia\" created\n")
        #expect(result.error == "note: today's `kubectl run` creates a single Pod, not a Deployment; use `kubectl create deployment kubia --image=luksa/kubia` for a Deployment.\n")
        harness.settle { (try? harness.client.list(Pod.self, namespace: "default").items.count) == 1 }
        #expect(harness.run("kubectl get deploy").output.hasPrefix("NAME      DESIRED   CURRENT   UP-TO-DATE   AVAILABLE   AGE\nkubia     1         "))
        #expect(harness.run("kubectl scale deployment kubia --replicas=2").output == "deployment \"kubia\" scaled\n")
        #expect(harness.run("kubectl expose deployment kubia --port=80 --target-port=8080").output == "service \"kubia\" exposed\n")
        let service = try harness.client.get(Service.self, namespace: "default", name: "kubia")
        #expect(service.spec?.ports?.first?.port == 80 && service.spec?.ports?.first?.targetPort == .int(8080))
    }

    @Test func runPodWithRestartNever() throws {
        let harness = try KubectlHarness()
        #expect(harness.run("kubectl run once --image=busybox --restart=Never -- sleep 5").output == "pod \"once\" created\n")
        let pod = try harness.client.get(Pod.self, namespace: "default", name: "once")
        #expect(pod.spec?.restartPolicy == "Never")
        #expect(pod.spec?.containers.first?.args == ["sleep", "5"])
    }

    @Test func runWithRemoveAttachesAndDeletes() throws {
        let harness = try KubectlHarness()
        harness.kubeletConnection.logText["srvlookup"] = "kubia.default.svc.cluster.local. 30 IN SRV 10 33 0 172-17-0-4.kubia.default.svc.cluster.local.\n"
        let result = harness.run("kubectl run -i srvlookup --image=tutum/dnsutils --rm --restart=Never -- dig SRV kubia.default.svc.cluster.local")
        #expect(result.output == "kubia.default.svc.cluster.local. 30 IN SRV 10 33 0 172-17-0-4.kubia.default.svc.cluster.local.\npod \"srvlookup\" deleted\n")
        #expect(result.status == 0)
    }

    @Test func applyCreatesThenConfigures() throws {
        let harness = try KubectlHarness()
        let manifest = """
            apiVersion: apps/v1beta1
            kind: Deployment
            metadata:
              name: kubia
            spec:
              replicas: 3
              template:
                metadata:
                  labels:
                    app: kubia
                spec:
                  containers:
                  - image: luksa/kubia:v1
                    name: nodejs

            """
        try harness.write("/root/kubia-deployment-v1.yaml", manifest)
        let first = harness.run("kubectl apply -f kubia-deployment-v1.yaml")
        #expect(first.output == "deployment \"kubia\" created\n")
        #expect(first.error.hasPrefix("note: apps/v1beta1 Deployment was removed in Kubernetes 1.16"))
        let stored = try harness.client.get(Deployment.self, namespace: "default", name: "kubia")
        #expect(stored.metadata.annotations?[ApplyCommand.lastAppliedAnnotation] != nil)
        try harness.write("/root/kubia-deployment-v1.yaml", manifest.replacingOccurrences(of: "replicas: 3", with: "replicas: 2"))
        #expect(harness.run("kubectl apply -f kubia-deployment-v1.yaml").output == "deployment \"kubia\" configured\n")
        #expect(try harness.client.get(Deployment.self, namespace: "default", name: "kubia").spec?.replicas == 2)
    }

    @Test func createReadsMultiDocumentStdinAndLists() throws {
        let harness = try KubectlHarness()
        let text = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Service
              metadata:
                name: kubia
              spec:
                ports:
                - port: 80
                  targetPort: 8080
                selector:
                  app: kubia
            ---
            {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "custom-namespace"}}

            """
        let result = harness.run(words: ["kubectl", "create", "-f", "-"], stdin: text)
        #expect(result.output == "service \"kubia\" created\nnamespace \"custom-namespace\" created\n")
    }

    @Test func deleteBySelectorAndAll() throws {
        let harness = try KubectlHarness()
        harness.run("kubectl run a --image=busybox --restart=Never --labels=app=x")
        harness.run("kubectl run b --image=busybox --restart=Never --labels=app=y")
        #expect(harness.run("kubectl delete po -l app=x").output == "pod \"a\" deleted\n")
        #expect(harness.run("kubectl delete po -l app=zzz").error == "No resources found\n")
        #expect(harness.run("kubectl delete pod/b").output == "pod \"b\" deleted\n")
    }

    @Test func editGoesThroughTheEditor() throws {
        let loopHarness = try KubectlHarness()
        let edited = KubectlProgram(clusters: loopHarness.directory, era: Era.kubernetesInAction) { fileName, contents in
            #expect(fileName.hasPrefix("/tmp/kubectl-edit-") && fileName.hasSuffix(".yaml"))
            return Array(String(decoding: contents, as: UTF8.self).replacingOccurrences(of: "replicas: 1", with: "replicas: 4").utf8)
        }
        loopHarness.run("kubectl run kubia --image=luksa/kubia --generator=run/v1")
        let output = CollectingRun.run(edited, harness: loopHarness, words: ["kubectl", "edit", "rc", "kubia"])
        #expect(output == "replicationcontroller \"kubia\" edited\n")
        #expect(try loopHarness.client.get(ReplicationController.self, namespace: "default", name: "kubia").spec?.replicas == 4)
    }
}



/// Runs a given program instance on the harness's machine.
enum CollectingRun {
    static func run(_ program: KubectlProgram, harness: KubectlHarness, words: [String]) -> String {
        let output = CollectingStream()
        let process = harness.machine.launch(program, arguments: words, environment: harness.environment, workingDirectory: "/root",
                                             user: .root, stdin: EmptyReader(), stdout: output, stderr: output)
        _ = harness.loop.run(until: { process.exitStatus != nil }, limit: harness.loop.now + Duration.seconds(60))
        return output.text
    }
}
