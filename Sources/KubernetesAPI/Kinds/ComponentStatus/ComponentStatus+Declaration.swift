import Simulation

/// How tools outside the API server see `ComponentStatus`.
extension ComponentStatus: KindDeclaration {
    public static var allCategoryRank: Int? { nil }
    public static var schema: SchemaDefinition { APISchema.componentStatus }
    public static var capabilities: KindCapabilities { [] }
    public static var mapEntry: MapEntry? { nil }
    public static let columns: [TableColumn] = [TableColumn("NAME"), TableColumn("STATUS"), TableColumn("MESSAGE"), TableColumn("ERROR")]

    public func tableCells(name: String, wide: Bool, now: VirtualInstant) -> [String] {
        let healthy = conditions?.first { $0.type == "Healthy" }
        return [name, healthy?.status == .true ? "Healthy" : "Unhealthy", healthy?.message ?? "", healthy?.error ?? ""]
    }

    public func describe(into text: inout DescribeText, with describers: Describers) {
        describers.describeGeneric(self, into: &text)
    }
}
