import Kernel
import Simulation

/// One entry of a layer's file-tree diff: a file, directory or link to put in place, or a
/// whiteout that deletes what lower layers had at that path.
public struct LayerEntry: Codable, Hashable, Sendable {
    /// What the entry puts at its path.
    public enum Kind: String, Codable, Sendable {
        case file, program, directory, symlink, whiteout
    }

    public var path: String
    public var kind: Kind
    public var mode: UInt16
    public var owner: UInt32
    public var group: UInt32
    public var modifiedSeconds: Int64
    /// File bytes (`file`), the link target (`symlink`, as UTF-8), or the program name (`program`).
    public var data: [UInt8]
    /// The size of a `program` binary.
    public var programSize: Int

    public init(path: String, kind: Kind, mode: UInt16 = 0o755, owner: UInt32 = 0, group: UInt32 = 0,
                modifiedSeconds: Int64 = 0, data: [UInt8] = [], programSize: Int = 0) {
        self.path = path
        self.kind = kind
        self.mode = mode
        self.owner = owner
        self.group = group
        self.modifiedSeconds = modifiedSeconds
        self.data = data
        self.programSize = programSize
    }

    /// The bytes this entry adds to a layer's size.
    public var size: Int {
        switch kind {
        case .file: data.count
        case .program: programSize
        case .directory, .symlink, .whiteout: 0
        }
    }

    /// The entry for `node` at `path`, without its children.
    init(path: String, node: FileNode) {
        let metadata = node.metadata
        var kind = Kind.file
        var data: [UInt8] = []
        var programSize = 0
        switch node {
        case .file(.bytes(let bytes), _): data = bytes
        case .file(.program(let name, let size), _):
            kind = .program
            data = Array(name.utf8)
            programSize = size
        case .directory: kind = .directory
        case .symlink(let target, _):
            kind = .symlink
            data = Array(target.utf8)
        case .device: kind = .file
        }
        self.init(path: path, kind: kind, mode: metadata.mode, owner: metadata.owner, group: metadata.group,
                  modifiedSeconds: metadata.modified.secondsSinceEpoch, data: data, programSize: programSize)
    }

    /// The node this entry installs (an empty directory for `directory`); nil for a whiteout.
    var node: FileNode? {
        let metadata = FileMetadata(mode: mode, owner: owner, group: group,
                                    modified: VirtualInstant(secondsSinceEpoch: modifiedSeconds))
        switch kind {
        case .file: return .file(.bytes(data), metadata)
        case .program: return .file(.program(name: String(decoding: data, as: UTF8.self), size: programSize), metadata)
        case .directory: return .directory(Directory(metadata: metadata))
        case .symlink: return .symlink(target: String(decoding: data, as: UTF8.self), metadata)
        case .whiteout: return nil
        }
    }
}

/// An image layer: an ordered file-tree diff, named by the digest of its canonical encoding.
public struct Layer: Codable, Hashable, Sendable {
    public let entries: [LayerEntry]
    /// A size to report instead of the sum of the entries (base images stand in for hundreds
    /// of megabytes with a small tree).
    public let nominalSize: Int?
    public let digest: String

    public init(entries: [LayerEntry], nominalSize: Int? = nil) {
        self.entries = entries.sorted { $0.path < $1.path }
        self.nominalSize = nominalSize
        self.digest = ContentDigest.sha256(Layer.canonicalEncoding(self.entries, nominalSize: nominalSize))
    }

