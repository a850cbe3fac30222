/// How tools outside the API server see `Namespace`.
extension Namespace: KindDeclaration {
    public static var allCategoryRank: Int? { nil }
    public static var capabilities: KindCapabilities { [.garbageCollected] }
    public static let columns: [TableColumn] = [TableColumn("NAME"), TableColumn("STATUS"), TableColumn("AGE")]
}
