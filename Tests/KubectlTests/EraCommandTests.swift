import Eras
import Testing
@testable import Kubectl

/// What the era's kubectl has and prints, from its `Era` value: commands of later releases
/// answer as unknown (with a note on today's way), and the version is the era's build.
@Suite struct EraCommandTests {
    /// kubectl 1.8 has neither command (both arrived in 1.11): cobra's unknown-command error
    /// (`Error: …` then `Run …`, no blank line without suggestions), then a note on stderr.
    @Test(arguments: [
        ("kubectl wait --for=condition=Ready pod/kubia", "Error: unknown command \"wait\" for \"kubectl\"\nRun 'kubectl --help' for usage.\n",
         "note: `kubectl wait` arrived in kubectl 1.11"),
        ("kubectl api-resources", "Error: unknown command \"api-resources\" for \"kubectl\"\nRun 'kubectl --help' for usage.\n",
         "note: `kubectl api-resources` arrived in kubectl 1.11"),
    ])
    func laterCommandsAreUnknown(line: String, error: String, note: String) throws {
        let harness = try KubectlHarness()
        let result = harness.run(line)
        #expect(result.status == 1)
        #expect(result.output == "")
        #expect(result.error.hasPrefix(error), "\(result.error)")
        #expect(result.error.contains(note))
        // The note comes once per session.
        #expect(!harness.run(line).error.contains("note:"))
    }

    @Test func notesCanBeTurnedOff() throws {
        let harness = try KubectlHarness()
        harness.environment["KUBELAB_MODERN_NOTES"] = "off"
        #expect(!harness.run("kubectl wait pod/x").error.contains("note:"))
    }

    @Test func laterCommandsAreNotOfferedOrHelped() throws {
        let harness = try KubectlHarness()
        #expect(harness.program.completions(for: ["kubectl"], current: "wa").isEmpty)
        #expect(harness.program.completions(for: ["kubectl"], current: "api-").contains("api-versions"))
        #expect(!harness.program.completions(for: ["kubectl"], current: "api-").contains("api-resources"))
        #expect(harness.run("kubectl help wait").output.hasPrefix("Unknown help topic [\"wait\"]"))
        #expect(!harness.run("kubectl completion bash").output.contains("api-resources"))
    }

    @Test func theVersionIsTheEras() throws {
        let harness = try KubectlHarness()
        let era = Era.kubernetesInAction
        #expect(harness.run("kubectl version --short").output == "Client Version: \(era.kubectl.version)\nServer Version: \(era.kubernetes.version)\n")
        // kubectl 1.8.0's own build and the 1.8.0 server's, as the released binaries print them.
        #expect(harness.run("kubectl version").output == """
            Client Version: version.Info{Major:"1", Minor:"8", GitVersion:"v1.8.0", GitCommit:"6e937839ac04a38cac63e6a7a306c5d035fe7b0a", GitTreeState:"clean", BuildDate:"2017-09-28T22:57:57Z", GoVersion:"go1.8.3", Compiler:"gc", Platform:"linux/amd64"}
            Server Version: version.Info{Major:"1", Minor:"8", GitVersion:"v1.8.0", GitCommit:"0b9efaeb34a2fc51ff8e4d34ad9bc6375459c4a4", GitTreeState:"clean", BuildDate:"2017-10-17T15:09:55Z", GoVersion:"go1.8.3", Compiler:"gc", Platform:"linux/amd64"}

            """)
    }

    /// Another profile changes what kubectl does with no change to kubectl: the seam a
    /// profile of today's tools will use (this is not that profile, only a variation).
    @Test func anotherEraNeedsNoChangeToKubectl() throws {
        var era = Era.kubernetesInAction
        era.kubectl.laterCommands = []
        era.kubectl.notes = nil
        era.kubectl.version = "v1.11.0"
        era.kubectl.runGenerators["Always"] = "run-pod/v1"
        let harness = try KubectlHarness(era: era)
        #expect(harness.run("kubectl version --short --client").output == "Client Version: v1.11.0\n")
        let waited = harness.run("kubectl wait --for=delete pod/gone --timeout=0s")
        #expect(!waited.error.contains("unknown command"))
        #expect(!waited.error.contains("note:"))
        let ran = harness.run("kubectl run a --image=busybox --generator=run/v1")
        #expect(ran.output == "replicationcontroller \"a\" created\n" && ran.error == "")
        #expect(harness.run("kubectl run b --image=busybox").output == "pod \"b\" created\n")
    }

    @Test func runPicksTheErasGeneratorByRestartPolicy() throws {
        let harness = try KubectlHarness()
        #expect(harness.run("kubectl run a --image=busybox").output == "deployment \"a\" created\n")
        #expect(harness.run("kubectl run b --image=busybox --restart=Never").output == "pod \"b\" created\n")
    }
}
