/// Who a process runs as: the ids the kernel checks permissions against.
public struct Credentials: Hashable, Sendable {
    public var uid: UInt32
    public var gid: UInt32
    public var userName: String
    public var home: String

    public init(uid: UInt32, gid: UInt32, userName: String, home: String) {
        self.uid = uid
        self.gid = gid
        self.userName = userName
        self.home = home
    }

    public static let root = Credentials(uid: 0, gid: 0, userName: "root", home: "/root")

    public var isRoot: Bool { uid == 0 }
}
