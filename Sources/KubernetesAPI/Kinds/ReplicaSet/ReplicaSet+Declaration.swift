import Simulation

/// How tools outside the API server see `ReplicaSet`.
extension ReplicaSet: KindDeclaration {
    public static var allCategoryRank: Int? { 1 }
    public static var schema: SchemaDefinition { APISchema.replicaSet }
    public static var capabilities: KindCapabilities { [.scalable, .exposable, .podTemplate, .garbageCollected] }
    public static var mapEntry: MapEntry? { .replicas(rank: 1) }
    public static let columns: [TableColumn] = [TableColumn("NAME"), TableColumn("DESIRED"), TableColumn("CURRENT"), TableColumn("READY"), TableColumn("AGE")]
        + TableColumn.wide("CONTAINERS", "IMAGES", "SELECTOR")

    public func tableCells(name: String, wide: Bool, now: VirtualInstant) -> [String] {
        var cells = [name, String(spec?.replicas ?? 0), String(status?.replicas ?? 0), String(status?.readyReplicas ?? 0),
                     TableCells.age(metadata.creationTimestamp, now: now)]
        if wide { cells += TableCells.containerCells(spec?.template?.spec) + [LabelSelector.format(spec?.selector)] }
        return cells
    }

    public func describe(into text: inout DescribeText, with describers: Describers) {
        describers.describeReplicaSet(self, into: &text)
    }
}
