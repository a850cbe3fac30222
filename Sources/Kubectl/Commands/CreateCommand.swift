import Formatting
import KubernetesAPI
import StructuredData

extension Commands {
    static let create = CommandSpec(
        name: "create",
        summary: "Create a resource from a file or from stdin.",
        description: "Create a resource from a file or from stdin.\n\nJSON and YAML formats are accepted.",
        examples: """
              # Create a pod using the data in pod.json.
              kubectl create -f ./pod.json

              # Create a pod based on the JSON passed into stdin.
              cat pod.json | kubectl create -f -

              # Edit the data in docker-registry.yaml in JSON using the v1 API format then create the resource using the edited data.
              kubectl create -f docker-registry.yaml --edit --output-version=v1 -o json
            """,
        usage: "kubectl create -f FILENAME [options]",
        declareFlags: { flags in
            flags.add("allow-missing-template-keys", nil, .bool, default: "true", Commands.allowMissingTemplateKeysHelp)
            flags.add("dry-run", nil, .bool, "If true, only print the object that would be sent, without sending it.")
            flags.add("filename", "f", .strings, "Filename, directory, or URL to files to use to create the resource")
            flags.add("output", "o", .string, "Output mode. Use \"-o name\" for shorter output (resource/name).")
            flags.add("record", nil, .bool, ChangeCause.flagHelp)
            flags.add("recursive", "R", .bool, "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.")
            flags.add("save-config", nil, .bool, "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.")
            flags.add("template", nil, .string, "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].")
            flags.add("validate", nil, .bool, default: "true", "If true, use a schema to validate the input before sending it")
        },
        subcommands: createSubcommands,
        run: { invocation, flags in
            if let subcommand = flags.positional.first {
                throw KubectlError.raw("Error: unknown command \(goQuoted(subcommand)) for \"kubectl create\"\nRun 'kubectl create --help' for usage.")
            }
            return try await ApplyCommand(invocation: invocation, flags: flags, applying: false).run()
        })

    static let apply = CommandSpec(
        name: "apply",
        summary: "Apply a configuration to a resource by filename or stdin",
        description: """
            Apply a configuration to a resource by filename or stdin. This resource will be created if it doesn't exist yet. To use
            'apply', always create the resource initially with either 'apply' or 'create --save-config'.

            JSON and YAML formats are accepted.
            """,
        examples: """
              # Apply the configuration in pod.json to a pod.
              kubectl apply -f ./pod.json

              # Apply the JSON passed into stdin to a pod.
              cat pod.json | kubectl apply -f -
            """,
        usage: "kubectl apply -f FILENAME [options]",
        declareFlags: { flags in
            flags.add("filename", "f", .strings, "that contains the configuration to apply")
            flags.add("output", "o", .string, "Output mode. Use \"-o name\" for shorter output (resource/name).")
            flags.add("record", nil, .bool, ChangeCause.flagHelp)
            flags.add("recursive", "R", .bool, "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.")
            flags.add("validate", nil, .bool, default: "true", "If true, use a schema to validate the input before sending it")
        },
        run: { invocation, flags in try await ApplyCommand(invocation: invocation, flags: flags, applying: true).run() })
}

/// `kubectl create -f` and `kubectl apply -f`.
struct ApplyCommand {
    static let lastAppliedAnnotation = ObjectMeta.lastAppliedConfigurationAnnotation

    let invocation: Invocation
    let flags: ParsedFlags
    let applying: Bool

    var command: String { applying ? "apply" : "create" }

    func run() async throws -> Int32 {
        let files = flags.strings("filename")
        guard !files.isEmpty else {
            throw KubectlError.usage("must specify one of -f and -k", command: command)
        }
        return try await Manifests.forEach(in: flags, invocation: invocation, command: command) { manifest, client, validate throws(KubectlError) in
            noteOutdatedVersion(manifest)
            if validate { noteRefusedFields(manifest) }
            try process(manifest, client: client, validate: validate)
        }
    }

    private func process(_ manifest: Manifest, client: any KubernetesClient, validate: Bool) throws(KubectlError) {
        var object = try manifest.decode(validate: validate)
        let namespace = manifest.namespace(default: invocation.namespace)
        if let declared = manifest.value["metadata"]?["namespace"]?.stringValue, !declared.isEmpty,
           invocation.namespaceWasGiven, declared != invocation.namespace {
            throw .message("the namespace from the provided object \(goQuoted(declared)) does not match the namespace \(goQuoted(invocation.namespace)). You must pass '--namespace=\(declared)' to perform this operation.")
        }
        object.metadata.namespace = namespace
        // The configuration as given, without an annotation it may carry from an earlier apply.
        let configuration = ApplyCommand.removingAnnotation(manifest.value)
        let appliedText = ApplyCommand.lastAppliedConfiguration(configuration)
        if applying || flags.bool("save-config") || manifest.value["metadata"]?["annotations"]?[Self.lastAppliedAnnotation] != nil {
            // apply and --save-config record the configuration; create keeps an annotation the file already had up to date.
            object.metadata.annotations = (object.metadata.annotations ?? [:]).merging([Self.lastAppliedAnnotation: appliedText]) { _, new in new }
        }
        if !applying, try ApplyCommand.printDryRun(object, invocation: invocation, flags: flags) { return }
        if applying, let existing = try? manifest.type.get(client, namespace, object.name) {
            try patch(existing, to: ApplyCommand.settingAnnotation(configuration, appliedText), manifest: manifest, client: client)
            return
        }
        if ChangeCause.shouldRecord(flags, existing: object) {
            object.metadata.annotations = (object.metadata.annotations ?? [:]).merging([ChangeCause.annotation: ChangeCause.command(invocation)]) { _, new in new }
        }
        do {
            let created = try manifest.type.create(client, object)
            report(created, "created")
        } catch {
            throw .raw(KubectlError.frame(framed(error, verb: "creating", source: manifest.source)))
        }
    }

