import Simulation

/// How tools outside the API server see `Node`.
extension Node: KindDeclaration {
    public static var allCategoryRank: Int? { nil }
    public static var schema: SchemaDefinition { APISchema.node }
    public static var capabilities: KindCapabilities { [.garbageCollected] }
    public static var mapEntry: MapEntry? { nil }
    public static let columns: [TableColumn] = [TableColumn("NAME"), TableColumn("STATUS"), TableColumn("ROLES"), TableColumn("AGE"), TableColumn("VERSION")]
        + TableColumn.wide("EXTERNAL-IP", "OS-IMAGE", "KERNEL-VERSION", "CONTAINER-RUNTIME")

    public func tableCells(name: String, wide: Bool, now: VirtualInstant) -> [String] {
        var state = isReady ? "Ready" : (status?.conditions?.contains { $0.type == NodeCondition.ready } == true ? "NotReady" : "Unknown")
        if status?.conditions?.first(where: { $0.type == NodeCondition.ready })?.status == .unknown { state = "NotReady" }
        if spec?.unschedulable == true { state += ",SchedulingDisabled" }
        var cells = [name, state, rolesCell, TableCells.age(metadata.creationTimestamp, now: now), status?.nodeInfo?.kubeletVersion ?? ""]
        if wide {
            let external = status?.addresses?.first { $0.type == "ExternalIP" }?.address
            let info = status?.nodeInfo
            cells += [TableCells.nonEmpty(external), info?.osImage ?? "<unknown>", info?.kernelVersion ?? "<unknown>", info?.containerRuntimeVersion ?? "<unknown>"]
        }
        return cells
    }

    public func describe(into text: inout DescribeText, with describers: Describers) {
        describers.describeNode(self, into: &text)
    }
}
