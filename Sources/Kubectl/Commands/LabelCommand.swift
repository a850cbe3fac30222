import Formatting
import KubernetesAPI
import StructuredData

extension Commands {
    static let label = metadataCommand(
        name: "label", field: "labels", verb: "labeled", what: "labels",
        summary: "Update the labels on a resource",
        description: """
            Update the labels on a resource.

              * A label key and value must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to  63 characters each.
              * If --overwrite is true, then existing labels can be overwritten, otherwise attempting to overwrite a label will result in an error.
              * If --resource-version is specified, then updates will use this resource version, otherwise the existing resource-version will be used.
            """,
        examples: """
              # Update pod 'foo' with the label 'unhealthy' and the value 'true'.
              kubectl label pods foo unhealthy=true

              # Update pod 'foo' with the label 'status' and the value 'unhealthy', overwriting any existing value.
              kubectl label --overwrite pods foo status=unhealthy

              # Update all pods in the namespace
              kubectl label pods --all status=unhealthy

              # Update pod 'foo' by removing a label named 'bar' if it exists.
              # Does not require the --overwrite flag.
              kubectl label pods foo bar-
            """,
        usage: "kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]")

    static let annotate = metadataCommand(
        name: "annotate", field: "annotations", verb: "annotated", what: "annotations",
        summary: "Update the annotations on a resource",
        description: """
            Update the annotations on one or more resources

            All Kubernetes objects support the ability to store additional data with the object as annotations. Annotations are
            key/value pairs that can be larger than labels and include arbitrary string values such as structured JSON. Tools and
            system extensions may use annotations to store their own data.

            Attempting to set an annotation that already exists will fail unless --overwrite is set. If --resource-version is
            specified and does not match the current resource version on the server the command will fail.
            """,
        examples: """
              # Update pod 'foo' with the annotation 'description' and the value 'my frontend'.
              # If the same annotation is set multiple times, only the last value will be applied
              kubectl annotate pods foo description='my frontend'

              # Update pod 'foo' with the annotation 'description' and the value 'my frontend running nginx', overwriting any
              existing value.
              kubectl annotate --overwrite pods foo description='my frontend running nginx'

              # Update pod 'foo' by removing an annotation named 'description' if it exists.
              # Does not require the --overwrite flag.
              kubectl annotate pods foo description-
            """,
        usage: "kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]")

    private static func metadataCommand(name: String, field: String, verb: String, what: String, summary: String, description: String, examples: String, usage: String) -> CommandSpec {
        CommandSpec(
            name: name, summary: summary, description: description, examples: examples, usage: usage,
            declareFlags: { flags in
                flags.add("all", nil, .bool, "Select all resources, including uninitialized ones, in the namespace of the specified resource types")
                flags.add("overwrite", nil, .bool, "If true, allow \(what) to be overwritten, otherwise reject \(name) updates that overwrite existing \(what).")
                flags.add("selector", "l", .string, "Selector (label query) to filter on, not including uninitialized ones, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2).")
            },
            run: { invocation, flags in
                try MetadataUpdate(invocation: invocation, flags: flags, field: field, verb: verb, command: name).run()
            })
    }
}

/// `kubectl label` and `kubectl annotate`: merge-patch `metadata.labels` or `metadata.annotations`.
struct MetadataUpdate {
    let invocation: Invocation
    let flags: ParsedFlags
    let field: String
    let verb: String
    let command: String

    func run() throws -> Int32 {
        // kubectl's GetResourcesAndPairs: a word with `=` or a trailing `-` is a change, and
        // once changes begin, every later word must be one too.
        let pairType = field == "labels" ? "label" : "annotation"
        var resourceWords: [String] = []
        var changes: [(String, String?)] = []
        for word in flags.positional {
            if word.contains("=") {
                let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                changes.append((String(parts[0]), String(parts[1])))
            } else if word.hasSuffix("-") {
                changes.append((String(word.dropLast()), nil))
            } else if !changes.isEmpty {
                throw KubectlError.message("all resources must be specified before \(pairType) changes: \(word)")
            } else {
                resourceWords.append(word)
            }
        }
        guard !changes.isEmpty else {
            throw KubectlError.usage("at least one \(field == "labels" ? "label" : "annotation") update is required", command: command)
        }
        if field == "labels" {
            for (key, value) in changes {
                if let value, !Self.isValidLabelValue(value) {
                    throw KubectlError.message("invalid label value: \(goQuoted(key + "=" + value)): a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')")
                }
            }
        }
        let requests = try ResourceArguments.parse(resourceWords, allowAll: false)
        guard !requests.isEmpty else {
            throw KubectlError.usage("one or more resources must be specified as <resource> <name> or <resource>/<name>", command: command)
        }
        let client = try invocation.client()
        var failed = false
        for request in requests {
            let namespace = request.type.namespaced ? invocation.namespace : nil
            var names = request.names
            if names.isEmpty {
                guard flags.bool("all") || !(flags.string("selector") ?? "").isEmpty else {
                    throw KubectlError.usage("one or more resources must be specified as <resource> <name> or <resource>/<name>", command: command)
                }
                names = try request.type.list(client, namespace, Selectors.listOptions(flags)).map(\.name)
            }
            for name in names {
                do {
                    let object = try request.type.get(client, namespace, name)
                    let current = field == "labels" ? object.labels : (object.metadata.annotations ?? [:])
                    var patchEntries = JSONObject()
                    for (key, value) in changes {
                        if let value {
                            if let existing = current[key], existing != value, !flags.bool("overwrite") {
                                throw KubectlError.message("'\(key)' already has a value (\(existing)), and --overwrite is false")
                            }
                            patchEntries[key] = .string(value)
                        } else {
                            patchEntries[key] = JSONValue.null
                        }
                    }
                    let patch: JSONValue = ["metadata": .object(JSONObject(pairs: [(field, .object(patchEntries))]))]
                    let updated = try request.type.patch(client, namespace, name, patch)
                    invocation.print(Messages.operation(updated, verb))
                } catch let error as APIError {
                    invocation.printError(KubectlError.api(error).text)
                    failed = true
                }
            }
        }
        return failed ? 1 : 0
    }

    static func isValidLabelValue(_ value: String) -> Bool {
        if value.isEmpty { return true }
        guard value.count <= 63 else { return false }
        let allowed = value.unicodeScalars.allSatisfy { $0.properties.isASCIIHexDigit || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "." }
        let alphanumeric: (Unicode.Scalar?) -> Bool = { scalar in
            guard let scalar else { return false }
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        return allowed && alphanumeric(value.unicodeScalars.first) && alphanumeric(value.unicodeScalars.last)
    }
}
