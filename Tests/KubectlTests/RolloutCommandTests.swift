import Testing
import KubernetesAPI
import Simulation
import StructuredData
@testable import Kubectl

/// `kubectl rollout`, `set image`, `patch` and `--record` on deployments, as kubectl 1.8
/// (`pkg/kubectl/cmd/rollout`, `rollout_status.go`, `history.go`, `set_image.go`, `patch.go`,
/// `cmdutil.RecordChangeCause`) prints them.
struct RolloutCommandTests {
    static let manifest = """
        apiVersion: apps/v1beta1
        kind: Deployment
        metadata:
          name: kubia
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

    private func harness(record: Bool = true) throws -> KubectlHarness {
        let harness = try KubectlHarness()
        try harness.write("/root/kubia-deployment-v1.yaml", Self.manifest)
        let created = harness.run("kubectl create -f kubia-deployment-v1.yaml" + (record ? " --record" : ""))
        #expect(created.output == "deployment \"kubia\" created\n")
        harness.advance(.seconds(30))
        return harness
    }

    private func deployment(_ harness: KubectlHarness) throws -> Deployment {
        try harness.client.get(Deployment.self, namespace: "default", name: "kubia")
    }

    /// `f.Command`: the base name, the words that are not flags, then each flag as given.
    @Test(arguments: [
        (["kubectl", "create", "-f", "kubia-deployment-v1.yaml", "--record"], "kubectl create --filename=kubia-deployment-v1.yaml --record=true"),
        (["kubectl", "set", "image", "deployment", "kubia", "nodejs=luksa/kubia:v2", "--record"], "kubectl set image deployment kubia nodejs=luksa/kubia:v2 --record=true"),
        (["/usr/local/bin/kubectl", "set", "image", "deploy/kubia", "nodejs=luksa/kubia:v3", "--record=true", "-n", "default"],
         "kubectl set image deploy/kubia nodejs=luksa/kubia:v3 --record=true --namespace=default"),
    ])
    func changeCauseIsTheCommandLine(words: [String], expected: String) throws {
        let harness = try harness(record: false)
        try harness.write("/root/kubia-deployment-v1.yaml", Self.manifest.replacingOccurrences(of: "name: kubia\nspec", with: "name: other\nspec"))
        _ = harness.run(words: words)
        let name = words.contains("create") ? "other" : "kubia"
        let stored = try harness.client.get(Deployment.self, namespace: "default", name: name)
        #expect(stored.metadata.annotations?[ChangeCause.annotation] == expected)
    }

    @Test func setImageRecordsOnceACauseExistsUnlessToldNot() throws {
        let harness = try harness()
        let result = harness.run("kubectl set image deployment kubia nodejs=luksa/kubia:v2")
        #expect(result.output == "deployment \"kubia\" image updated\n")
        #expect(try deployment(harness).metadata.annotations?[ChangeCause.annotation] == "kubectl set image deployment kubia nodejs=luksa/kubia:v2")
        _ = harness.run("kubectl set image deployment kubia nodejs=luksa/kubia:v3 --record=false")
        #expect(try deployment(harness).metadata.annotations?[ChangeCause.annotation] == "kubectl set image deployment kubia nodejs=luksa/kubia:v2")
        #expect(try deployment(harness).spec?.template?.spec?.containers[0].image == "luksa/kubia:v3")
    }

    /// A recorded replace rolls out and names itself in the history.
    @Test func recordedReplaceRollsOut() throws {
        let harness = try harness()
        try harness.write("/root/kubia-deployment-v2.yaml", Self.manifest.replacingOccurrences(of: "kubia:v1", with: "kubia:v2"))
        #expect(harness.run("kubectl replace -f kubia-deployment-v2.yaml --record").output == "deployment \"kubia\" replaced\n")
        harness.advance(.seconds(60))
        let history = harness.run("kubectl rollout history deployment kubia").output
        #expect(history.contains("2         kubectl replace --filename=kubia-deployment-v2.yaml --record=true\n"))
    }

    @Test(arguments: [
        ("kubectl set image deployment kubia nodejs", "error: at least one image update is required\nSee 'kubectl set image -h' for help and examples.\n"),
        ("kubectl set image deployment kubia web=luksa/kubia:v2", "error: unable to find container named \"web\"\n"),
        ("kubectl set image deployment kubia nodejs=luksa/kubia:v1", "error: info: deployments \"kubia\" was not changed\n"),
    ])
    func setImageErrors(line: String, error: String) throws {
        let harness = try harness()
        let result = harness.run(line)
        #expect(result.error == error)
        #expect(result.status == 1)
    }

    /// `DeploymentStatusViewer.Status`, case by case.
    @Test(arguments: [
        (Int64(2), Int64(1), Int32(3), Int32(3), Int32(3), Int32(3), "Waiting for deployment spec update to be observed...\n"),
        (1, 1, 3, 4, 1, 3, "Waiting for rollout to finish: 1 out of 3 new replicas have been updated...\n"),
        (1, 1, 3, 4, 3, 3, "Waiting for rollout to finish: 1 old replicas are pending termination...\n"),
        (1, 1, 3, 3, 3, 2, "Waiting for rollout to finish: 2 of 3 updated replicas are available...\n"),
        (1, 1, 3, 3, 3, 3, "deployment \"kubia\" successfully rolled out\n"),
    ])
    func statusLines(generation: Int64, observed: Int64, desired: Int32, replicas: Int32, updated: Int32, available: Int32, expected: String) throws {
        var value = Deployment(metadata: ObjectMeta(name: "kubia"), spec: DeploymentSpec(replicas: desired))
        value.metadata.generation = generation
        var status = DeploymentStatus()
        status.observedGeneration = observed
        status.replicas = replicas
        status.updatedReplicas = updated
        status.availableReplicas = available
        value.status = status
        #expect(try RolloutStatusText.status(of: value, revision: 0).text == expected)
    }

    @Test func statusFailsPastTheDeadline() {
        var value = Deployment(metadata: ObjectMeta(name: "kubia"), spec: DeploymentSpec(replicas: 3))
        var status = DeploymentStatus()
        status.conditions = [DeploymentCondition(type: "Progressing", status: .false, reason: "ProgressDeadlineExceeded")]
        value.status = status
        do {
            _ = try RolloutStatusText.status(of: value, revision: 0)
            Issue.record("no failure")
        } catch {
            #expect(error.text == "error: deployment \"kubia\" exceeded its progress deadline\n")
        }
    }

    @Test func statusWatchesUntilRolledOut() throws {
        let harness = try harness()
        _ = harness.run("kubectl set image deployment kubia nodejs=luksa/kubia:v2")
        let result = harness.run("kubectl rollout status deployment kubia")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Waiting for rollout to finish: ") == true)
        #expect(lines.last == "deployment \"kubia\" successfully rolled out")
        #expect(result.status == 0)
        #expect(harness.run("kubectl rollout status deploy/kubia").output == "deployment \"kubia\" successfully rolled out\n")
        #expect(harness.run("kubectl rollout status rc kubia").error == "Error from server (NotFound): replicationcontrollers \"kubia\" not found\n")
    }

    @Test func historyListsRevisionsWithTheirCauses() throws {
        let harness = try harness()
        _ = harness.run("kubectl set image deployment kubia nodejs=luksa/kubia:v2")
        harness.advance(.seconds(60))
        let history = harness.run("kubectl rollout history deployment kubia")
        #expect(history.output == """
            deployments "kubia"
            REVISION  CHANGE-CAUSE
            1         kubectl create --filename=kubia-deployment-v1.yaml --record=true
            2         kubectl set image deployment kubia nodejs=luksa/kubia:v2


