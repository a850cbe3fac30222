import StructuredData

/// `kubectl config view`: the kubeconfig, minified and redacted as kubectl 1.8 shows it.
enum ConfigView {
    /// The document `config view` prints: `--minify` keeps what the current context uses;
    /// without `--raw`, certificate and key data are replaced as clientcmdapi.ShortenConfig does.
    static func document(_ config: Kubeconfig, minify: Bool, raw: Bool) throws(KubectlError) -> JSONValue {
        var document = config.document == .null ? ConfigEditing.emptyDocument : config.document
        if minify {
            guard !config.currentContext.isEmpty else {
                throw .message("current-context must exist in order to minify")
            }
            guard let context = config.context(named: config.currentContext) else {
                throw .message("cannot locate context \(config.currentContext)")
            }
            document["contexts"] = .array(entries(document, "contexts", named: context.name))
            document["clusters"] = .array(entries(document, "clusters", named: context.cluster))
            document["users"] = .array(entries(document, "users", named: context.user))
        }
        if !raw {
            document["clusters"] = redacting(document["clusters"], in: "cluster", ["certificate-authority-data": "DATA+OMITTED"])
            document["users"] = redacting(document["users"], in: "user", ["client-certificate-data": "REDACTED", "client-key-data": "REDACTED"])
        }
        return document
    }

    private static func entries(_ document: JSONValue, _ list: String, named name: String) -> [JSONValue] {
        (document[list]?.arrayValue ?? []).filter { $0["name"]?.stringValue == name }
    }

    private static func redacting(_ list: JSONValue?, in field: String, _ replacements: [String: String]) -> JSONValue? {
        guard let entries = list?.arrayValue else { return list }
        return .array(entries.map { entry in
            guard var body = entry[field]?.objectValue else { return entry }
            for (key, replacement) in replacements {
                if let value = body[key]?.stringValue, !value.isEmpty { body[key] = .string(replacement) }
            }
            var copy = entry
            copy[field] = .object(body)
            return copy
        })
    }
}
