import Simulation

/// How tools outside the API server see `Event`.
extension Event: KindDeclaration {
    public static var allCategoryRank: Int? { nil }
    public static var schema: SchemaDefinition { APISchema.event }
    public static var capabilities: KindCapabilities { [] }
    public static var mapEntry: MapEntry? { nil }
    public static let columns: [TableColumn] = [TableColumn("LAST SEEN"), TableColumn("FIRST SEEN"), TableColumn("COUNT"), TableColumn("NAME"), TableColumn("KIND"), TableColumn("SUBOBJECT"), TableColumn("TYPE"), TableColumn("REASON"), TableColumn("SOURCE"), TableColumn("MESSAGE")]

    public func tableCells(name: String, wide: Bool, now: VirtualInstant) -> [String] {
        let source = [self.source?.component, self.source?.host].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        return [TableCells.age(lastTimestamp, now: now), TableCells.age(firstTimestamp, now: now), String(count ?? 1),
                involvedObject.name ?? "", involvedObject.kind ?? "", involvedObject.fieldPath ?? "",
                type ?? "", reason ?? "", source, message ?? ""]
    }

    public func describe(into text: inout DescribeText, with describers: Describers) {
        describers.describeGeneric(self, into: &text)
    }
}
