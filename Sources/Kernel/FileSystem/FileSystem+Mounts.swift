/// The rows of `/proc/mounts` that graft nothing: the root file system and the kernel's.
public struct ListedMounts {
    /// The root file system's row, made when asked (its options name per-container paths).
    public var root: (() -> Mount)?
    public var before: [Mount] = []
    public var after: [Mount] = []

    public init(root: (() -> Mount)? = nil, before: [Mount] = [], after: [Mount] = []) {
        self.root = root
        self.before = before
        self.after = after
    }
}

/// The mount table: grafting shared trees onto this file system, and finding which tree holds
/// a path.
extension FileSystem {
    /// Where a physical path's entry is stored: a tree and the components inside it.
    struct Location {
        let fileSystem: FileSystem
        let components: [String]
        /// Whether some mount on the way is read-only.
        let readOnly: Bool
    }

    /// How many file systems a lookup may pass through: a bind of a bind of a bind… and a
    /// cycle (a tree mounted inside itself through another machine) ends with ELOOP.
    static let mountDepthLimit = 16

    /// Mounts `source` over the directory (or file) at `target`, which must exist and be of the
    /// same kind, as mount(2) with MS_BIND requires. Symbolic links in `target` are followed.
    public func mount(_ source: MountSource, at target: String, device: String, type: String, readOnly: Bool = false,
                      options: [String] = ["relatime"]) throws(FileSystemError) {
        let resolved = try resolve(target, followFinal: true)
        guard let covered = node(at: resolved) else { throw FileSystemError(.ENOENT, target) }
        let mounted = try source.fileSystem.node(at: source.path)
        if case .directory = mounted {
            guard case .directory = covered else { throw FileSystemError(.ENOTDIR, target) }
        } else if case .directory = covered {
            throw FileSystemError(.EISDIR, target)
        }
        mounts.append(Mount(device: device, target: "/" + resolved.joined(separator: "/"), type: type, readOnly: readOnly,
                            options: options, source: source))
        // A cycle shows up at once rather than on some later lookup.
        if (try? locate(resolved)) == nil {
            mounts.removeLast()
            throw FileSystemError(.ELOOP, target)
        }
    }

    /// Removes the most recent mount at `target`, as umount(2): EINVAL when nothing is mounted
    /// there, EBUSY while another mount lies beneath it.
    public func unmount(_ target: String) throws(FileSystemError) {
        let path = Paths.normalize(target)
        guard let index = mounts.lastIndex(where: { $0.target == path }) else { throw FileSystemError(.EINVAL, target) }
        let components = mounts[index].targetComponents
        let nested = mounts[(index + 1)...].contains {
            $0.targetComponents.count > components.count && $0.targetComponents.starts(with: components)
        }
        if nested { throw FileSystemError(.EBUSY, target) }
        mounts.remove(at: index)
    }

    /// Unmounts everything at or below `target` (a container's or pod's mounts when it goes).
    public func unmountAll(under target: String) {
        let components = Paths.components(of: Paths.normalize(target))
        mounts.removeAll { $0.targetComponents.starts(with: components) }
    }

    /// The mount table as `/proc/mounts` prints it.
    public var procMounts: String {
        let rows = (listedMounts.root.map { [$0()] } ?? []) + listedMounts.before + mounts + listedMounts.after
        return rows.map { $0.procLine + "\n" }.joined()
    }

    /// The grafted mount `path` lies on, if any (a bind of it shows that mount's device).
    public func mount(containing path: String) -> Mount? {
        guard let resolved = try? resolve(path, followFinal: true) else { return nil }
        return mountCovering(resolved)
    }

    // MARK: Lookup

    /// The mount with a tree that covers `components` (the last mounted of the deepest).
    func mountCovering(_ components: [String]) -> Mount? {
        var best: Mount?
        for mount in mounts {
            let target = mount.targetComponents
            guard target.count <= components.count, components.starts(with: target) else { continue }
            if best == nil || target.count >= (best?.targetComponents.count ?? 0) { best = mount }
        }
        return best
    }

    /// Whether a tree is mounted exactly at `components`.
    func isMountPoint(_ components: [String]) -> Bool {
        mounts.contains { $0.targetComponents == components }
    }

    /// Whether a tree is mounted at `components` or anywhere beneath it.
    func holdsMountPoint(_ components: [String]) -> Bool {
        mounts.contains { $0.targetComponents.starts(with: components) }
    }

    /// Follows the mount table from physical `components` to the tree that stores them.
    func locate(_ components: [String], path: String = "", depth: Int = 0) throws(FileSystemError) -> Location {
        guard depth < Self.mountDepthLimit else { throw FileSystemError(.ELOOP, path) }
        if mounts.isEmpty { return Location(fileSystem: self, components: components, readOnly: false) }
        guard let mount = mountCovering(components), let source = mount.source else {
            return Location(fileSystem: self, components: components, readOnly: false)
        }
        let inner = source.components + components.dropFirst(mount.targetComponents.count)
        let location = try source.fileSystem.locate(inner, path: path, depth: depth + 1)
        return Location(fileSystem: location.fileSystem, components: location.components,
                        readOnly: mount.readOnly || location.readOnly)
    }
}
