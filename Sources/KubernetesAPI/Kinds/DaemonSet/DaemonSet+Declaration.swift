import Simulation

/// How tools outside the API server see `DaemonSet`.
extension DaemonSet: KindDeclaration {
    /// `get all` lists daemon sets between services and deployments.
    public static var allCategoryRank: Int? { -1 }
    public static var schema: SchemaDefinition { APISchema.daemonSet }
    public static var capabilities: KindCapabilities { [.podTemplate, .garbageCollected] }
    /// Ready daemon pods of the nodes that should run one.
    public static var mapEntry: MapEntry? { MapEntry(rank: 3, ready: ["status", "numberReady"], desired: ["status", "desiredNumberScheduled"]) }
    /// kubectl 1.8's `daemonSetColumns` (NODE-SELECTOR with a dash; later releases print a space).
    public static let columns: [TableColumn] = [TableColumn("NAME"), TableColumn("DESIRED"), TableColumn("CURRENT"), TableColumn("READY"),
                                                TableColumn("UP-TO-DATE"), TableColumn("AVAILABLE"), TableColumn("NODE-SELECTOR"), TableColumn("AGE")]
        + TableColumn.wide("CONTAINERS", "IMAGES", "SELECTOR")

    public func tableCells(name: String, wide: Bool, now: VirtualInstant) -> [String] {
        var cells = [name, String(status?.desiredNumberScheduled ?? 0), String(status?.currentNumberScheduled ?? 0),
                     String(status?.numberReady ?? 0), String(status?.updatedNumberScheduled ?? 0), String(status?.numberAvailable ?? 0),
                     TableCells.nonEmpty(Labels.format(spec?.template?.spec?.nodeSelector ?? [:])),
                     TableCells.age(metadata.creationTimestamp, now: now)]
        if wide { cells += TableCells.containerCells(spec?.template?.spec) + [LabelSelector.format(spec?.selector)] }
        return cells
    }

    public func describe(into text: inout DescribeText, with describers: Describers) {
        describers.describeDaemonSet(self, into: &text)
    }
}