    /// The bytes this layer adds to an image.
    public var size: Int {
        nominalSize ?? entries.reduce(0) { $0 + $1.size }
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// A stable byte form: every field of every entry, length-prefixed, in path order.
    static func canonicalEncoding(_ entries: [LayerEntry], nominalSize: Int?) -> [UInt8] {
        var bytes: [UInt8] = Array("layer-v1\n".utf8)
        func field(_ value: [UInt8]) {
            bytes += Array(String(value.count).utf8) + [0x3A] + value + [0x0A]
        }
        if let nominalSize { field(Array("nominal \(nominalSize)".utf8)) }
        for entry in entries {
            field(Array(entry.path.utf8))
            field(Array("\(entry.kind.rawValue) \(entry.mode) \(entry.owner) \(entry.group) \(entry.modifiedSeconds) \(entry.programSize)".utf8))
            field(entry.data)
        }
        return bytes
    }
}

extension Layer {
    /// Applies the layer on top of `root`: entries replace what is there, whiteouts delete.
    public func apply(to root: inout Directory) {
        for entry in entries {
            let components = entry.path.split(separator: "/").map(String.init)
            guard !components.isEmpty else {
                if entry.kind == .directory, let node = entry.node { root.metadata = node.metadata }
                continue
            }
            Self.place(entry, components[...], in: &root)
        }
    }

    private static func place(_ entry: LayerEntry, _ components: ArraySlice<String>, in directory: inout Directory) {
        guard let name = components.first else { return }
        if components.count == 1 {
            switch entry.kind {
            case .whiteout:
                directory.entries[name] = nil
            case .directory:
                // A directory entry updates metadata and keeps the children lower layers gave it.
                if case .directory(var existing) = directory.entries[name], let node = entry.node {
                    existing.metadata = node.metadata
                    directory.entries[name] = .directory(existing)
                } else {
                    directory.entries[name] = entry.node
                }
            default:
                directory.entries[name] = entry.node
            }
            return
        }
        var child: Directory
        if case .directory(let existing) = directory.entries[name] {
            child = existing
        } else {
            child = Directory()
        }
        place(entry, components.dropFirst(), in: &child)
        directory.entries[name] = .directory(child)
    }

    /// The layer that turns `old` into `new`: changed and added entries (with the directories
    /// that hold them) and whiteouts for removed ones.
    public static func difference(from old: Directory, to new: Directory, nominalSize: Int? = nil) -> Layer {
        var entries: [LayerEntry] = []
        collectDifference(old, new, path: "", into: &entries)
        return Layer(entries: entries, nominalSize: nominalSize)
    }

    /// Every entry of a whole tree (the first layer of a base image).
    public static func snapshot(of root: Directory, nominalSize: Int? = nil) -> Layer {
        var entries: [LayerEntry] = []
        collectSubtree(.directory(root), path: "", into: &entries, includeSelf: false)
        return Layer(entries: entries, nominalSize: nominalSize)
    }

    private static func collectSubtree(_ node: FileNode, path: String, into entries: inout [LayerEntry], includeSelf: Bool = true) {
        // Device nodes belong to the runtime's /dev, never to a layer.
        if case .device = node { return }
        if includeSelf { entries.append(LayerEntry(path: path, node: node)) }
        if case .directory(let directory) = node {
            for name in directory.entries.keys.sorted() {
                if let child = directory.entries[name] {
                    collectSubtree(child, path: path + "/" + name, into: &entries)
                }
            }
        }
    }

    private static func collectDifference(_ old: Directory, _ new: Directory, path: String, into entries: inout [LayerEntry]) {
        for name in new.entries.keys.sorted() {
            guard let newNode = new.entries[name] else { continue }
            let childPath = path + "/" + name
            guard let oldNode = old.entries[name] else {
                collectSubtree(newNode, path: childPath, into: &entries)
                continue
            }
            if oldNode == newNode { continue }
            if case .device = newNode { continue }
            if case .directory(let oldDirectory) = oldNode, case .directory(let newDirectory) = newNode {
                entries.append(LayerEntry(path: childPath, node: newNode))
                collectDifference(oldDirectory, newDirectory, path: childPath, into: &entries)
            } else {
                collectSubtree(newNode, path: childPath, into: &entries)
            }
        }
        for name in old.entries.keys.sorted() where new.entries[name] == nil && old.entries[name]?.kind != .device {
            entries.append(LayerEntry(path: path + "/" + name, kind: .whiteout))
        }
    }
}
