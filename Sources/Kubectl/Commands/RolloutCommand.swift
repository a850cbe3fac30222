import Formatting
import KubernetesAPI
import Kernel
import StructuredData

/// `kubectl rollout` (1.8's `pkg/kubectl/cmd/rollout`): status, history, undo, pause, resume.
extension Commands {
    static let rollout = CommandSpec(
        name: "rollout",
        summary: "Manage the rollout of a resource",
        description: """
            Manage the rollout of a resource.

            Valid resource types include:

              * deployments
              * daemonsets
              * statefulsets
            """,
        examples: """
              # Rollback to the previous deployment
              kubectl rollout undo deployment/abc

              # Check the rollout status of a daemonset
              kubectl rollout status daemonset/foo
            """,
        usage: "kubectl rollout SUBCOMMAND [options]",
        subcommands: [rolloutHistory, rolloutPause, rolloutResume, rolloutStatus, rolloutUndo],
        listsSubcommands: true,
        run: { invocation, flags in
            if let word = flags.positional.first {
                throw KubectlError.raw("Error: unknown command \(goQuoted(word)) for \"kubectl rollout\"\nRun 'kubectl rollout --help' for usage.")
            }
            invocation.print(Commands.named(invocation.commandName, in: invocation.era)?.helpText ?? "")
            return 0
        })

    static func declareResourceFlags(_ flags: inout FlagSet, _ purpose: String) {
        flags.add("filename", "f", .strings, "Filename, directory, or URL to files identifying the resource to \(purpose)")
        flags.add("recursive", "R", .bool, "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.")
    }

    static let rolloutStatus = CommandSpec(
        name: "status",
        summary: "Show the status of the rollout",
        description: """
            Show the status of the rollout.

            By default 'rollout status' will watch the status of the latest rollout until it's done. If you don't want to wait for the rollout to finish then you can use --watch=false. Note that if a new rollout starts in-between, then 'rollout status' will continue watching the latest revision. If you want to pin to a specific revision and abort if it is rolled over by another revision, use --revision=N where N is the revision you need to watch for.
            """,
        examples: """
              # Watch the rollout status of a deployment
              kubectl rollout status deployment/nginx
            """,
        usage: "kubectl rollout status (TYPE NAME | TYPE/NAME) [flags] [options]",
        declareFlags: { flags in
            declareResourceFlags(&flags, "get from a server.")
            flags.add("revision", nil, .int, default: "0", "Pin to a specific revision for showing its status. Defaults to 0 (last revision).")
            flags.add("watch", "w", .bool, default: "true", "Watch the status of the rollout until it's done.")
        },
        run: { invocation, flags in try await RolloutStatus(invocation: invocation, flags: flags).run() })

    static let rolloutHistory = CommandSpec(
        name: "history",
        summary: "View rollout history",
        description: "View previous rollout revisions and configurations.",
        examples: """
              # View the rollout history of a deployment
              kubectl rollout history deployment/abc

              # View the details of daemonset revision 3
              kubectl rollout history daemonset/abc --revision=3
            """,
        usage: "kubectl rollout history (TYPE NAME | TYPE/NAME) [flags] [options]",
        declareFlags: { flags in
            declareResourceFlags(&flags, "get from a server.")
            flags.add("revision", nil, .int, default: "0", "See the details, including podTemplate of the revision specified")
        },
        run: { invocation, flags in
            let client = try invocation.client()
            for deployment in try await RolloutTarget.deployments(invocation, flags, verb: "history", viewer: "history viewer") {
                let revision = Int64(flags.int("revision") ?? 0)
                let history = try RolloutHistory.view(deployment, client: client, revision: revision, now: invocation.now)
                var header = "deployments \(goQuoted(deployment.name))"
                if revision > 0 { header += " with revision #\(revision)" }
                invocation.print(header + "\n" + history + "\n")
            }
            return 0
        })

