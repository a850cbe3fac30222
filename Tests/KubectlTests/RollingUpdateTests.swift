import Testing
import KubernetesAPI
import Simulation
@testable import Kubectl

/// `kubectl rolling-update --image` as 1.8's `rolling_updater.go` prints and does it.
struct RollingUpdateTests {
    static let controller = """
        apiVersion: v1
        kind: ReplicationController
        metadata:
          name: kubia-v1
        spec:
          replicas: 3
          template:
            metadata:
              name: kubia
              labels:
                app: kubia
            spec:
              containers:
              - image: luksa/kubia:v1
                name: nodejs

        """

    private func harness() throws -> KubectlHarness {
        let harness = try KubectlHarness()
        try harness.write("/root/kubia-rc.yaml", Self.controller)
        #expect(harness.run("kubectl create -f kubia-rc.yaml").status == 0)
        harness.advance(.seconds(10))
        return harness
    }

    @Test func replacesTheControllerStepByStep() throws {
        let harness = try harness()
        let started = harness.loop.now
        let result = harness.run("kubectl rolling-update kubia-v1 kubia-v2 --image=luksa/kubia:v2 --update-period=10s")
        #expect(result.output == """
            Created kubia-v2
            Scaling up kubia-v2 from 0 to 3, scaling down kubia-v1 from 3 to 0 (keep 3 pods available, don't exceed 4 pods)
            Scaling kubia-v2 up to 1
            Scaling kubia-v1 down to 2
            Scaling kubia-v2 up to 2
            Scaling kubia-v1 down to 1
            Scaling kubia-v2 up to 3
            Scaling kubia-v1 down to 0
            Update succeeded. Deleting kubia-v1
            replicationcontroller "kubia-v1" rolling updated to "kubia-v2"

            """)
        #expect(result.status == 0)
        // Three update periods at least: one between each scale-up and scale-down.
        #expect(harness.loop.now - started >= .seconds(30))
        let controllers = try harness.client.list(ReplicationController.self, namespace: "default").items
        #expect(controllers.map(\.name) == ["kubia-v2"])
        let new = try #require(controllers.first)
        let key = try #require(new.spec?.selector?["deployment"])
        #expect(key.count == 32 && key.allSatisfy { $0.isHexDigit })
        #expect(new.spec?.selector == ["app": "kubia", "deployment": key])
        #expect(new.spec?.template?.metadata?.labels?["deployment"] == key)
        #expect(new.metadata.annotations?[RollingUpdate.sourceIDAnnotation] == nil)
        #expect(new.metadata.annotations?[RollingUpdate.desiredReplicasAnnotation] == nil)
        #expect(new.spec?.template?.spec?.containers.first?.image == "luksa/kubia:v2")
    }

    /// The old controller's pods get the `deployment` key with `-orig`, before its selector does.
    @Test func oldPodsAreRelabelled() throws {
        let harness = try harness()
        let task = harness.run(words: KubectlHarness.split("kubectl rolling-update kubia-v1 kubia-v2 --image=luksa/kubia:v2"), interruptAfter: .seconds(5))
        #expect(task.output.hasPrefix("Created kubia-v2\n"))
        let old = try harness.client.get(ReplicationController.self, namespace: "default", name: "kubia-v1")
        let key = try #require(old.spec?.selector?["deployment"])
        #expect(key.hasSuffix("-orig"))
        #expect(old.metadata.annotations?[RollingUpdate.nextControllerAnnotation] == "kubia-v2")
        #expect(old.metadata.annotations?[RollingUpdate.originalReplicasAnnotation] == "3")
        let pods = try harness.client.list(Pod.self, namespace: "default").items.filter { $0.name.hasPrefix("kubia-v1-") }
        #expect(!pods.isEmpty)
        #expect(pods.allSatisfy { $0.metadata.labels?["deployment"] == key })
    }

    @Test(arguments: [
        ("kubectl rolling-update", "error: Must specify the controller to update\nSee 'kubectl rolling-update -h' for help and examples.\n"),
        ("kubectl rolling-update kubia-v1", "error: Must specify --filename or --image for new controller\nSee 'kubectl rolling-update -h' for help and examples.\n"),
        ("kubectl rolling-update kubia-v1 --image=luksa/kubia:v1",
         "error: --image-pull-policy (Always|Never|IfNotPresent) must be provided when --image is the same as existing container image\nSee 'kubectl rolling-update -h' for help and examples.\n"),
        ("kubectl rolling-update nothing --image=luksa/kubia:v2", "Error from server (NotFound): replicationcontrollers \"nothing\" not found\n"),
    ])
    func refusals(line: String, error: String) throws {
        let harness = try harness()
        let result = harness.run(line)
        #expect(result.error == error)
        #expect(result.status == 1)
    }
}
