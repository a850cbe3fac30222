/// Configuration data for pods (`v1.ConfigMap`): string values under keys.
public struct ConfigMap: APIObject, Hashable {
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var data: [String: String]?

    public init(metadata: ObjectMeta, data: [String: String]? = nil) {
        self.apiVersion = "v1"
        self.kind = "ConfigMap"
        self.metadata = metadata
        self.data = data
    }

    public static let resource = APIResource(
        name: "configmaps", singularName: "configmap", kind: "ConfigMap", group: "", apiVersions: ["v1"], namespaced: true, shortNames: ["cm"])

    /// `ValidateConfigMap`: every key is a config key.
    public func validate() -> [FieldError] {
        ConfigKey.fieldErrors(keys: (data ?? [:]).keys)
    }
}

/// The rule of ConfigMap and Secret keys (`IsConfigMapKey`): they become file names in volumes.
public enum ConfigKey {
    /// The messages `IsConfigMapKey` gives for a key; empty when it is valid.
    public static func errors(_ key: String) -> [String] {
        var errors: [String] = []
        if key.utf8.count > 253 { errors.append(LabelValidation.maxLengthError(253)) }
        let valid = !key.isEmpty && key.utf8.allSatisfy { byte in
            (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57) || byte == 45 || byte == 95 || byte == 46
        }
        if !valid {
            errors.append(LabelValidation.regexError(
                "a valid config key must consist of alphanumeric characters, '-', '_' or '.'", "[-._a-zA-Z0-9]+",
                examples: ["key.name", "KEY_NAME", "key-name"]))
        }
        if key == "." {
            errors.append("must not be '.'")
        } else if key == ".." {
            errors.append("must not be '..'")
        } else if key.hasPrefix("..") {
            errors.append("must not start with '..'")
        }
        return errors
    }

    /// `data[KEY]` errors of the server's validation, keys in order.
    static func fieldErrors(keys: some Collection<String>) -> [FieldError] {
        keys.sorted().flatMap { key in errors(key).map { FieldError(.invalid(.string(key)), "data[\(key)]", $0) } }
    }
}
