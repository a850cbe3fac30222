import Simulation

/// How tools outside the API server see `Namespace`.
extension Namespace: KindDeclaration {
    public static var allCategoryRank: Int? { nil }
    public static var schema: SchemaDefinition { APISchema.namespace }
    public static var capabilities: KindCapabilities { [.garbageCollected] }
    public static var mapEntry: MapEntry? { nil }
    public static let columns: [TableColumn] = [TableColumn("NAME"), TableColumn("STATUS"), TableColumn("AGE")]

    public func tableCells(name: String, wide: Bool, now: VirtualInstant) -> [String] {
        [name, status?.phase ?? "Active", TableCells.age(metadata.creationTimestamp, now: now)]
    }

    public func describe(into text: inout DescribeText, with describers: Describers) {
        describers.describeNamespace(self, into: &text)
    }
}
