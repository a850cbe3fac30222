/// How tools outside the API server see `Node`.
extension Node: KindDeclaration {
    public static var allCategoryRank: Int? { nil }
    public static var capabilities: KindCapabilities { [.garbageCollected] }
    public static let columns: [TableColumn] = [TableColumn("NAME"), TableColumn("STATUS"), TableColumn("ROLES"), TableColumn("AGE"), TableColumn("VERSION")] + TableColumn.wide("EXTERNAL-IP", "OS-IMAGE", "KERNEL-VERSION", "CONTAINER-RUNTIME")
}
