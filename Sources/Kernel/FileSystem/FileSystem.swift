import Simulation

/// A simulated machine's file system: an in-memory tree with Linux semantics for paths,
/// symbolic links and permission bits, and a mount table that grafts other trees onto it.
///
/// All paths are absolute (callers normalize against their working directory first). The tree
/// is a value underneath, so taking a snapshot (`root`) for an image layer costs nothing; the
/// snapshot holds the root file system only, not what is mounted on it (as `docker commit`).
public final class FileSystem {
    /// The root file system's tree; reading it takes a snapshot, assigning replaces everything.
    public var root: Directory
    /// Where modification times come from: the world's virtual clock.
    public var clock: () -> VirtualInstant
    /// The mounts that graft a tree, in mount order; later mounts hide earlier ones.
    public internal(set) var mounts: [Mount] = []
    /// Kernel file systems listed in `/proc/mounts` without grafting anything (the machine's
    /// own files stand in for them): the root first, those mounted before `mounts` and those
    /// after. Shared arrays, so a hundred thousand containers do not each keep a copy.
    public var listedMounts = ListedMounts()

    private static let symlinkLimit = 40

    public init(root: Directory = Directory(), clock: @escaping () -> VirtualInstant = { .worldEpoch }) {
        self.root = root
        self.clock = clock
    }

    // MARK: Reading

    public func status(_ path: String, followSymlinks: Bool = true, as user: Credentials = .root) throws(FileSystemError) -> FileStatus {
        let resolved = try resolve(path, followFinal: followSymlinks, as: user)
        guard let node = node(at: resolved) else { throw FileSystemError(.ENOENT, path) }
        var target: String?
        if case .symlink(let destination, _) = node { target = destination }
        var links = 1
        if case .directory(let directory) = node {
            links = 2 + directory.entries.values.filter { $0.kind == .directory }.count
        }
        return FileStatus(kind: node.kind, size: node.size, metadata: node.metadata, symlinkTarget: target, linkCount: links)
    }

    public func exists(_ path: String) -> Bool {
        (try? status(path)) != nil
    }

    public func isDirectory(_ path: String) -> Bool {
        (try? status(path))?.kind == .directory
    }

    /// The entry at `path` (following links), for callers that copy whole subtrees.
    public func node(at path: String, as user: Credentials = .root) throws(FileSystemError) -> FileNode {
        let resolved = try resolve(path, followFinal: true, as: user)
        guard let node = node(at: resolved) else { throw FileSystemError(.ENOENT, path) }
        return node
    }

    public func content(_ path: String, as user: Credentials = .root) throws(FileSystemError) -> FileContent {
        let resolved = try resolve(path, followFinal: true, as: user)
        guard let node = node(at: resolved) else { throw FileSystemError(.ENOENT, path) }
        switch node {
        case .directory: throw FileSystemError(.EISDIR, path)
        case .device(let device, _):
            switch device {
            case .null, .terminal: return .bytes([])
            case .zero: return .bytes([UInt8](repeating: 0, count: 4096))
            case .random: return .bytes((0..<64).map { UInt8(truncatingIfNeeded: $0 &* 97 &+ 13) })
            case .mountTable: return .bytes(Array(procMounts.utf8))
            }
        case .symlink: throw FileSystemError(.ELOOP, path)
        case .file(let content, let metadata):
            guard permits(metadata, user, 0o4) else { throw FileSystemError(.EACCES, path) }
            return content
        }
    }

    public func readFile(_ path: String, as user: Credentials = .root) throws(FileSystemError) -> [UInt8] {
        try content(path, as: user).bytes
    }

