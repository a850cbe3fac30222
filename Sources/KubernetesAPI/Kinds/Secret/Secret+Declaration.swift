import Simulation

/// How tools outside the API server see `Secret`.
extension Secret: KindDeclaration {
    public static var allCategoryRank: Int? { nil }
    public static var capabilities: KindCapabilities { [.garbageCollected] }
    public static var mapEntry: MapEntry? { nil }
    public static let columns: [TableColumn] = [TableColumn("NAME"), TableColumn("TYPE"), TableColumn("DATA"), TableColumn("AGE")]

    public func tableCells(name: String, wide: Bool, now: VirtualInstant) -> [String] {
        [name, type ?? "", String((data ?? [:]).count), TableCells.age(metadata.creationTimestamp, now: now)]
    }

    public static let schema = SchemaDefinition(
        "v1.Secret",
        "Sensitive data, such as passwords, tokens or keys, for pods to read as files or environment variables. Values are at most 1MB in total.",
        APISchema.typeAndObjectMeta() + [
            SchemaField("data", .map(.string), "The secret values, base64-encoded, one entry per key. Keys may contain letters, digits, '-', '_' and '.'."),
            SchemaField("stringData", .map(.string), "Values given as plain text, merged into data on write; never returned by reads."),
            SchemaField("type", .string, "What the data holds, so that tools can check it: Opaque (anything) or kubernetes.io/tls (tls.crt and tls.key), among others."),
        ])

    public func describe(into text: inout DescribeText, with describers: Describers) {
        describers.describeSecret(self, into: &text)
    }
}
