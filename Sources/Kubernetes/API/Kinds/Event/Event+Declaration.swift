/// How tools outside the API server see `Event`.
extension Event: KindDeclaration {
    public static var allCategoryRank: Int? { nil }
    public static var capabilities: KindCapabilities { [] }
    public static let columns: [TableColumn] = [TableColumn("LAST SEEN"), TableColumn("FIRST SEEN"), TableColumn("COUNT"), TableColumn("NAME"), TableColumn("KIND"), TableColumn("SUBOBJECT"), TableColumn("TYPE"), TableColumn("REASON"), TableColumn("SOURCE"), TableColumn("MESSAGE")]
}