    /// The sorted names in the directory at `path`.
    public func listDirectory(_ path: String, as user: Credentials = .root) throws(FileSystemError) -> [String] {
        let resolved = try resolve(path, followFinal: true, as: user)
        guard let node = node(at: resolved) else { throw FileSystemError(.ENOENT, path) }
        guard case .directory(let directory) = node else { throw FileSystemError(.ENOTDIR, path) }
        guard permits(directory.metadata, user, 0o4) else { throw FileSystemError(.EACCES, path) }
        return directory.entries.keys.sorted()
    }

    // MARK: Writing

    /// Creates or truncates (or appends to) a regular file.
    public func writeFile(_ path: String, _ bytes: [UInt8], append: Bool = false, mode: UInt16 = 0o644, as user: Credentials = .root) throws(FileSystemError) {
        let resolved = try resolve(path, followFinal: true, as: user)
        let now = clock()
        if let existing = node(at: resolved) {
            switch existing {
            case .directory: throw FileSystemError(.EISDIR, path)
            case .device: return // writes to /dev/null and friends vanish
            case .symlink: throw FileSystemError(.ELOOP, path)
            case .file(let content, var metadata):
                guard permits(metadata, user, 0o2) else { throw FileSystemError(.EACCES, path) }
                metadata.modified = now
                let newBytes = append ? content.bytes + bytes : bytes
                try replace(resolved, with: .file(.bytes(newBytes), metadata), path: path)
            }
            return
        }
        try create(resolved, .file(.bytes(bytes), FileMetadata(mode: mode, owner: user.uid, group: user.gid, modified: now)), path: path, as: user)
    }

    /// Writes a file with the given content (bytes or a binary), replacing what was there.
    public func setContent(_ path: String, _ content: FileContent, mode: UInt16 = 0o644, as user: Credentials = .root) throws(FileSystemError) {
        let resolved = try resolve(path, followFinal: true, as: user)
        let metadata = FileMetadata(mode: mode, owner: user.uid, group: user.gid, modified: clock())
        if let existing = node(at: resolved) {
            if case .directory = existing { throw FileSystemError(.EISDIR, path) }
            guard permits(existing.metadata, user, 0o2) else { throw FileSystemError(.EACCES, path) }
            try replace(resolved, with: .file(content, metadata), path: path)
        } else {
            try create(resolved, .file(content, metadata), path: path, as: user)
        }
    }

    public func createDirectory(_ path: String, intermediates: Bool = false, mode: UInt16 = 0o755, as user: Credentials = .root) throws(FileSystemError) {
        if intermediates {
            var current = "/"
            for component in Paths.components(of: Paths.normalize(path)) {
                current = Paths.join(current, component)
                if let status = try? status(current, as: user) {
                    guard status.kind == .directory else { throw FileSystemError(.ENOTDIR, current) }
                    continue
                }
                try createDirectory(current, intermediates: false, mode: mode, as: user)
            }
            return
        }
        let resolved = try resolve(path, followFinal: false, as: user)
        if node(at: resolved) != nil { throw FileSystemError(.EEXIST, path) }
        let metadata = FileMetadata(mode: mode, owner: user.uid, group: user.gid, modified: clock())
        try create(resolved, .directory(Directory(metadata: metadata)), path: path, as: user)
    }

    public func createSymlink(at path: String, target: String, as user: Credentials = .root) throws(FileSystemError) {
        let resolved = try resolve(path, followFinal: false, as: user)
        if node(at: resolved) != nil { throw FileSystemError(.EEXIST, path) }
        let metadata = FileMetadata(mode: 0o777, owner: user.uid, group: user.gid, modified: clock())
        try create(resolved, .symlink(target: target, metadata), path: path, as: user)
    }

    /// Places a whole subtree (or device, or file) at `path`, replacing what is there.
    public func install(_ node: FileNode, at path: String) throws(FileSystemError) {
        let resolved = try resolve(path, followFinal: false, as: .root)
        if self.node(at: resolved) != nil {
            try replace(resolved, with: node, path: path)
        } else {
            try create(resolved, node, path: path, as: .root)
        }
    }

