import Formatting
import KubernetesAPI
import Kernel
import StructuredData

extension Commands {
    static let get = CommandSpec(
        name: "get",
        summary: "Display one or many resources",
        description: """
            Display one or many resources

            Prints a table of the most important information about the specified resources. You can filter the list using a label
            selector and the --selector flag. If the desired resource type is namespaced you will only see results in your current
            namespace unless you pass --all-namespaces.

            Valid resource types include:

            \(Commands.resourceTypeList)
            """,
        examples: """
              # List all pods in ps output format.
              kubectl get pods

              # List all pods in ps output format with more information (such as node name).
              kubectl get pods -o wide

              # List a single replication controller with specified NAME in ps output format.
              kubectl get replicationcontroller web

              # List a single pod in JSON output format.
              kubectl get -o json pod web-pod-13je7

              # Return only the phase value of the specified pod.
              kubectl get -o template pod/web-pod-13je7 --template={{.status.phase}}

              # List all replication controllers and services together in ps output format.
              kubectl get rc,services

              # List one or more resources by their type and names.
              kubectl get rc/web service/frontend pods/web-pod-13je7

              # List all resources with different types.
              kubectl get all
            """,
        usage: "kubectl get [(-o|--output=)json|yaml|wide|custom-columns=...|custom-columns-file=...|go-template=...|go-template-file=...|jsonpath=...|jsonpath-file=...] (TYPE [NAME | -l label] | TYPE/NAME ...) [flags] [options]",
        declareFlags: { flags in
            flags.add("all-namespaces", nil, .bool, "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.")
            flags.add("allow-missing-template-keys", nil, .bool, default: "true", Commands.allowMissingTemplateKeysHelp)
            flags.add("export", nil, .bool, "If true, use 'export' for the resources.  Exported resources are stripped of cluster-specific information.")
            flags.add("filename", "f", .strings, "Filename, directory, or URL to files identifying the resource to get from a server.")
            flags.add("field-selector", nil, .string, "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.")
            flags.add("label-columns", "L", .strings, "Accepts a comma separated list of labels that are going to be presented as columns. Names are case-sensitive. You can also use multiple flag options like -L label1 -L label2...")
            flags.add("no-headers", nil, .bool, "When using the default or custom-column output format, don't print headers (default print headers).")
            flags.add("output", "o", .string, "Output format. One of: json|yaml|wide|name|custom-columns=...|custom-columns-file=...|go-template=...|go-template-file=...|jsonpath=...|jsonpath-file=... See custom columns [http://kubernetes.io/docs/user-guide/kubectl-overview/#custom-columns], golang template [http://golang.org/pkg/text/template/#pkg-overview] and jsonpath template [http://kubernetes.io/docs/user-guide/jsonpath].")
            flags.add("recursive", "R", .bool, "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.")
            flags.add("selector", "l", .string, "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2)")
            flags.add("show-all", "a", .bool, "When printing, show all resources (default hide terminated pods.)")
            flags.add("show-kind", nil, .bool, "If present, list the resource type for the requested object(s).")
            flags.add("show-labels", nil, .bool, "When printing, show all labels as the last column (default hide labels column)")
            flags.add("sort-by", nil, .string, "If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}'). The field in the API resource specified by this JSONPath expression must be an integer or a string.")
            flags.add("template", nil, .string, "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].")
            flags.add("watch", "w", .bool, "After listing/getting the requested object, watch for changes.")
            flags.add("watch-only", nil, .bool, "Watch for changes to the requested object(s), without listing/getting first.")
        },
        run: { invocation, flags in try await GetCommand(invocation: invocation, flags: flags).run() })
}

/// `kubectl get`.
struct GetCommand {
    let invocation: Invocation
    let flags: ParsedFlags

