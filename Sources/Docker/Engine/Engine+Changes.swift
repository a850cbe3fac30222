import Kernel

/// One change `docker diff` lists: what happened at a path of the container's file system.
public struct FileSystemChange: Equatable, Sendable {
    /// The letter `docker diff` prints.
    public enum Kind: String, Sendable {
        case changed = "C", added = "A", deleted = "D"
    }

    public var kind: Kind
    public var path: String
}

extension DockerEngine {
    /// Files the runtime bind-mounts over the container's own (`/etc/hosts` and friends): they
    /// live outside its writable layer, so they never show as changes.
    static let boundFiles = ["/etc/hostname", "/etc/hosts", "/etc/resolv.conf"]

    /// The changes in `container`'s writable layer since it was created, parents before
    /// children, in path order, as the daemon's `/containers/ID/changes` reports them.
    public func changes(in container: Container) -> [FileSystemChange] {
        let created = FileSystem(root: container.createdTree)
        let current = FileSystem(root: container.machine.fileSystem.root)
        for path in Self.boundFiles {
            if let node = try? created.node(at: path) {
                try? current.install(node, at: path)
            } else {
                try? current.remove(path)
            }
        }
        // `/etc` made only to hold them (an image without one) is no change either.
        if !created.exists("/etc"), (try? current.listDirectory("/etc"))?.isEmpty == true { try? current.remove("/etc") }
        // Creating them touched `/etc` itself; what the container did in it still shows.
        var root = current.root
        if case .directory(var etc) = root.entries["etc"], case .directory(let createdEtc) = container.createdTree.entries["etc"] {
            etc.metadata = createdEtc.metadata
            root.entries["etc"] = .directory(etc)
        }
        let layer = Layer.difference(from: container.createdTree, to: root)
        // The daemon walks the layer a directory at a time: `/etc/a` comes before `/etc-x`.
        let walked = layer.entries.sorted {
            $0.path.split(separator: "/").lexicographicallyPrecedes($1.path.split(separator: "/"))
        }
        return walked.map { entry in
            let kind: FileSystemChange.Kind
            if entry.kind == .whiteout {
                kind = .deleted
            } else {
                kind = (try? created.status(entry.path, followSymlinks: false)) != nil ? .changed : .added
            }
            return FileSystemChange(kind: kind, path: entry.path)
        }
    }
}
