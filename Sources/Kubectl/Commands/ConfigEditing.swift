import Formatting
import Kernel
import StructuredData

/// The `kubectl config` subcommands that change the kubeconfig file, worded as kubectl 1.8
/// (pkg/kubectl/cmd/config) words them.
struct ConfigEditing {
    let invocation: Invocation
    let flags: ParsedFlags
    var document: JSONValue

    init(invocation: Invocation, flags: ParsedFlags, config: Kubeconfig) {
        self.invocation = invocation
        self.flags = flags
        document = config.document == .null ? ConfigEditing.emptyDocument : config.document
    }

    static var emptyDocument: JSONValue {
        .object(JSONObject(pairs: [
            ("apiVersion", "v1"), ("clusters", .array([])), ("contexts", .array([])), ("current-context", ""),
            ("kind", "Config"), ("preferences", .object(JSONObject())), ("users", .array([])),
        ]))
    }

    /// The one NAME argument; cobra's usage error otherwise.
    func name(for subcommand: String) throws(KubectlError) -> String {
        let arguments = Array(flags.positional.dropFirst())
        guard arguments.count == 1 else {
            throw .usage("Unexpected args: [" + arguments.joined(separator: " ") + "]", command: "config \(subcommand)")
        }
        return arguments[0]
    }

    /// `set-cluster NAME --server=…`: `Cluster "NAME" set.`
    mutating func setCluster() throws(KubectlError) {
        let name = try name(for: "set-cluster")
        guard !name.isEmpty else { throw .message("you must specify a non-empty cluster name") }
        var fields: [(String, String)] = []
        if flags.has("server") { fields.append(("server", flags.string("server") ?? "")) }
        if flags.has("certificate-authority") {
            fields.append(("certificate-authority", invocation.context.resolve(flags.string("certificate-authority") ?? "")))
        }
        if flags.has("insecure-skip-tls-verify") {
            fields.append(("insecure-skip-tls-verify", flags.bool("insecure-skip-tls-verify") ? "true" : ""))
        }
        modify("clusters", name: name, field: "cluster", fields: fields)
        try save()
        invocation.print("Cluster \(goQuoted(name)) set.\n")
    }

    /// `set-credentials NAME --token=…`: `User "NAME" set.`
    mutating func setCredentials() throws(KubectlError) {
        let name = try name(for: "set-credentials")
        guard !name.isEmpty else { throw .message("you must specify a non-empty user name") }
        var fields: [(String, String)] = []
        for flag in ["client-certificate", "client-key"] where flags.has(flag) {
            fields.append((flag, invocation.context.resolve(flags.string(flag) ?? "")))
        }
        for flag in ["token", "username", "password"] where flags.has(flag) {
            fields.append((flag, flags.string(flag) ?? ""))
        }
        let hasBasic = fields.contains { $0.0 == "username" || $0.0 == "password" }
        if hasBasic && fields.contains(where: { $0.0 == "token" }) {
            throw .message("you cannot specify more than one authentication method at the same time: --token, --username/--password")
        }
        modify("users", name: name, field: "user", fields: fields)
        try save()
        invocation.print("User \(goQuoted(name)) set.\n")
    }

    /// `set-context NAME --cluster= --user= --namespace=`: `Context "NAME" created.` or `modified.`
    mutating func setContext() throws(KubectlError) {
        let name = try name(for: "set-context")
        guard !name.isEmpty else { throw .message("you must specify a non-empty context name") }
        let existed = entries("contexts").contains { $0["name"]?.stringValue == name }
        var fields: [(String, String)] = []
        for flag in ["cluster", "user", "namespace"] where flags.has(flag) {
            fields.append((flag, flags.string(flag) ?? ""))
        }
        modify("contexts", name: name, field: "context", fields: fields)
        try save()
        invocation.print("Context \(goQuoted(name)) \(existed ? "modified" : "created").\n")
    }

    /// `delete-context NAME`: `deleted context NAME from FILE`.
    mutating func delete(_ list: String, noun: String, subcommand: String) throws(KubectlError) {
        // 1.8 printed the subcommand's help for a wrong number of names; the usage error is clearer.
        let name = try name(for: subcommand)
        var remaining = entries(list)
        guard remaining.contains(where: { $0["name"]?.stringValue == name }) else {
            throw .message("cannot delete \(noun) \(name), not in \(invocation.kubeconfigPath)")
        }
        remaining.removeAll { $0["name"]?.stringValue == name }
        document[list] = .array(remaining)
        try save()
        invocation.print("deleted \(noun) \(name) from \(invocation.kubeconfigPath)\n")
    }

    private func entries(_ list: String) -> [JSONValue] { document[list]?.arrayValue ?? [] }

    /// Sets `fields` (an empty value removes the field, as Go's omitempty does) on the named entry,
    /// adding it when missing; entries stay sorted by name, as kubectl writes them.
    private mutating func modify(_ list: String, name: String, field: String, fields: [(String, String)]) {
        var all = entries(list)
        let index = all.firstIndex { $0["name"]?.stringValue == name }
        var body = index.flatMap { all[$0][field]?.objectValue } ?? JSONObject()
        for (key, value) in fields {
            if value.isEmpty {
                body[key] = nil
            } else {
                body[key] = key == "insecure-skip-tls-verify" ? .bool(true) : .string(value)
            }
        }
        let entry = JSONValue.object(JSONObject(pairs: [(field, .object(body)), ("name", .string(name))]))
        if let index { all[index] = entry } else { all.append(entry) }
        all.sort { ($0["name"]?.stringValue ?? "") < ($1["name"]?.stringValue ?? "") }
        document[list] = .array(all)
    }

    func save() throws(KubectlError) {
        var complete = document
        for (key, value) in ConfigEditing.emptyDocument.objectValue ?? JSONObject() where complete[key] == nil {
            complete[key] = value
        }
        let path = invocation.kubeconfigPath
        let fileSystem = invocation.context.machine.fileSystem
        let user = invocation.context.user
        do {
            try fileSystem.createDirectory(Paths.parent(path), intermediates: true, as: user)
            try fileSystem.writeFile(path, Array(complete.yamlText(style: invocation.era.kubectl.yamlStyle).utf8), mode: 0o600, as: user)
        } catch {
            throw .message("open \(path): \(error.code.message.lowercased())")
        }
    }
}