    func run() async throws -> Int32 {
        if !flags.strings("filename").isEmpty { return try await runOnFiles() }
        if flags.positional.isEmpty {
            throw KubectlError.raw("""
                You must specify the type of resource to get. Valid resource types include:

                \(Commands.resourceTypeList)
                error: Required resource not specified.
                Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
                See 'kubectl get -h' for help and examples.
                """)
        }
        let output = try ObjectOutput.parse(flags.string("output") ?? "", template: flags.string("template") ?? "", command: "get", era: invocation.era,
                                           allowsMissingKeys: flags.allowsMissingTemplateKeys, files: invocation)
        let requests = try ResourceArguments.parse(flags.positional)
        let client = try invocation.client()
        let options = try Selectors.listOptions(flags)
        let allNamespaces = flags.bool("all-namespaces")
        let namespace = allNamespaces ? nil : invocation.namespace
        let mixed = requests.count > 1 || flags.positional.first?.lowercased().split(separator: ",").contains("all") == true
        var failed = false
        var groups: [(ResourceType, [any APIObject])] = []
        var anyNamed = false
        var hidden = 0
        for request in requests {
            var objects: [any APIObject] = []
            if request.names.isEmpty {
                objects = try request.type.list(client, request.type.namespaced ? namespace : nil, options)
                if !flags.bool("show-all") && output.isTable {
                    // 1.8 hid finished pods unless --show-all.
                    let found = objects.count
                    objects = objects.filter { ($0 as? Pod)?.isHiddenWithoutShowAll != true }
                    hidden += found - objects.count
                }
            } else {
                anyNamed = true
                for name in request.names {
                    do {
                        let namespace = request.type.namespaced ? invocation.namespace : nil
                        objects.append(try flags.bool("export")
                            ? request.type.export(client, namespace, name)
                            : request.type.get(client, namespace, name))
                    } catch {
                        invocation.printError(KubectlError.api(error).text)
                        failed = true
                    }
                }
            }
            if let sortBy = flags.string("sort-by"), !sortBy.isEmpty {
                objects = try Sorting.sort(objects, by: sortBy, era: invocation.era)
            }
            groups.append((request.type, objects))
        }
        if flags.bool("watch") || flags.bool("watch-only") {
            return try await watch(groups: groups, output: output, namespace: namespace, options: options, client: client)
        }
        let all = groups.flatMap(\.1)
        if all.isEmpty {
            // `PrintFilterCount`: when everything found was hidden, say how to see it.
            if !failed { invocation.printError(hidden > 0 ? "No resources found, use --show-all to see completed objects.\n" : "No resources found.\n") }
            return failed ? 1 : 0
        }
        switch output {
        case .table(let wide):
            var text = ""
            for (type, objects) in groups where !objects.isEmpty {
                if !text.isEmpty { text += "\n" }
                text += table(type, objects, wide: wide, allNamespaces: allNamespaces, prefixed: mixed, headers: !flags.bool("no-headers"))
            }
            invocation.print(text)
        default:
            let asList = !anyNamed || all.count > 1
            invocation.print(try output.render(all, asList: asList, invocation: invocation))
        }
        return failed ? 1 : 0
    }

    /// `get -f FILE`: the objects a manifest names, as the server has them.
    private func runOnFiles() async throws -> Int32 {
        let output = try ObjectOutput.parse(flags.string("output") ?? "", template: flags.string("template") ?? "", command: "get", era: invocation.era,
                                           allowsMissingKeys: flags.allowsMissingTemplateKeys, files: invocation)
        let manifests = try await Manifests.read(flags.strings("filename"), invocation: invocation, recursive: flags.bool("recursive"))
        guard !manifests.isEmpty else { throw KubectlError.message("no objects passed to get") }
        let client = try invocation.client()
        var failed = false
        var groups: [(ResourceType, [any APIObject])] = []
        for manifest in manifests {
            do {
                let name = try manifest.decode(validate: false).name
                let object = try manifest.type.get(client, manifest.namespace(default: invocation.namespace), name)
                if let last = groups.indices.last, groups[last].0.kind == manifest.type.kind {
                    groups[last].1.append(object)
                } else {
                    groups.append((manifest.type, [object]))
                }
            } catch let error as APIError {
                invocation.printError(KubectlError.api(error).text)
                failed = true
            }
        }
        let all = groups.flatMap(\.1)
        guard !all.isEmpty else { return failed ? 1 : 0 }
        if case .table(let wide) = output {
            var text = ""
            for (type, objects) in groups {
                if !text.isEmpty { text += "\n" }
                text += table(type, objects, wide: wide, allNamespaces: false, prefixed: false, headers: !flags.bool("no-headers"))
            }
            invocation.print(text)
        } else {
            invocation.print(try output.render(all, asList: all.count > 1, invocation: invocation))
        }
        return failed ? 1 : 0
    }