    /// The existing object is patched with what changed since the last apply, or left alone.
    private func patch(_ existing: any APIObject, to modified: JSONValue, manifest: Manifest, client: any KubernetesClient) throws(KubectlError) {
        let lastApplied = existing.metadata.annotations?[Self.lastAppliedAnnotation]
        if lastApplied == nil {
            invocation.printError("Warning: kubectl apply should be used on resource created by either kubectl create --save-config or kubectl apply\n")
        }
        let original = lastApplied.flatMap { try? JSONValue.parse($0) }?.objectValue
        var current = existing.jsonValue.objectValue ?? JSONObject()
        // kubectl reads the live object in the manifest's group version, so the versions agree.
        current["apiVersion"] = modified["apiVersion"]
        var patch = ApplyPatch.threeWay(original: original, modified: modified.objectValue ?? JSONObject(), current: current)
        if patch.isEmpty {
            report(existing, "unchanged")
            return
        }
        // A recorded apply writes its command line with the change (1.8 sends it as a second patch).
        if ChangeCause.shouldRecord(flags, existing: existing) {
            patch = MergePatch.apply(ChangeCause.patch(invocation), to: .object(patch)).objectValue ?? patch
        }
        do {
            let updated = try manifest.type.patch(client, existing.metadata.namespace, existing.name, .object(patch))
            report(updated, "configured")
        } catch {
            throw .raw(KubectlError.frame(framed(error, verb: "applying patch", source: manifest.source)))
        }
    }

    /// `--dry-run`: the object that would be sent with `-o`, else `pod "x" created (dry run)`; false without the flag.
    static func printDryRun(_ object: any APIObject, invocation: Invocation, flags: ParsedFlags) throws(KubectlError) -> Bool {
        guard flags.bool("dry-run") else { return false }
        let output = try ObjectOutput.parse(flags.string("output") ?? "", template: flags.string("template") ?? "",
                                            command: "create", era: invocation.era, allowsMissingKeys: flags.allowsMissingTemplateKeys,
                                            files: invocation)
        try GeneratedObject.print(object, output: output, invocation: invocation)
        return true
    }

    private func report(_ object: any APIObject, _ verb: String) {
        if flags.string("output") == "name" {
            invocation.print(ObjectOutput.name(of: object) + "\n")
        } else {
            invocation.print(Messages.operation(object, verb))
        }
    }

    /// 1.8 wrapped server errors with the file they came from (except validation errors).
    private func framed(_ error: APIError, verb: String, source: String) -> APIError {
        guard error.reason != .invalid else { return error }
        var copy = error
        copy.message = "error when \(verb) \(goQuoted(source)): " + error.message
        return copy
    }

    /// A field this era refuses that the book's files carry: what it is called today.
    private func noteRefusedFields(_ manifest: Manifest) {
        for (key, note) in invocation.era.kubectl.notes?.refusedFields ?? [:] {
            var path = key.split(separator: ".").map(String.init)
            guard path.first == manifest.type.kind else { continue }
            path.removeFirst()
            var value: JSONValue? = manifest.value
            for segment in path { value = value?[segment] }
            if value != nil { invocation.note("refused-field-" + key) { _ in note } }
        }
    }

    private func noteOutdatedVersion(_ manifest: Manifest) {
        let apiVersion = manifest.value["apiVersion"]?.stringValue ?? ""
        guard invocation.era.kubectl.notes?.removedAPIVersions.contains(apiVersion) == true else { return }
        invocation.note("api-version-\(manifest.type.kind)") { $0.removedAPIVersion(apiVersion, manifest.type.kind) }
    }

    /// The compact JSON kubectl stores in the last-applied annotation.
    static func lastAppliedConfiguration(_ value: JSONValue) -> String {
        value.jsonText() + "\n"
    }

    /// The configuration without the last-applied annotation (and without an annotations map it empties).
    static func removingAnnotation(_ value: JSONValue) -> JSONValue {
        guard case .object(var root) = value, var metadata = root["metadata"]?.objectValue,
              var annotations = metadata["annotations"]?.objectValue, annotations[lastAppliedAnnotation] != nil else { return value }
        annotations[lastAppliedAnnotation] = nil
        metadata["annotations"] = annotations.isEmpty ? nil : .object(annotations)
        root["metadata"] = .object(metadata)
        return .object(root)
    }

    static func settingAnnotation(_ value: JSONValue, _ text: String) -> JSONValue {
        guard case .object(var root) = value else { return value }
        var metadata = root["metadata"]?.objectValue ?? JSONObject()
        var annotations = metadata["annotations"]?.objectValue ?? JSONObject()
        annotations[lastAppliedAnnotation] = .string(text)
        metadata["annotations"] = .object(annotations)
        root["metadata"] = .object(metadata)
        return .object(root)
    }

}
