import Simulation

/// How tools outside the API server see `Endpoints`.
extension Endpoints: KindDeclaration {
    public static var allCategoryRank: Int? { nil }
    public static var schema: SchemaDefinition { APISchema.endpoints }
    public static var capabilities: KindCapabilities { [.garbageCollected] }
    public static var mapEntry: MapEntry? { nil }
    public static let columns: [TableColumn] = [TableColumn("NAME"), TableColumn("ENDPOINTS"), TableColumn("AGE")]

    public func tableCells(name: String, wide: Bool, now: VirtualInstant) -> [String] {
        [name, endpointsCell, TableCells.age(metadata.creationTimestamp, now: now)]
    }

    public func describe(into text: inout DescribeText, with describers: Describers) {
        describers.describeEndpoints(self, into: &text)
    }
}
