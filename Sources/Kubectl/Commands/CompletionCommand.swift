import Formatting

extension Commands {
    static let completion = CommandSpec(
        name: "completion",
        summary: "Output shell completion code for the specified shell (bash or zsh)",
        description: """
            Output shell completion code for the specified shell (bash or zsh). The shell code must be evalutated to provide
            interactive completion of kubectl commands.  This can be done by sourcing it from the .bash _profile.

            Note: this requires the bash-completion framework, which is not installed by default on Mac.  This can be installed by
            using homebrew:

              $ brew install bash-completion

            Once installed, bash completion must be evaluated.  This can be done by adding the following line to the .bash profile

              $ source $(brew --prefix)/etc/bash_completion

            Note for zsh users: [1] zsh completions are only supported in versions of zsh >= 5.2
            """,
        examples: """
              # Install bash completion on a Mac using homebrew
              brew install bash-completion
              printf "
              # Bash completion support
              source $(brew --prefix)/etc/bash_completion
              " >> $HOME/.bash_profile
              source $HOME/.bash_profile

              # Load the kubectl completion code for bash into the current shell
              source <(kubectl completion bash)

              # Write bash completion code to a file and source if from .bash_profile
              kubectl completion bash > ~/.kube/completion.bash.inc
              printf "
              # Kubectl shell completion
              source '$HOME/.kube/completion.bash.inc'
              " >> $HOME/.bash_profile
              source $HOME/.bash_profile

              # Load the kubectl completion code for zsh[1] into the current shell
              source <(kubectl completion zsh)
            """,
        usage: "kubectl completion SHELL [options]",
        run: { invocation, flags in
            let arguments = flags.positional
            guard let name = arguments.first else { throw KubectlError.usage("Shell not specified.", command: "completion") }
            guard arguments.count == 1 else {
                throw KubectlError.usage("Too many arguments. Expected only the shell type.", command: "completion")
            }
            guard let shell = CompletionScript.Shell(rawValue: name) else {
                throw KubectlError.usage("Unsupported shell type \(goQuoted(name)).", command: "completion")
            }
            invocation.print(CompletionScript.text(for: shell, era: invocation.program.era))
            return 0
        })
}
