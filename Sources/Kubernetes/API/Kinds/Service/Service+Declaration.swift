/// How tools outside the API server see `Service`.
extension Service: KindDeclaration {
    public static var allCategoryRank: Int? { 4 }
    public static var capabilities: KindCapabilities { [.exposable, .garbageCollected] }
    public static let columns: [TableColumn] = [TableColumn("NAME"), TableColumn("TYPE"), TableColumn("CLUSTER-IP"), TableColumn("EXTERNAL-IP"), TableColumn("PORT(S)"), TableColumn("AGE")] + TableColumn.wide("SELECTOR")
}
