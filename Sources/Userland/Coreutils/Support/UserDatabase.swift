import Kernel

/// The machine's users and groups, read from `/etc/passwd` and `/etc/group`, so `ls -l`, `id`
/// and `ps` print names the way the C library's lookups would.
struct UserDatabase {
    struct User {
        var name: String
        var uid: UInt32
        var gid: UInt32
        var home: String
        var shell: String
    }

    var users: [User] = []
    /// Groups: name, gid and member names.
    var groups: [(name: String, gid: UInt32, members: [String])] = []

    init(fileSystem: FileSystem) {
        if let bytes = try? fileSystem.readFile("/etc/passwd") {
            for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
                let fields = line.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
                guard fields.count >= 7, let uid = UInt32(fields[2]), let gid = UInt32(fields[3]) else { continue }
                users.append(User(name: fields[0], uid: uid, gid: gid, home: fields[5], shell: fields[6]))
            }
        }
        if let bytes = try? fileSystem.readFile("/etc/group") {
            for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
                let fields = line.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
                guard fields.count >= 3, let gid = UInt32(fields[2]) else { continue }
                let members = fields.count > 3 ? fields[3].split(separator: ",").map(String.init) : []
                groups.append((fields[0], gid, members))
            }
        }
    }

    func userName(_ uid: UInt32) -> String? { users.first { $0.uid == uid }?.name }
    func groupName(_ gid: UInt32) -> String? { groups.first { $0.gid == gid }?.name }
    func user(named name: String) -> User? { users.first { $0.name == name } }

    /// The name, or the number when the id has no entry (as `ls -l` shows unknown owners).
    func userLabel(_ uid: UInt32) -> String { userName(uid) ?? String(uid) }
    func groupLabel(_ gid: UInt32) -> String { groupName(gid) ?? String(gid) }

    /// The supplementary groups of `user`, primary group first.
    func groupIDs(of user: String, primary: UInt32) -> [UInt32] {
        var ids = [primary]
        for group in groups where group.members.contains(user) && group.gid != primary {
            ids.append(group.gid)
        }
        return ids
    }
}
