import Simulation

/// How tools outside the API server see `ReplicationController`.
extension ReplicationController: KindDeclaration {
    public static var allCategoryRank: Int? { 2 }
    public static var schema: SchemaDefinition { APISchema.replicationController }
    public static var capabilities: KindCapabilities { [.scalable, .exposable, .podTemplate, .garbageCollected] }
    public static var mapEntry: MapEntry? { .replicas(rank: 0) }
    public static let columns: [TableColumn] = [TableColumn("NAME"), TableColumn("DESIRED"), TableColumn("CURRENT"), TableColumn("READY"), TableColumn("AGE")]
        + TableColumn.wide("CONTAINERS", "IMAGES", "SELECTOR")

    public func tableCells(name: String, wide: Bool, now: VirtualInstant) -> [String] {
        var cells = [name, String(spec?.replicas ?? 0), String(status?.replicas ?? 0),
                     String(status?.readyReplicas ?? 0), TableCells.age(metadata.creationTimestamp, now: now)]
        if wide { cells += TableCells.containerCells(spec?.template?.spec) + [Labels.format(spec?.selector ?? [:])] }
        return cells
    }

    public func describe(into text: inout DescribeText, with describers: Describers) {
        describers.describeReplicationController(self, into: &text)
    }
}
