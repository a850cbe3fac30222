import Simulation

/// How tools outside the API server see `CronJob`.
extension CronJob: KindDeclaration {
    public static var allCategoryRank: Int? { 6 }
    public static var schema: SchemaDefinition { APISchema.cronJob }
    public static var capabilities: KindCapabilities { [.garbageCollected] }
    public static var mapEntry: MapEntry? { nil }
    public static let columns: [TableColumn] = [TableColumn("NAME"), TableColumn("SCHEDULE"), TableColumn("SUSPEND"), TableColumn("ACTIVE"),
                                                TableColumn("LAST SCHEDULE"), TableColumn("AGE")]
        + TableColumn.wide("CONTAINERS", "IMAGES", "SELECTOR")

    /// 1.8's `printCronJob`.
    public func tableCells(name: String, wide: Bool, now: VirtualInstant) -> [String] {
        var cells = [name, spec?.schedule ?? "", spec?.suspend.map { $0 ? "True" : "False" } ?? "<unset>",
                     String(status?.active?.count ?? 0),
                     status?.lastScheduleTime.map { TableCells.age($0, now: now) } ?? "<none>",
                     TableCells.age(metadata.creationTimestamp, now: now)]
        if wide {
            let jobSpec = spec?.jobTemplate?.spec
            cells += TableCells.containerCells(jobSpec?.template?.spec) + [LabelSelector.format(jobSpec?.selector)]
        }
        return cells
    }

    public func describe(into text: inout DescribeText, with describers: Describers) {
        describers.describeCronJob(self, into: &text)
    }
}
