/// The rule a kind's object names follow (`ValidateNameFunc`).
public enum NameRule: Hashable, Sendable {
    /// `NameIsDNSSubdomain`: most kinds.
    case dns1123Subdomain
    /// `NameIsDNSLabel`: namespaces.
    case dns1123Label
    /// `NameIsDNS1035Label`: services.
    case dns1035Label

    /// The rule's messages for a name; a `prefix` (generateName) may end with a dash.
    func errors(_ name: String, prefix: Bool) -> [String] {
        // `maskTrailingDash`: a generated name gets random characters after the prefix.
        var value = name
        if prefix, value.utf8.count > 1, value.hasSuffix("-") { value = String(value.dropLast()) + "a" }
        switch self {
        case .dns1123Subdomain:
            return NameValidation.isPlainName(value, allowsDots: true) ? [] : LabelValidation.dns1123SubdomainErrors(value)
        case .dns1123Label:
            return NameValidation.isPlainName(value, allowsDots: false) ? [] : LabelValidation.dns1123LabelErrors(value)
        case .dns1035Label:
            return NameValidation.dns1035LabelErrors(value)
        }
    }
}

/// `ValidateObjectMeta`, which the API server runs for every kind before the kind's own validation.
enum ObjectMetaValidation {
    /// The size all annotations of one object may take together (`totalAnnotationSizeLimitB`).
    static let annotationSizeLimit = 256 * 1024

    static func errors(_ metadata: ObjectMeta, rule: NameRule, namespaced: Bool) -> [FieldError] {
        var errors: [FieldError] = []
        if let generateName = metadata.generateName, !generateName.isEmpty {
            errors += rule.errors(generateName, prefix: true).map { FieldError(.invalid(.string(generateName)), "metadata.generateName", $0) }
        }
        if let name = metadata.name, !name.isEmpty {
            errors += rule.errors(name, prefix: false).map { FieldError(.invalid(.string(name)), "metadata.name", $0) }
        } else {
            errors.append(FieldError(.required, "metadata.name", "name or generateName is required"))
        }
        if namespaced {
            if let namespace = metadata.namespace, !namespace.isEmpty {
                if !NameValidation.isPlainName(namespace, allowsDots: false) {
                    errors += LabelValidation.dns1123LabelErrors(namespace).map { FieldError(.invalid(.string(namespace)), "metadata.namespace", $0) }
                }
            } else {
                errors.append(FieldError(.required, "metadata.namespace"))
            }
        } else if !(metadata.namespace ?? "").isEmpty {
            errors.append(FieldError(.forbidden, "metadata.namespace", "not allowed on this type"))
        }
        if let generation = metadata.generation, generation < 0 {
            errors.append(FieldError(.invalid(.integer(generation)), "metadata.generation", "must be greater than or equal to 0"))
        }
        errors += NameValidation.metadataErrors(metadata)
        let annotationSize = (metadata.annotations ?? [:]).reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count }
        if annotationSize > annotationSizeLimit {
            errors.append(FieldError(.tooLong, "metadata.annotations", "must have at most \(annotationSizeLimit) characters"))
        }
        return errors
    }
}

extension APIObject {
    /// The object's metadata errors, then the kind's own: what the server checks on create.
    package func creationErrors() -> [FieldError] {
        ObjectMetaValidation.errors(metadata, rule: Self.nameRule, namespaced: Self.resource.namespaced) + validate()
    }

    /// The object's metadata errors, then the kind's own update rules.
    ///
    /// Metadata equal to the stored object's was accepted when it was written, and the checks
    /// depend on nothing else: a status update that leaves it alone (a kubelet's heartbeat every
    /// 10 seconds) skips re-checking every label key, as validating only what changed does.
    package func updateErrors(from old: Self) -> [FieldError] {
        var unchanged = metadata
        unchanged.resourceVersion = old.metadata.resourceVersion
        let metadataErrors = unchanged == old.metadata
            ? [] : ObjectMetaValidation.errors(metadata, rule: Self.nameRule, namespaced: Self.resource.namespaced)
        return metadataErrors + validateUpdate(from: old)
    }
}
