@testable import Kubectl
import KubernetesAPI
import Testing

/// `kubectl completion`: the script it writes from kubectl's own command table, and its errors.
@Suite struct CompletionCommandTests {
    @Test(arguments: CompletionScript.Shell.allCases)
    func scriptListsEveryCommandAndResourceType(shell: CompletionScript.Shell) throws {
        let harness = try KubectlHarness()
        let result = harness.run("kubectl completion \(shell.rawValue)")
        #expect(result.status == 0)
        #expect(result.error == "")
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let commands = try #require(lines.first { $0.hasPrefix("__kubectl_commands=") })
        let available = Commands.available(in: harness.program.era)
        #expect(commands == "__kubectl_commands=\"" + available.map(\.name).sorted().joined(separator: " ") + "\"")
        #expect(!commands.contains("wait") && !commands.contains("api-resources"))
        let types = try #require(lines.first { $0.hasPrefix("__kubectl_resource_types=") })
        #expect(types.contains(" pods ") && types.contains("\"all ") && types.contains(" services"))
        for command in available {
            #expect(lines.contains { $0.hasPrefix("        \(command.name)) echo \"") }, "flags of \(command.name)")
        }
        #expect(lines.contains("        port-forward) echo \"--pod -p --help -h --namespace -n --context --kubeconfig --server -s --v -v\" ;;"))
        #expect(result.output.hasSuffix(shell == .bash ? "complete -o default -F __kubectl_complete kubectl\n" : "compdef _kubectl kubectl\n"))
        #expect(result.output.hasPrefix(shell == .bash ? "# bash completion for kubectl\n" : "#compdef kubectl\n"))
    }

    @Test(arguments: [
        ("logs", CompletionScript.ArgumentKind.pod), ("port-forward", .pod), ("get", .resource), ("delete", .resource),
        ("completion", .shell), ("run", .none), ("version", .none),
    ])
    func argumentKinds(command: String, kind: CompletionScript.ArgumentKind) {
        #expect(CompletionScript.argumentKind(of: command) == kind)
    }

    @Test(arguments: [
        ("kubectl completion", "error: Shell not specified.\nSee 'kubectl completion -h' for help and examples.\n"),
        ("kubectl completion fish", "error: Unsupported shell type \"fish\".\nSee 'kubectl completion -h' for help and examples.\n"),
        ("kubectl completion bash zsh", "error: Too many arguments. Expected only the shell type.\nSee 'kubectl completion -h' for help and examples.\n"),
    ])
    func errors(line: String, expected: String) throws {
        let harness = try KubectlHarness()
        let result = harness.run(line)
        #expect(result.error == expected)
        #expect(result.output == "")
        #expect(result.status == 1)
    }

    @Test func helpHasNoOptionsSection() throws {
        let harness = try KubectlHarness()
        let help = harness.run("kubectl completion -h").output
        #expect(help.hasPrefix("Output shell completion code for the specified shell (bash or zsh). The shell code must be evalutated to provide\n"))
        #expect(help.contains("Examples:\n  # Install bash completion on a Mac using homebrew\n"))
        #expect(!help.contains("Options:"))
        #expect(help.contains("Usage:\n  kubectl completion SHELL [options]\n"))
    }

    @Test(arguments: [
        (["kubectl", "completion"], "", ["bash", "zsh"]),
        (["kubectl", "port-forward"], "--p", ["--pod"]),
        (["kubectl"], "port", ["port-forward"]),
    ])
    func tabCompletion(words: [String], prefix: String, expected: [String]) throws {
        let harness = try KubectlHarness()
        #expect(harness.program.completions(for: words, current: prefix) == expected)
    }
}
