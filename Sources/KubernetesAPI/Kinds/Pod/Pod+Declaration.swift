import Simulation

/// How tools outside the API server see `Pod`.
extension Pod: KindDeclaration {
    public static var allCategoryRank: Int? { 3 }
    public static var schema: SchemaDefinition { APISchema.pod }
    public static var capabilities: KindCapabilities { [.exposable, .logs, .attachable, .garbageCollected] }
    public static var mapEntry: MapEntry? { nil }
    public static let columns: [TableColumn] = [TableColumn("NAME"), TableColumn("READY"), TableColumn("STATUS"), TableColumn("RESTARTS"), TableColumn("AGE")]
        + TableColumn.wide("IP", "NODE")

    public func tableCells(name: String, wide: Bool, now: VirtualInstant) -> [String] {
        let status = PodStatusText(self)
        var cells = [name, status.ready, status.status, String(status.restarts), TableCells.age(metadata.creationTimestamp, now: now)]
        if wide {
            cells += [TableCells.nonEmpty(self.status?.podIP), TableCells.nonEmpty(spec?.nodeName)]
        }
        return cells
    }

    public func describe(into text: inout DescribeText, with describers: Describers) {
        describers.describePod(self, into: &text)
    }
}