    static let rolloutPause = CommandSpec(
        name: "pause",
        summary: "Mark the provided resource as paused",
        description: """
            Mark the provided resource as paused

            Paused resources will not be reconciled by a controller. Use "kubectl rollout resume" to resume a paused resource. Currently only deployments support being paused.
            """,
        examples: """
              # Mark the nginx deployment as paused. Any current state of
              # the deployment will continue its function, new updates to the deployment will not
              # have an effect as long as the deployment is paused.
              kubectl rollout pause deployment/nginx
            """,
        usage: "kubectl rollout pause RESOURCE [options]",
        declareFlags: { flags in declareResourceFlags(&flags, "get from a server.") },
        run: { invocation, flags in try await RolloutTarget.setPaused(true, invocation, flags) })

    static let rolloutResume = CommandSpec(
        name: "resume",
        summary: "Resume a paused resource",
        description: """
            Resume a paused resource

            Paused resources will not be reconciled by a controller. By resuming a resource, we allow it to be reconciled again. Currently only deployments support being resumed.
            """,
        examples: """
              # Resume an already paused deployment
              kubectl rollout resume deployment/nginx
            """,
        usage: "kubectl rollout resume RESOURCE [options]",
        declareFlags: { flags in declareResourceFlags(&flags, "get from a server.") },
        run: { invocation, flags in try await RolloutTarget.setPaused(false, invocation, flags) })

    static let rolloutUndo = CommandSpec(
        name: "undo",
        summary: "Undo a previous rollout",
        description: "Rollback to a previous rollout.",
        examples: """
              # Rollback to the previous deployment
              kubectl rollout undo deployment/abc

              # Rollback to daemonset revision 3
              kubectl rollout undo daemonset/abc --to-revision=3
            """,
        usage: "kubectl rollout undo (TYPE NAME | TYPE/NAME) [flags] [options]",
        declareFlags: { flags in
            declareResourceFlags(&flags, "get from a server.")
            flags.add("to-revision", nil, .int, default: "0", "The revision to rollback to. Default to 0 (last revision).")
        },
        run: { invocation, flags in try await RolloutUndo(invocation: invocation, flags: flags).run() })
}

/// The deployments a rollout subcommand names (`deployment kubia`, `deploy/kubia`, `-f file`).
enum RolloutTarget {
    static func deployments(_ invocation: Invocation, _ flags: ParsedFlags, verb: String, viewer: String) async throws -> [Deployment] {
        let client = try invocation.client()
        var found: [(ResourceType, String)] = []
        if !flags.strings("filename").isEmpty {
            let manifests = try await Manifests.read(flags.strings("filename"), invocation: invocation, recursive: flags.bool("recursive"))
            found = manifests.map { ($0.type, $0.value["metadata"]?["name"]?.stringValue ?? "") }
        } else {
            let requests = try ResourceArguments.parse(flags.positional, allowAll: false)
            guard !requests.isEmpty, requests.allSatisfy({ !$0.names.isEmpty }) else {
                throw KubectlError.usage("required resource not specified", command: "rollout " + verb)
            }
            found = requests.flatMap { request in request.names.map { (request.type, $0) } }
        }
        var deployments: [Deployment] = []
        for (type, name) in found {
            let object = try type.get(client, invocation.namespace, name)
            guard let deployment = object as? Deployment else {
                let kind = type.resource.group.isEmpty ? type.kind : type.kind + "." + type.resource.group
                throw KubectlError.message(viewer == "history viewer"
                    ? "no history viewer has been implemented for \(goQuoted(kind))"
                    : "no \(viewer) has been implemented for \(kind)")
            }
            deployments.append(deployment)
        }
        return deployments
    }

    /// `rollout pause` / `resume`: one patch of `spec.paused`, or `already paused`.
    static func setPaused(_ paused: Bool, _ invocation: Invocation, _ flags: ParsedFlags) async throws -> Int32 {
        let client = try invocation.client()
        let verb = paused ? "pause" : "resume"
        for deployment in try await deployments(invocation, flags, verb: verb, viewer: verb + "r") {
            let done = paused ? "paused" : "resumed"
            if (deployment.spec?.paused ?? false) == paused {
                invocation.print(Messages.operation(kind: "deployment", name: deployment.name, "already " + done))
                continue
            }
            let patch: JSONValue = ["spec": ["paused": .bool(paused)]]
            _ = try client.patch(Deployment.self, namespace: deployment.namespace, name: deployment.name, mergePatch: patch)
            invocation.print(Messages.operation(kind: "deployment", name: deployment.name, done))
        }
        return 0
    }
}