    /// Creates an empty file, or updates the modification time of an existing one.
    public func touch(_ path: String, as user: Credentials = .root) throws(FileSystemError) {
        let resolved = try resolve(path, followFinal: true, as: user)
        if var existing = node(at: resolved) {
            guard permits(existing.metadata, user, 0o2) else { throw FileSystemError(.EACCES, path) }
            existing.metadata.modified = clock()
            try replace(resolved, with: existing, path: path)
        } else {
            try writeFile(path, [], as: user)
        }
    }

    public func remove(_ path: String, recursive: Bool = false, as user: Credentials = .root) throws(FileSystemError) {
        let resolved = try resolve(path, followFinal: false, as: user)
        guard let existing = node(at: resolved) else { throw FileSystemError(.ENOENT, path) }
        guard !resolved.isEmpty else { throw FileSystemError(.EBUSYOrPermission, path) }
        if case .directory(let directory) = existing, !recursive, !directory.entries.isEmpty {
            throw FileSystemError(.ENOTEMPTY, path)
        }
        try checkParentWritable(resolved, path: path, as: user)
        if holdsMountPoint(resolved) { throw FileSystemError(.EBUSY, path) }
        try setEntry(resolved, nil, path: path)
    }

    public func move(_ source: String, to destination: String, as user: Credentials = .root) throws(FileSystemError) {
        let from = try resolve(source, followFinal: false, as: user)
        guard let moving = node(at: from) else { throw FileSystemError(.ENOENT, source) }
        var to = try resolve(destination, followFinal: true, as: user)
        if case .directory = node(at: to), let name = from.last { to.append(name) }
        if to.starts(with: from), to.count > from.count { throw FileSystemError(.EINVAL, destination) }
        if to == from { return }
        try checkParentWritable(from, path: source, as: user)
        try checkParentWritable(to, path: destination, as: user)
        if case .directory = node(at: to), case .directory = moving {} else if case .directory = node(at: to) {
            throw FileSystemError(.EISDIR, destination)
        }
        if holdsMountPoint(from) { throw FileSystemError(.EBUSY, source) }
        if isMountPoint(to) { throw FileSystemError(.EBUSY, destination) }
        // Both sides are checked before either changes, so a read-only side leaves no half move.
        try checkWritable(from, path: source)
        try checkWritable(to, path: destination)
        // Across mounts this copies and removes, as `mv` does when rename(2) says EXDEV.
        try setEntry(to, moving, path: destination)
        try setEntry(from, nil, path: source)
    }

    /// rename(2): moves `source` to exactly `destination` (never into it), replacing a file or
    /// symbolic link there; EXDEV across mounts. The kubelet's atomic `..data` swap uses it.
    public func rename(_ source: String, to destination: String, as user: Credentials = .root) throws(FileSystemError) {
        let from = try resolve(source, followFinal: false, as: user)
        let to = try resolve(destination, followFinal: false, as: user)
        guard let moving = node(at: from) else { throw FileSystemError(.ENOENT, source) }
        if to.starts(with: from), to.count > from.count { throw FileSystemError(.EINVAL, destination) }
        if to == from { return }
        if holdsMountPoint(from) || isMountPoint(to) { throw FileSystemError(.EBUSY, source) }
        guard try locate(Array(from.dropLast())).fileSystem === locate(Array(to.dropLast())).fileSystem,
              mountCovering(from)?.target == mountCovering(to)?.target else {
            throw FileSystemError(.EXDEV, source)
        }
        try checkParentWritable(from, path: source, as: user)
        try checkParentWritable(to, path: destination, as: user)
        if case .directory(let existing)? = node(at: to) {
            guard case .directory = moving else { throw FileSystemError(.EISDIR, destination) }
            guard existing.entries.isEmpty else { throw FileSystemError(.ENOTEMPTY, destination) }
        } else if node(at: to) != nil, case .directory = moving {
            throw FileSystemError(.ENOTDIR, destination)
        }
        try checkWritable(from, path: source)
        try setEntry(to, moving, path: destination)
        try setEntry(from, nil, path: source)
    }

