/// The behaviour every kind has unless its strategy says otherwise.
extension APIObject {
    public mutating func applyDefaults() {}
    public func validate() -> [FieldError] { [] }
    public func validateUpdate(from old: Self) -> [FieldError] { validate() }
    public mutating func prepareForCreate() {}
    public mutating func prepareForExport(exact: Bool) { prepareForCreate() }
    public mutating func prepareForUpdate(from old: Self) {}
    public mutating func takeStatus(from other: Self) {}
    public mutating func admit(_ context: AdmissionContext, old: Self?) throws(APIError) {}
    public func release(_ context: AdmissionContext) {}
    public var defaultPropagationPolicy: PropagationPolicy { .background }
    public var hasPendingFinalizers: Bool { !(metadata.finalizers ?? []).isEmpty }
    public mutating func markTerminating() {}
}

/// Name rules shared by the kinds' validations.
enum NameValidation {
    /// A cheap check passing names the kind's rule certainly accepts (lower-case letters, digits,
    /// inner dashes, and dots between alphanumerics where allowed, at most 63 characters, starting
    /// with a letter); anything else goes through the full rule and its messages.
    static func isPlainName(_ name: String, allowsDots: Bool) -> Bool {
        let bytes = name.utf8
        guard let first = bytes.first, let last = bytes.last, bytes.count <= 63, first >= 97, first <= 122 else { return false }
        func isAlphanumeric(_ byte: UInt8) -> Bool { (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) }
        guard isAlphanumeric(last) else { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == 46 {
                guard allowsDots, isAlphanumeric(previous) else { return false }
            } else if byte == 45 {
                guard previous != 46 else { return false }
            } else if !isAlphanumeric(byte) {
                return false
            }
            previous = byte
        }
        return true
    }

    /// `IsDNS1035Label`, the rule for service names.
    static func dns1035LabelErrors(_ value: String) -> [String] {
        var errors: [String] = []
        if value.utf8.count > 63 { errors.append(LabelValidation.maxLengthError(63)) }
        let bytes = Array(value.utf8)
        let isLower = { (byte: UInt8) in byte >= 97 && byte <= 122 }
        let isDigit = { (byte: UInt8) in byte >= 48 && byte <= 57 }
        let valid = bytes.first.map(isLower) == true && bytes.last.map({ isLower($0) || isDigit($0) }) == true
            && bytes.allSatisfy { isLower($0) || isDigit($0) || $0 == 45 }
        if !valid {
            errors.append(LabelValidation.regexError(
                "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
                "[a-z]([-a-z0-9]*[a-z0-9])?", examples: ["my-name", "abc-123"]))
        }
        return errors
    }

    /// Labels and annotations of `ValidateObjectMeta`.
    static func metadataErrors(_ metadata: ObjectMeta, path: String = "metadata") -> [FieldError] {
        var errors: [FieldError] = []
        for key in (metadata.labels ?? [:]).keys.sorted() {
            let value = metadata.labels?[key] ?? ""
            errors += LabelValidation.qualifiedNameErrors(key).map { FieldError(.invalid(.string(key)), path + ".labels", $0) }
            errors += LabelValidation.labelValueErrors(value).map { FieldError(.invalid(.string(value)), path + ".labels", $0) }
        }
        for key in (metadata.annotations ?? [:]).keys.sorted() {
            errors += LabelValidation.qualifiedNameErrors(key.lowercased()).map { FieldError(.invalid(.string(key)), path + ".annotations", $0) }
        }
        return errors
    }
}
