import KubernetesAPI
import StructuredData

extension Commands {
    static let edit = CommandSpec(
        name: "edit",
        summary: "Edit a resource on the server",
        description: """
            Edit a resource from the default editor.

            The edit command allows you to directly edit any API resource you can retrieve via the command line tools. It will open
            the editor defined by your KUBE_EDITOR, or EDITOR environment variables, or fall back to 'vi' for Linux or 'notepad' for
            Windows. You can edit multiple objects, although changes are applied one at a time. The command accepts filenames as
            well as command line arguments, although the files you point to must be previously saved versions of resources.

            Editing is done with the API version used to fetch the resource. To edit using a specific API version, fully-qualify the
            resource, version, and group.

            The default format is YAML. To edit in JSON, specify "-o json".
            """,
        examples: """
              # Edit the service named 'docker-registry':
              kubectl edit svc/docker-registry

              # Use an alternative editor
              KUBE_EDITOR="nano" kubectl edit svc/docker-registry

              # Edit the job 'myjob' in JSON using the v1 API format:
              kubectl edit job.v1.batch/myjob -o json
            """,
        usage: "kubectl edit (RESOURCE/NAME | -f FILENAME) [options]",
        declareFlags: { flags in
            flags.add("output", "o", .string, default: "yaml", "Output format. One of: yaml|json.")
            flags.add("record", nil, .bool, ChangeCause.flagHelp)
        },
        run: { invocation, flags in
            let simulatedEditor = EditorCommand(environment: invocation.context.environment)
            let hostEditor = invocation.program.editor
            guard simulatedEditor != nil || hostEditor != nil else {
                throw KubectlError.message("unable to launch the editor \"vi\"")
            }
            let requests = try ResourceArguments.parse(flags.positional, allowAll: false)
            guard let request = requests.first, let name = request.names.first else {
                throw KubectlError.usage("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'", command: "edit")
            }
            let client = try invocation.client()
            let namespace = request.type.namespaced ? invocation.namespace : nil
            let object = try request.type.get(client, namespace, name)
            let json = flags.string("output") == "json"
            let original = ObjectOutput.withTypeMeta(object)
            let body = json ? original.jsonText(indent: "    ") + "\n" : original.yamlText(style: invocation.era.kubectl.yamlStyle)
            let header = """
                # Please edit the object below. Lines beginning with a '#' will be ignored,
                # and an empty file will abort the edit. If an error occurs while saving this file will be
                # reopened with the relevant failures.
                #

                """
            let fileName = "/tmp/kubectl-edit-\(object.uid.prefix(5))." + (json ? "json" : "yaml")
            let text = Array((header + body).utf8)
            let result: [UInt8]?
            if let simulatedEditor {
                result = try await simulatedEditor.edit(path: fileName, contents: text, context: invocation.context)
            } else if let hostEditor {
                result = await hostEditor(fileName, text)
            } else {
                result = nil
            }
            guard let editedBytes = result else {
                throw KubectlError.message("there was a problem with the editor \"\(simulatedEditor?.setting ?? "vi")\"")
            }
            let edited = String(decoding: editedBytes, as: UTF8.self)
            let content = edited.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("#") }.joined(separator: "\n")
            guard !content.allSatisfy(\.isWhitespace) else {
                invocation.printError("Edit cancelled, saved file was empty.\n")
                return 0
            }
            let manifests = try Manifests.parse(content, source: fileName)
            guard let manifest = manifests.first else {
                invocation.printError("Edit cancelled, saved file was empty.\n")
                return 0
            }
            // kubectl compares the saved bytes with what it wrote, comments stripped.
            let unchanged = body.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("#") }.joined(separator: "\n")
            if content == unchanged || manifest.value == original {
                invocation.printError("Edit cancelled, no changes made.\n")
                return 0
            }
            var updated = try manifest.decode()
            updated.metadata.namespace = namespace
            // 1.8's edit records when asked or when the saved object carries a change cause already.
            if flags.bool("record") || updated.metadata.annotations?[ChangeCause.annotation] != nil {
                updated.metadata.annotations = (updated.metadata.annotations ?? [:]).merging([ChangeCause.annotation: ChangeCause.command(invocation)]) { _, new in new }
            }
            let saved = try manifest.type.update(client, updated)
            invocation.print(Messages.operation(saved, "edited"))
            return 0
        })
}