    public func copy(_ source: String, to destination: String, recursive: Bool, as user: Credentials = .root) throws(FileSystemError) {
        let from = try resolve(source, followFinal: true, as: user)
        guard var copied = node(at: from) else { throw FileSystemError(.ENOENT, source) }
        if case .directory = copied, !recursive { throw FileSystemError(.EISDIR, source) }
        if case .file(_, let metadata) = copied, !permits(metadata, user, 0o4) { throw FileSystemError(.EACCES, source) }
        var to = try resolve(destination, followFinal: true, as: user)
        if case .directory = node(at: to), let name = from.last { to.append(name) }
        if to.starts(with: from), to.count > from.count { throw FileSystemError(.EINVAL, destination) }
        var metadata = copied.metadata
        metadata.modified = clock()
        metadata.owner = user.uid
        metadata.group = user.gid
        copied.metadata = metadata
        if node(at: to) != nil {
            try replace(to, with: copied, path: destination)
        } else {
            try create(to, copied, path: destination, as: user)
        }
    }

    public func setMode(_ path: String, _ mode: UInt16, as user: Credentials = .root) throws(FileSystemError) {
        let resolved = try resolve(path, followFinal: true, as: user)
        guard var existing = node(at: resolved) else { throw FileSystemError(.ENOENT, path) }
        guard user.isRoot || existing.metadata.owner == user.uid else { throw FileSystemError(.EPERM, path) }
        existing.metadata.mode = mode
        try replace(resolved, with: existing, path: path)
    }

    /// Changes the owner and group of `path` (root only, as `chown`).
    public func setOwner(_ path: String, uid: UInt32, gid: UInt32, as user: Credentials = .root) throws(FileSystemError) {
        guard user.isRoot else { throw FileSystemError(.EPERM, path) }
        let resolved = try resolve(path, followFinal: true, as: user)
        guard var existing = node(at: resolved) else { throw FileSystemError(.ENOENT, path) }
        existing.metadata.owner = uid
        existing.metadata.group = gid
        try replace(resolved, with: existing, path: path)
    }

    // MARK: Resolution

    /// The physical components of `path` after following symbolic links (the last one only when
    /// `followFinal`). The final entry need not exist; every directory on the way must.
    public func resolve(_ path: String, followFinal: Bool, as user: Credentials = .root) throws(FileSystemError) -> [String] {
        var pending = Paths.components(of: Paths.normalize(path))
        var resolved: [String] = []
        var hops = 0
        while !pending.isEmpty {
            let name = pending.removeFirst()
            if name == "." { continue }
            if name == ".." {
                if !resolved.isEmpty { resolved.removeLast() }
                continue
            }
            guard case .directory(let directory)? = node(at: resolved) else {
                throw FileSystemError(node(at: resolved) == nil ? .ENOENT : .ENOTDIR, path)
            }
            guard permits(directory.metadata, user, 0o1) else { throw FileSystemError(.EACCES, path) }
            let child = directory.entries[name]
            if case .symlink(let target, _)? = child, followFinal || !pending.isEmpty {
                hops += 1
                if hops > Self.symlinkLimit { throw FileSystemError(.ELOOP, path) }
                let targetComponents = Paths.components(of: target)
                if target.hasPrefix("/") { resolved = [] }
                pending = targetComponents + pending
                continue
            }
            if child == nil, !pending.isEmpty { throw FileSystemError(.ENOENT, path) }
            resolved.append(name)
        }
        return resolved
    }

    // MARK: Tree access

    /// The entry at physical `components`, looked up through the mount table.
    func node(at components: [String]) -> FileNode? {
        if mounts.isEmpty { return storedNode(at: components) }
        guard let location = try? locate(components) else { return nil }
        return location.fileSystem.storedNode(at: location.components)
    }

