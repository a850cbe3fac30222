import Simulation

/// How tools outside the API server see `Deployment`.
extension Deployment: KindDeclaration {
    public static var allCategoryRank: Int? { 0 }
    public static var schema: SchemaDefinition { APISchema.deployment }
    public static var capabilities: KindCapabilities { [.scalable, .exposable, .podTemplate, .garbageCollected] }
    public static var mapEntry: MapEntry? { .replicas(rank: 2) }
    public static let columns: [TableColumn] = [TableColumn("NAME"), TableColumn("DESIRED"), TableColumn("CURRENT"), TableColumn("UP-TO-DATE"), TableColumn("AVAILABLE"), TableColumn("AGE")]
        + TableColumn.wide("CONTAINERS", "IMAGES", "SELECTOR")

    public func tableCells(name: String, wide: Bool, now: VirtualInstant) -> [String] {
        var cells = [name, String(spec?.replicas ?? 0), String(status?.replicas ?? 0),
                     String(status?.updatedReplicas ?? 0), String(status?.availableReplicas ?? 0), TableCells.age(metadata.creationTimestamp, now: now)]
        if wide { cells += TableCells.containerCells(spec?.template?.spec) + [LabelSelector.format(spec?.selector)] }
        return cells
    }

    public func describe(into text: inout DescribeText, with describers: Describers) {
        describers.describeDeployment(self, into: &text)
    }
}
