@testable import Kubectl
import KubernetesAPI
import Testing

/// The chapter 2 path: nodes, run with the RC generator, pods, expose, services, scale.
@Suite struct ChapterTwoTests {
    @Test func getNodesPrintsTheEraColumns() throws {
        let harness = try KubectlHarness()
        harness.advance(.seconds(3600))
        let result = harness.run("kubectl get nodes")
        #expect(result.error == "")
        #expect(result.output == """
            NAME       STATUS    ROLES     AGE       VERSION
            minikube   Ready     <none>    1h        v1.8.0

            """)
    }

    @Test func runWithTheRunV1GeneratorCreatesAReplicationController() throws {
        let harness = try KubectlHarness()
        let result = harness.run("kubectl run kubia --image=luksa/kubia --port=8080 --generator=run/v1")
        #expect(result.output == "replicationcontroller \"kubia\" created\n")
        #expect(result.status == 0)
        #expect(result.error.hasPrefix("note: "))
        let controller = try harness.client.get(ReplicationController.self, namespace: "default", name: "kubia")
        #expect(controller.spec?.selector == ["run": "kubia"])
        #expect(controller.spec?.template?.spec?.containers.first?.ports?.first?.containerPort == 8080)
        // The note is shown once per session.
        let again = harness.run("kubectl run other --image=luksa/kubia --generator=run/v1")
        #expect(again.error == "")
    }

    @Test func getPodsShowsPendingThenRunning() throws {
        let harness = try KubectlHarness()
        harness.run("kubectl run kubia --image=luksa/kubia --port=8080 --generator=run/v1")
        harness.settle { ((try? harness.client.list(Pod.self, namespace: "default").items) ?? []).allSatisfy { $0.status?.phase == .running } }
        harness.advance(.seconds(60))
        let pods = try harness.client.list(Pod.self, namespace: "default").items
        let name = try #require(pods.first?.name)
        let result = harness.run("kubectl get pods")
        #expect(result.output == """
            NAME          READY     STATUS    RESTARTS   AGE
            \(name)   1/1       Running   0          1m

            """)
        let wide = harness.run("kubectl get po -o wide")
        #expect(wide.output.contains("IP           NODE"))
        #expect(wide.output.contains("172.17.0.4   minikube"))
    }

    @Test func exposeAndGetServices() throws {
        let harness = try KubectlHarness()
        harness.run("kubectl run kubia --image=luksa/kubia --port=8080 --generator=run/v1")
        let exposed = harness.run("kubectl expose rc kubia --type=LoadBalancer --name kubia-http")
        #expect(exposed.output == "service \"kubia-http\" exposed\n")
        let result = harness.run("kubectl get svc")
        // Same seed, same addresses: the cluster IP and node port are deterministic.
        #expect(result.output == """
            NAME         TYPE           CLUSTER-IP      EXTERNAL-IP   PORT(S)          AGE
            kubernetes   ClusterIP      10.96.0.1       <none>        443/TCP          0s
            kubia-http   LoadBalancer   10.107.26.230   <pending>     8080:30003/TCP   0s

            """)
        let service = try harness.client.get(Service.self, namespace: "default", name: "kubia-http")
        #expect(service.spec?.selector == ["run": "kubia"])
        #expect(service.spec?.ports?.first?.targetPort == .int(8080))
    }

    @Test func scaleReportsTheEraMessage() throws {
        let harness = try KubectlHarness()
        harness.run("kubectl run kubia --image=luksa/kubia --port=8080 --generator=run/v1")
        let result = harness.run("kubectl scale rc kubia --replicas=3")
        #expect(result.output == "replicationcontroller \"kubia\" scaled\n")
        harness.settle { (try? harness.client.list(Pod.self, namespace: "default").items.count) == 3 }
        let controllers = harness.run("kubectl get rc")
        #expect(controllers.output.hasPrefix("NAME      DESIRED   CURRENT   READY     AGE\nkubia     3         3"))
    }

    @Test func theMisspeltImageFlagIsReportedWithASuggestion() throws {
        let harness = try KubectlHarness()
        let result = harness.run("kubectl run eureka --images=janwee/eureka-server --port=7100 --generator=run/v1")
        #expect(result.status == 1)
        #expect(result.output == "")
        // 1.8 printed cobra's error, then the command's whole usage text.
        #expect(result.error.hasPrefix("Error: unknown flag: --images\n\n\nExamples:\n  # Start a single instance of nginx.\n"))
        #expect(result.error.contains("\nUsage:\n  kubectl run NAME --image=image"))
        #expect(result.error.hasSuffix("(applies to all commands).\n\nDid you mean --image?\n"))
    }
}