            """)
        let revision = harness.run("kubectl rollout history deployment kubia --revision=2")
        let hash = try #require(try harness.client.list(ReplicaSet.self, namespace: "default").items
            .first { $0.spec?.template?.spec?.containers[0].image == "luksa/kubia:v2" }?.spec?.template?.metadata?.labels?["pod-template-hash"])
        #expect(revision.output == """
            deployments "kubia" with revision #2
            Pod Template:
              Labels:\tapp=kubia
              \tpod-template-hash=\(hash)
              Annotations:\tkubernetes.io/change-cause=kubectl set image deployment kubia nodejs=luksa/kubia:v2
              Containers:
               nodejs:
                Image:\tluksa/kubia:v2
                Port:\t<none>
                Environment:\t<none>
                Mounts:\t<none>
              Volumes:\t<none>


            """)
        #expect(harness.run("kubectl rollout history deployment kubia --revision=7").error == "error: unable to find the specified revision\n")
        #expect(harness.run("kubectl rollout history rc/kubia").error == "Error from server (NotFound): replicationcontrollers \"kubia\" not found\n")
    }

    @Test func scaleRecordsItsCommandLineAfterScaling() throws {
        let harness = try harness(record: false)
        func cause() throws -> String? { try deployment(harness).metadata.annotations?[ChangeCause.annotation] }
        #expect(harness.run("kubectl scale deploy kubia --replicas=4").output == "deployment \"kubia\" scaled\n")
        #expect(try cause() == nil)
        #expect(harness.run("kubectl scale deploy kubia --replicas=4 --record").output == "deployment \"kubia\" scaled\n")
        #expect(try cause() == "kubectl scale deploy kubia --replicas=4 --record=true")
        #expect(try deployment(harness).spec?.replicas == 4)
        // Once there is a cause, later scales keep it current unless told not to.
        harness.run("kubectl scale --replicas=2 deployment/kubia")
        #expect(try cause() == "kubectl scale deployment/kubia --replicas=2")
        harness.run("kubectl scale deploy kubia --replicas=3 --record=false")
        #expect(try cause() == "kubectl scale deployment/kubia --replicas=2")
        #expect(try deployment(harness).spec?.replicas == 3)
    }

    @Test func rolloutHelpListsItsSubcommandsAsCobraDid() {
        let harness = try? KubectlHarness()
        let help = harness?.run("kubectl rollout --help").output ?? ""
        #expect(help.contains("""

