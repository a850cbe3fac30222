import Simulation

/// Owner, permission bits and modification time of a file system entry.
public struct FileMetadata: Hashable, Sendable {
    /// Permission bits, e.g. `0o755` (the file type lives in `FileNode`).
    public var mode: UInt16
    public var owner: UInt32
    public var group: UInt32
    public var modified: VirtualInstant

    public init(mode: UInt16, owner: UInt32 = 0, group: UInt32 = 0, modified: VirtualInstant = .worldEpoch) {
        self.mode = mode
        self.owner = owner
        self.group = group
        self.modified = modified
    }
}

/// What a regular file holds.
public enum FileContent: Hashable, Sendable {
    case bytes([UInt8])
    /// An executable binary: running it runs the built-in program registered under `name`.
    case program(name: String, size: Int)

    public var size: Int {
        switch self {
        case .bytes(let bytes): bytes.count
        case .program(_, let size): size
        }
    }

    /// The bytes a reader sees; a binary reads as an ELF header followed by filler.
    public var bytes: [UInt8] {
        switch self {
        case .bytes(let bytes):
            return bytes
        case .program(let name, let size):
            var header: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0]
            header += Array(name.utf8.prefix(32))
            // Readers of binaries only ever look at the head; keep memory flat for big sizes.
            let visible = min(size, 4096)
            if header.count < visible { header += [UInt8](repeating: 0, count: visible - header.count) }
            return Array(header.prefix(visible))
        }
    }
}

/// Special files under /dev, and `/proc/mounts`.
public enum Device: Hashable, Sendable {
    case null, zero, random, terminal
    /// Reads as the machine's mount table (`/proc/mounts`).
    case mountTable
}

/// One entry of a simulated file system.
public indirect enum FileNode: Hashable, Sendable {
    case file(FileContent, FileMetadata)
    case directory(Directory)
    case symlink(target: String, FileMetadata)
    case device(Device, FileMetadata)

    public var metadata: FileMetadata {
        get {
            switch self {
            case .file(_, let metadata), .symlink(_, let metadata), .device(_, let metadata): metadata
            case .directory(let directory): directory.metadata
            }
        }
        set {
            switch self {
            case .file(let content, _): self = .file(content, newValue)
            case .symlink(let target, _): self = .symlink(target: target, newValue)
            case .device(let device, _): self = .device(device, newValue)
            case .directory(var directory):
                directory.metadata = newValue
                self = .directory(directory)
            }
        }
    }

    public var kind: FileKind {
        switch self {
        case .file: .file
        case .directory: .directory
        case .symlink: .symlink
        case .device: .device
        }
    }

    /// The size `ls -l` shows.
    public var size: Int {
        switch self {
        case .file(let content, _): content.size
        case .directory: 4096
        case .symlink(let target, _): target.utf8.count
        case .device: 0
        }
    }
}

/// A directory: named entries and its own metadata. A value, so snapshots are cheap.
public struct Directory: Hashable, Sendable {
    public var entries: [String: FileNode]
    public var metadata: FileMetadata

    public init(entries: [String: FileNode] = [:], metadata: FileMetadata = FileMetadata(mode: 0o755)) {
        self.entries = entries
        self.metadata = metadata
    }
}

/// The type of a file system entry.
public enum FileKind: Hashable, Sendable {
    case file, directory, symlink, device
}

/// What `stat` reports about an entry.
public struct FileStatus: Hashable, Sendable {
    public var kind: FileKind
    public var size: Int
    public var metadata: FileMetadata
    public var symlinkTarget: String?
    public var linkCount: Int
    /// Whether the file is an executable binary or script the kernel would run.
    public var isExecutable: Bool { metadata.mode & 0o111 != 0 }
}

/// A failed file system call: the error number and the path it concerned.
public struct FileSystemError: Error, Hashable, Sendable {
    public let code: Errno
    public let path: String

    public init(_ code: Errno, _ path: String) {
        self.code = code
        self.path = path
    }
}