    /// The entry at `components` of this file system's own tree, ignoring mounts.
    func storedNode(at components: [String]) -> FileNode? {
        var current = FileNode.directory(root)
        for name in components {
            guard case .directory(let directory) = current, let next = directory.entries[name] else { return nil }
            current = next
        }
        return current
    }

    private func create(_ resolved: [String], _ node: FileNode, path: String, as user: Credentials) throws(FileSystemError) {
        guard !resolved.isEmpty else { throw FileSystemError(.EEXIST, path) }
        try checkParentWritable(resolved, path: path, as: user)
        try setEntry(resolved, node, path: path, touchParent: true)
    }

    private func replace(_ resolved: [String], with node: FileNode, path: String) throws(FileSystemError) {
        try setEntry(resolved, node, path: path)
    }

    /// Puts `node` (nil: nothing) at physical `resolved`, in whichever tree the mount table says
    /// holds it; EROFS when that mount is read-only.
    private func setEntry(_ resolved: [String], _ node: FileNode?, path: String, touchParent: Bool = false) throws(FileSystemError) {
        let location = try locate(resolved, path: path)
        if location.readOnly { throw FileSystemError(.EROFS, path) }
        try location.fileSystem.setStoredEntry(location.components, node, path: path, touchParent: touchParent, now: clock())
    }

    /// `setEntry` on this file system's own tree.
    private func setStoredEntry(_ components: [String], _ node: FileNode?, path: String, touchParent: Bool,
                                now: VirtualInstant) throws(FileSystemError) {
        guard let name = components.last else {
            guard case .directory(let directory)? = node else { throw FileSystemError(node == nil ? .EBUSY : .EISDIR, path) }
            root = directory
            return
        }
        try Self.mutate(&root, components.dropLast()[...], path: path) { directory throws(FileSystemError) in
            directory.entries[name] = node
            if touchParent { directory.metadata.modified = now }
        }
    }

    /// EROFS when `resolved` lies on a read-only mount.
    private func checkWritable(_ resolved: [String], path: String) throws(FileSystemError) {
        if try locate(resolved, path: path).readOnly { throw FileSystemError(.EROFS, path) }
    }

    private func checkParentWritable(_ resolved: [String], path: String, as user: Credentials) throws(FileSystemError) {
        guard case .directory(let parent)? = node(at: Array(resolved.dropLast())) else {
            throw FileSystemError(.ENOENT, path)
        }
        guard permits(parent.metadata, user, 0o2) else { throw FileSystemError(.EACCES, path) }
    }

    private static func mutate(_ directory: inout Directory, _ components: ArraySlice<String>, path: String, _ body: (inout Directory) throws(FileSystemError) -> Void) throws(FileSystemError) {
        guard let name = components.first else {
            try body(&directory)
            return
        }
        guard case .directory(var child)? = directory.entries[name] else {
            throw FileSystemError(directory.entries[name] == nil ? .ENOENT : .ENOTDIR, path)
        }
        // Take the child out first so the mutation below is in place, not a copy.
        directory.entries[name] = nil
        defer { directory.entries[name] = .directory(child) }
        try mutate(&child, components.dropFirst(), path: path, body)
    }

    /// Whether `user` has the permission `bits` (0o4 read, 0o2 write, 0o1 execute/search).
    public func permits(_ metadata: FileMetadata, _ user: Credentials, _ bits: UInt16) -> Bool {
        if user.isRoot { return true }
        if metadata.owner == user.uid { return metadata.mode & (bits << 6) != 0 }
        if metadata.group == user.gid { return metadata.mode & (bits << 3) != 0 }
        return metadata.mode & bits != 0
    }
}

extension Errno {
    /// Removing the root itself: Linux says EBUSY; the simulation reports it as not permitted.
    static let EBUSYOrPermission = Errno.EPERM
}
