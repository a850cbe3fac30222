import Simulation

/// How tools outside the API server see `Service`.
extension Service: KindDeclaration {
    public static var allCategoryRank: Int? { 4 }
    public static var schema: SchemaDefinition { APISchema.service }
    public static var capabilities: KindCapabilities { [.exposable, .garbageCollected] }
    public static var mapEntry: MapEntry? { nil }
    public static let columns: [TableColumn] = [TableColumn("NAME"), TableColumn("TYPE"), TableColumn("CLUSTER-IP"), TableColumn("EXTERNAL-IP"), TableColumn("PORT(S)"), TableColumn("AGE")]
        + TableColumn.wide("SELECTOR")

    public func tableCells(name: String, wide: Bool, now: VirtualInstant) -> [String] {
        var cells = [name, spec?.type ?? "ClusterIP", TableCells.nonEmpty(spec?.clusterIP), externalIPCell, portsCell,
                     TableCells.age(metadata.creationTimestamp, now: now)]
        if wide { cells.append(Labels.format(spec?.selector ?? [:])) }
        return cells
    }

    public func describe(into text: inout DescribeText, with describers: Describers) {
        describers.describeService(self, into: &text)
    }
}
