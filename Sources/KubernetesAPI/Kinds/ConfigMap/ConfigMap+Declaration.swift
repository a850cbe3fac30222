import Simulation

/// How tools outside the API server see `ConfigMap`.
extension ConfigMap: KindDeclaration {
    public static var allCategoryRank: Int? { nil }
    public static var capabilities: KindCapabilities { [.garbageCollected] }
    public static var mapEntry: MapEntry? { nil }
    public static let columns: [TableColumn] = [TableColumn("NAME"), TableColumn("DATA"), TableColumn("AGE")]

    public func tableCells(name: String, wide: Bool, now: VirtualInstant) -> [String] {
        [name, String((data ?? [:]).count), TableCells.age(metadata.creationTimestamp, now: now)]
    }

    public static let schema = SchemaDefinition(
        "v1.ConfigMap",
        "Configuration for pods to consume: named string values, readable as environment variables or as files in a volume.",
        APISchema.typeAndObjectMeta() + [
            SchemaField("data", .map(.string), "The configuration, one entry per key. Keys may contain letters, digits, '-', '_' and '.'."),
        ])

    public func describe(into text: inout DescribeText, with describers: Describers) {
        describers.describeConfigMap(self, into: &text)
    }
}