    func headers(_ type: ResourceType, wide: Bool, allNamespaces: Bool) -> [String] {
        var headers = TableColumns.headers(for: type, wide: wide)
        if allNamespaces && type.namespaced { headers.insert("NAMESPACE", at: 0) }
        for key in labelColumns {
            headers.append(String(key.split(separator: "/").last ?? Substring(key)).uppercased())
        }
        if flags.bool("show-labels") { headers.append("LABELS") }
        return headers
    }

    var labelColumns: [String] {
        flags.strings("label-columns").flatMap { $0.split(separator: ",").map(String.init) }
    }

    func cells(_ object: any APIObject, type: ResourceType, wide: Bool, allNamespaces: Bool, prefixed: Bool) -> [String] {
        let name = prefixed ? ResourceArguments.shortPrefix(type) + "/" + object.name : object.name
        var cells = TableColumns.row(for: object, name: name, wide: wide, now: invocation.now)
        if allNamespaces && type.namespaced { cells.insert(object.namespace, at: 0) }
        for key in labelColumns { cells.append(object.labels[key] ?? "") }
        if flags.bool("show-labels") { cells.append(Labels.format(object.labels)) }
        return cells
    }

    func table(_ type: ResourceType, _ objects: [any APIObject], wide: Bool, allNamespaces: Bool, prefixed: Bool, headers showHeaders: Bool) -> String {
        var rows: [[String]] = showHeaders ? [headers(type, wide: wide, allNamespaces: allNamespaces)] : []
        for object in objects {
            rows.append(cells(object, type: type, wide: wide, allNamespaces: allNamespaces, prefixed: prefixed))
        }
        return TabWriter.format(rows, with: invocation.era.kubectl.tables)
    }

    /// `-w`: the current rows, then a row per change until the process is interrupted.
    func watch(groups: [(ResourceType, [any APIObject])], output: ObjectOutput, namespace: String?, options: ListOptions, client: any KubernetesClient) async throws -> Int32 {
        guard groups.count == 1, let (type, objects) = groups.first else {
            throw KubectlError.message("watch is only supported on individual resources and resource collections, but \(groups.count) resources were found")
        }
        let wide: Bool
        if case .table(let isWide) = output { wide = isWide } else { wide = false }
        let allNamespaces = flags.bool("all-namespaces")
        let names = Set(flags.positional.dropFirst())
        // Widths are remembered across rows as in kubectl's watch printing (each row flushed on its own).
        var writer = TabWriter(minimumWidth: 10, tabWidth: 4, padding: 3, flags: .rememberWidths)
        func emit(_ object: any APIObject) {
            if output.isTable {
                writer.write(cells(object, type: type, wide: wide, allNamespaces: allNamespaces, prefixed: false).joined(separator: "\t") + "\n")
                invocation.print(writer.flush())
            } else if let text = try? output.render([object], asList: false, invocation: invocation) {
                invocation.print(text)
            }
        }
        if !flags.bool("watch-only") {
            if output.isTable && !flags.bool("no-headers") {
                writer.write(headers(type, wide: wide, allNamespaces: allNamespaces).joined(separator: "\t") + "\n")
            }
            for object in objects { emit(object) }
            if objects.isEmpty && output.isTable { invocation.print(writer.flush()) }
        }
        var watchOptions = options
        watchOptions.resourceVersion = client.currentResourceVersion
        let handle = try type.watch(client, type.namespaced ? namespace : nil, watchOptions) { _, object in
            if !names.isEmpty && !names.contains(object.name) { return }
            emit(object)
        }
        defer { handle.stop() }
        // Runs until Ctrl-C kills the process.
        try await Wakeup().wait()
        return 0
    }
}
