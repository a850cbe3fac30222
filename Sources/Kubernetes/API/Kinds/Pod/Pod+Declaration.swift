/// How tools outside the API server see `Pod`.
extension Pod: KindDeclaration {
    public static var allCategoryRank: Int? { 3 }
    public static var capabilities: KindCapabilities { [.exposable, .logs, .attachable, .garbageCollected] }
    public static let columns: [TableColumn] = [TableColumn("NAME"), TableColumn("READY"), TableColumn("STATUS"), TableColumn("RESTARTS"), TableColumn("AGE")] + TableColumn.wide("IP", "NODE")
}
