/// How tools outside the API server see `Deployment`.
extension Deployment: KindDeclaration {
    public static var allCategoryRank: Int? { 0 }
    public static var capabilities: KindCapabilities { [.scalable, .exposable, .podTemplate, .garbageCollected] }
    public static let columns: [TableColumn] = [TableColumn("NAME"), TableColumn("DESIRED"), TableColumn("CURRENT"), TableColumn("UP-TO-DATE"), TableColumn("AVAILABLE"), TableColumn("AGE")] + TableColumn.wide("CONTAINERS", "IMAGES", "SELECTOR")
}