            Available Commands:
              history     View rollout history
              pause       Mark the provided resource as paused
              resume      Resume a paused resource
              status      Show the status of the rollout
              undo        Undo a previous rollout

            Usage:
              kubectl rollout SUBCOMMAND [options]

            Use "kubectl <command> --help" for more information about a given command.
            Use "kubectl options" for a list of global command-line options (applies to all commands).

            """))
        // Commands whose subcommands are only partly simulated do not list them.
        #expect(harness?.run("kubectl set --help").output.contains("Available Commands:") == false)
    }

    @Test func describeCutsLongAnnotationsAt200Bytes() throws {
        let harness = try KubectlHarness()
        try harness.write("/root/kubia-deployment-v1.yaml", Self.manifest)
        harness.run("kubectl apply -f kubia-deployment-v1.yaml --record")
        let lines = harness.run("kubectl describe deploy kubia").output.split(separator: "\n", omittingEmptySubsequences: false)
        let applied = try #require(lines.firstIndex { $0.contains("last-applied-configuration=") })
        #expect(lines[applied].hasSuffix("..."))
        #expect(lines[applied].drop { $0 == " " }.utf8.count == 203)
        #expect(lines[applied + 1] == String(repeating: " ", count: 24) + "kubernetes.io/change-cause=kubectl apply --filename=kubia-deployment-v1.yaml --record=true")
        #expect(lines[applied + 2].hasPrefix("Selector:"))
    }

    @Test func undoPauseAndResume() throws {
        let harness = try harness()
        _ = harness.run("kubectl set image deployment kubia nodejs=luksa/kubia:v2")
        harness.advance(.seconds(60))
        #expect(harness.run("kubectl rollout pause deployment kubia").output == "deployment \"kubia\" paused\n")
        #expect(harness.run("kubectl rollout pause deployment kubia").output == "deployment \"kubia\" already paused\n")
        #expect(harness.run("kubectl rollout undo deployment kubia").error
            == "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/kubia' and try again\n")
        #expect(harness.run("kubectl rollout resume deployment kubia").output == "deployment \"kubia\" resumed\n")
        #expect(harness.run("kubectl rollout resume deployment kubia").output == "deployment \"kubia\" already resumed\n")
        #expect(harness.run("kubectl rollout undo deployment kubia").output == "deployment \"kubia\" rolled back\n")
        harness.advance(.seconds(60))
        #expect(try deployment(harness).spec?.template?.spec?.containers[0].image == "luksa/kubia:v1")
        #expect(harness.run("kubectl rollout undo deployment kubia --to-revision=9").output
            == "deployment \"kubia\" skipped rollback (Unable to find the revision to rollback to.)\n")
        #expect(harness.run("kubectl rollout undo deployment kubia --to-revision=3").output
            == "deployment \"kubia\" skipped rollback (The rollback revision contains the same template as current deployment \"kubia\")\n")
    }

    @Test(arguments: [
        ("kubectl patch deployment kubia -p '{\"spec\": {\"minReadySeconds\": 10}}'", "deployment \"kubia\" patched\n", ""),
        ("kubectl patch deployment kubia --type merge -p '{\"spec\":{\"replicas\":3}}'", "deployment \"kubia\" not patched\n", ""),
        ("kubectl patch deployment kubia -p '{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"nodejs\",\"image\":\"luksa/kubia:v4\"}]}}}}'",
         "deployment \"kubia\" patched\n", ""),
        ("kubectl patch deployment kubia --type=json -p '[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":2}]'", "deployment \"kubia\" patched\n", ""),
        ("kubectl patch deployment kubia --type=json -p '[{\"op\":\"replace\",\"path\":\"/spec/nothing\",\"value\":2}]'", "",
         "Error from server: jsonpatch replace operation does not apply: doc is missing key: /spec/nothing\n"),
        ("kubectl patch deployment kubia --type=other -p '{}'", "", "error: --type must be one of [json merge strategic], not \"other\"\n"),
        ("kubectl patch deployment kubia", "", "error: Must specify -p to patch\nSee 'kubectl patch -h' for help and examples.\n"),
    ])
    func patchTypes(line: String, output: String, error: String) throws {
        let harness = try harness()
        let result = harness.run(line)
        #expect(result.output == output)
        #expect(result.error == error)
    }

    @Test func strategicMergeKeepsOtherContainerFields() throws {
        let harness = try harness()
        _ = harness.run("kubectl patch deployment kubia -p '{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"nodejs\",\"image\":\"luksa/kubia:v4\"}]}}}}'")
        let container = try #require(try deployment(harness).spec?.template?.spec?.containers.first)
        #expect(container.image == "luksa/kubia:v4")
        #expect(container.imagePullPolicy == "IfNotPresent")
        _ = harness.run("kubectl patch deployment kubia --type=merge -p '{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"nodejs\",\"image\":\"luksa/kubia:v2\"}]}}}}'")
        #expect(try deployment(harness).spec?.template?.spec?.containers.first?.image == "luksa/kubia:v2")
    }
}

/// The patch formats on plain JSON, including hostile depth.
struct PatchFormatTests {
    @Test func strategicMergeByKeyAndDelete() throws {
        let target = try JSONValue.parse(#"{"containers":[{"name":"a","image":"x"},{"name":"b","image":"y"}]}"#)
        let patch = try JSONValue.parse(#"{"containers":[{"name":"b","$patch":"delete"},{"name":"c","image":"z"}],"x":null}"#)
        let merged = try StrategicMergePatch.apply(patch, to: target)
        #expect(merged == (try JSONValue.parse(#"{"containers":[{"name":"a","image":"x"},{"name":"c","image":"z"}]}"#)))
    }

    @Test func deepPatchesAreRefused() {
        var patch = JSONValue.null
        for _ in 0..<500 {
            var object = JSONObject()
            object["a"] = patch
            patch = .object(object)
        }
        #expect(throws: StrategicMergePatch.TooDeep.self) { try StrategicMergePatch.apply(patch, to: .null) }
        let pointer = String(repeating: "/a", count: 500)
        var operation = JSONObject()
        operation["op"] = .string("add")
        operation["path"] = .string(pointer)
        #expect(throws: JSONPatch.Failure.self) { try JSONPatch.apply(.array([.object(operation)]), to: .null) }
    }

    @Test(arguments: [
        ("[{\"op\":\"add\",\"path\":\"/a/-\",\"value\":3}]", "{\"a\":[1,2,3]}"),
        ("[{\"op\":\"remove\",\"path\":\"/a/0\"}]", "{\"a\":[2]}"),
        ("[{\"op\":\"move\",\"from\":\"/a\",\"path\":\"/b\"}]", "{\"b\":[1,2]}"),
        ("[{\"op\":\"copy\",\"from\":\"/a/1\",\"path\":\"/c\"}]", "{\"a\":[1,2],\"c\":2}"),
    ])
    func jsonPatchOperations(patch: String, expected: String) throws {
        let result = try JSONPatch.apply(try JSONValue.parse(patch), to: try JSONValue.parse("{\"a\":[1,2]}"))
        #expect(result == (try JSONValue.parse(expected)))
    }

    @Test(arguments: [
        ("[{\"op\":\"test\",\"path\":\"/a/0\",\"value\":5}]", "Testing value /a/0 failed"),
        ("[{\"op\":\"frob\",\"path\":\"/a\"}]", "Unexpected kind: frob"),
        ("{\"op\":\"add\"}", "json: cannot unmarshal object into Go value of type jsonpatch.Patch"),
    ])
    func jsonPatchFailures(patch: String, message: String) throws {
        do {
            _ = try JSONPatch.apply(try JSONValue.parse(patch), to: try JSONValue.parse("{\"a\":[1,2]}"))
            Issue.record("no failure")
        } catch let error as JSONPatch.Failure {
            #expect(error.message == message)
        }
    }
}
