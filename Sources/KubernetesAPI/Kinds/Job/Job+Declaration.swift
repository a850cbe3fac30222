import Simulation

/// How tools outside the API server see `Job`.
extension Job: KindDeclaration {
    public static var allCategoryRank: Int? { 5 }
    public static var schema: SchemaDefinition { APISchema.job }
    public static var capabilities: KindCapabilities { [.scalable, .podTemplate, .garbageCollected] }
    /// Succeeded pods of the wanted completions, as `get jobs` shows them.
    public static var mapEntry: MapEntry? { MapEntry(rank: 4, ready: ["status", "succeeded"], desired: ["spec", "completions"]) }
    public static let columns: [TableColumn] = [TableColumn("NAME"), TableColumn("DESIRED"), TableColumn("SUCCESSFUL"), TableColumn("AGE")]
        + TableColumn.wide("CONTAINERS", "IMAGES", "SELECTOR")

    /// 1.8's `printJob`: DESIRED is `spec.completions` (`<none>` when unset).
    public func tableCells(name: String, wide: Bool, now: VirtualInstant) -> [String] {
        var cells = [name, spec?.completions.map(String.init) ?? "<none>", String(status?.succeeded ?? 0),
                     TableCells.age(metadata.creationTimestamp, now: now)]
        if wide { cells += TableCells.containerCells(spec?.template?.spec) + [LabelSelector.format(spec?.selector)] }
        return cells
    }

    public func describe(into text: inout DescribeText, with describers: Describers) {
        describers.describeJob(self, into: &text)
    }
}
