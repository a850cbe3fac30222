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
        ("kubectl rolling-update --image=x", "error: Must specify the controller to update\nSee 'kubectl rolling-update -h' for help and examples.\n"),
        ("kubectl rolling-update", "Must specify --filename or --image for new controller\nSee 'kubectl rolling-update -h' for help and examples.\n"
            + "Must specify the controller to update\nSee 'kubectl rolling-update -h' for help and examples.\n"),
        ("kubectl rolling-update kubia-v1 -f a.yaml --image=x", "error: --filename and --image can not both be specified\nSee 'kubectl rolling-update -h' for help and examples.\n"),
        ("kubectl rolling-update kubia-v1 -f a.yaml -f b.yaml", "error: May only specify a single filename for new controller\nSee 'kubectl rolling-update -h' for help and examples.\n"),
        ("kubectl rolling-update kubia-v1 --rollback --image=x", "error: Don't specify --filename or --image on rollback\nSee 'kubectl rolling-update -h' for help and examples.\n"),
        ("kubectl rolling-update kubia-v1 kubia-v2 --rollback", "error: Could not find kubia-v2 to rollback.\n\nSee 'kubectl rolling-update -h' for help and examples.\n"),
        ("kubectl rolling-update kubia-v1 -f kubia-rc.yaml", "error: kubia-rc.yaml cannot have the same name as the existing ReplicationController kubia-v1\nSee 'kubectl rolling-update -h' for help and examples.\n"),
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

    /// `--dry-run` names the two controllers; like 1.8 it has already given the old one its key.
    @Test func dryRunNamesBothAndCreatesNothing() throws {
        let harness = try harness()
        let result = harness.run("kubectl rolling-update kubia-v1 kubia-v2 --image=luksa/kubia:v2 --dry-run")
        #expect(result.output == "Rolling from:\nkubia-v1\nTo:\nkubia-v2\n")
        #expect(try harness.client.list(ReplicationController.self, namespace: "default").items.map(\.name) == ["kubia-v1"])
    }

    /// `-f`: the new controller from a file; its selector must part from the old one's on a key;
    /// without replicas it takes the old count.
    @Test func aNewControllerFromAFile() throws {
        let harness = try harness()
        let next = Self.controller.replacingOccurrences(of: "kubia-v1", with: "kubia-v2")
            .replacingOccurrences(of: "  replicas: 3\n", with: "  selector:\n    app: kubia\n    deployment: v2\n")
            .replacingOccurrences(of: "        app: kubia\n", with: "        app: kubia\n        deployment: v2\n")
            .replacingOccurrences(of: "kubia:v1", with: "kubia:v2")
        try harness.write("/root/kubia-v2.yaml", next)
        try harness.write("/root/same.yaml", next.replacingOccurrences(of: "deployment: v2", with: "other: v2"))
        #expect(harness.run("kubectl rolling-update kubia-v1 -f same.yaml").error
            == "error: same.yaml must specify a matching key with non-equal value in Selector for kubia-v1\nSee 'kubectl rolling-update -h' for help and examples.\n")
        try harness.write("/root/pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: busybox\n")
        #expect(harness.run("kubectl rolling-update kubia-v1 -f pod.yaml").error
            == "error: pod.yaml contains a /v1, Kind=Pod not a ReplicationController\nSee 'kubectl rolling-update -h' for help and examples.\n")
        // The old selector has no `deployment` key: give it one the new one differs on.
        try harness.client.modify(ReplicationController.self, namespace: "default", name: "kubia-v1") { (rc: inout ReplicationController) throws(APIError) in
            rc.spec?.selector?["deployment"] = "v1"
            rc.spec?.template?.metadata?.labels?["deployment"] = "v1"
        }
        let result = harness.run("kubectl rolling-update kubia-v1 -f kubia-v2.yaml --update-period=5s")
        #expect(result.output.hasPrefix("Created kubia-v2\nScaling up kubia-v2 from 0 to 3, scaling down kubia-v1 from 3 to 0 (keep 3 pods available, don't exceed 4 pods)\n"))
        #expect(result.output.hasSuffix("Update succeeded. Deleting kubia-v1\nreplicationcontroller \"kubia-v1\" rolling updated to \"kubia-v2\"\n"))
        let controllers = try harness.client.list(ReplicationController.self, namespace: "default").items
        #expect(controllers.map(\.name) == ["kubia-v2"])
        #expect(controllers.first?.spec?.replicas == 3)
    }

    /// `--rollback` of an interrupted update: the two swap, the old controller is sized back
    /// to its original count, the new one is scaled away and deleted.
    @Test func rollbackReversesAnInterruptedUpdate() throws {
        let harness = try harness()
        _ = harness.run(words: KubectlHarness.split("kubectl rolling-update kubia-v1 kubia-v2 --image=luksa/kubia:v2 --update-period=30s"), interruptAfter: .seconds(5))
        let busy = harness.run("kubectl rolling-update kubia-v1 kubia-v2 --image=luksa/kubia:v3")
        #expect(busy.error == "error: Found existing in-progress update to image (luksa/kubia:v2).\nEither continue in-progress update with --image=luksa/kubia:v2 or rollback with --rollback\nSee 'kubectl rolling-update -h' for help and examples.\n")
        let result = harness.run("kubectl rolling-update kubia-v1 kubia-v2 --rollback --update-period=5s")
        #expect(result.output.hasPrefix("Setting \"kubia-v1\" replicas to 3\nContinuing update with existing controller kubia-v1.\nScaling up kubia-v1 from "))
        #expect(result.output.hasSuffix("Update succeeded. Deleting kubia-v2\nreplicationcontroller \"kubia-v1\" rolling updated to \"kubia-v2\"\n"))
        harness.advance(.seconds(30))
        let controllers = try harness.client.list(ReplicationController.self, namespace: "default").items
        #expect(controllers.map(\.name) == ["kubia-v1"])
        #expect(controllers.first?.spec?.replicas == 3)
    }
}
