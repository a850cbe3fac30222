/// How tools outside the API server see `ComponentStatus`.
extension ComponentStatus: KindDeclaration {
    public static var allCategoryRank: Int? { nil }
    public static var capabilities: KindCapabilities { [] }
    public static let columns: [TableColumn] = [TableColumn("NAME"), TableColumn("STATUS"), TableColumn("MESSAGE"), TableColumn("ERROR")]
}
