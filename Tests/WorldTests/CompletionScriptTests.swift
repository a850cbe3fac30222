import Testing
import Machine
@testable import World

/// The learner's bash sources `kubectl completion bash` (as is, and renamed for an alias, as the
/// book does) without a complaint, and the script's own functions run in it.
@Suite struct CompletionScriptTests {
    private func run(_ lines: [String]) throws -> String {
        var output: [UInt8] = []
        let world = try World(seed: 3, setup: .standard()) { output += $0 }
        for line in lines { world.runUnattended(line) }
        return String(decoding: output, as: UTF8.self)
    }

    @Test(arguments: [
        (["source <(kubectl completion bash)"], "complete -o default -F __kubectl_complete kubectl\n"),
        (["alias k=kubectl", "source <(kubectl completion bash | sed s/kubectl/k/g)"], "complete -o default -F __k_complete k\n"),
        (["kubectl completion bash > ~/.kube-completion", ". ~/.kube-completion"], "complete -o default -F __kubectl_complete kubectl\n"),
    ])
    func sourcesWithoutErrors(lines: [String], registered: String) throws {
        let output = try run(lines + ["echo status $?", "complete -p"])
        #expect(output == "status 0\n" + registered)
    }

    @Test(arguments: [
        // kubectl 1.8 has no api-resources (1.11+).
        ("kubectl ", "annotate api-versions"),
        ("kubectl get ", "all componentstatuses"),
        ("kubectl -n kube-system get pods --", "--all-namespaces "),
        ("kubectl completion ", "bash zsh"),
        ("kubectl port-forward mypod --", "--pod -p --help"),
    ])
    func theCandidatesFunctionRunsInTheShell(line: String, expectedStart: String) throws {
        let output = try run(["source <(kubectl completion bash)", "__kubectl_candidates '\(line)'"])
        #expect(output.hasPrefix(expectedStart))
    }
}
