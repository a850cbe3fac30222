/// How tools outside the API server see `ReplicaSet`.
extension ReplicaSet: KindDeclaration {
    public static var allCategoryRank: Int? { 1 }
    public static var capabilities: KindCapabilities { [.scalable, .exposable, .podTemplate, .garbageCollected] }
    public static let columns: [TableColumn] = [TableColumn("NAME"), TableColumn("DESIRED"), TableColumn("CURRENT"), TableColumn("READY"), TableColumn("AGE")] + TableColumn.wide("CONTAINERS", "IMAGES", "SELECTOR")
}
