/// Sensitive data for pods (`v1.Secret`): bytes under keys, base64 in JSON and YAML.
public struct Secret: APIObject, Hashable {
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var data: [String: SecretBytes]?
    /// Plain-text values a client may write; the server merges them into `data` and never returns them.
    public var stringData: [String: String]?
    /// `Opaque` (the default), `kubernetes.io/tls` …
    public var type: String?

    public init(metadata: ObjectMeta, data: [String: SecretBytes]? = nil, type: String? = nil) {
        self.apiVersion = "v1"
        self.kind = "Secret"
        self.metadata = metadata
        self.data = data
        self.type = type
    }

    public static let resource = APIResource(
        name: "secrets", singularName: "secret", kind: "Secret", group: "", apiVersions: ["v1"], namespaced: true, shortNames: [])

    public static let selectableFields = ["type"]

    public func fieldValue(_ field: String) -> String? {
        field == "type" ? type ?? "" : metadataFieldValue(field)
    }

    /// The type of secrets whose data holds a certificate and its key.
    public static let tlsType = "kubernetes.io/tls"

    /// `SetDefaults_Secret`, and the v1 conversion that merges `stringData` into `data`.
    public mutating func applyDefaults() {
        if type == nil || type == "" { type = "Opaque" }
        if let stringData {
            var merged = data ?? [:]
            for (key, value) in stringData { merged[key] = SecretBytes(value) }
            data = merged
            self.stringData = nil
        }
    }

    /// `ValidateSecret`: config keys, and the two keys a TLS secret must have.
    public func validate() -> [FieldError] {
        var errors = ConfigKey.fieldErrors(keys: (data ?? [:]).keys)
        if type == Self.tlsType {
            for key in ["tls.crt", "tls.key"] where data?[key] == nil {
                errors.append(FieldError(.required, "data[\(key)]", ""))
            }
        }
        return errors
    }

    /// `ValidateSecretUpdate`: the type never changes.
    public func validateUpdate(from old: Self) -> [FieldError] {
        var errors = validate()
        if type != old.type {
            errors.append(FieldError(.invalid(.string(type ?? "")), "type", "field is immutable"))
        }
        return errors
    }
}
