import Kernel
import Simulation

/// An executable to place in a root file system: where, which registered program, how big.
public struct InstalledProgram: Hashable, Sendable {
    public var path: String
    public var program: String
    public var size: Int

    public init(path: String, program: String, size: Int) {
        self.path = path
        self.program = program
        self.size = size
    }
}

/// Builds a directory tree with a fixed modification time (the image's build date), owned by
/// root unless said otherwise.
struct TreeBuilder {
    let fileSystem: FileSystem

    init(modified: VirtualInstant) {
        fileSystem = FileSystem(root: Directory(metadata: FileMetadata(mode: 0o755, modified: modified)), clock: { modified })
    }

    var root: Directory { fileSystem.root }

    func directories(_ paths: [String], mode: UInt16 = 0o755) {
        for path in paths { directory(path, mode: mode) }
    }

    func directory(_ path: String, mode: UInt16 = 0o755, owner: Credentials = .root) {
        try? fileSystem.createDirectory(path, intermediates: true, mode: 0o755)
        try? fileSystem.setMode(path, mode)
        if owner != .root, case .directory(var directory)? = try? fileSystem.node(at: path) {
            directory.metadata.owner = owner.uid
            directory.metadata.group = owner.gid
            try? fileSystem.install(.directory(directory), at: path)
        }
    }

    func file(_ path: String, _ text: String, mode: UInt16 = 0o644, owner: UInt32 = 0, group: UInt32 = 0) {
        try? fileSystem.createDirectory(Paths.parent(path), intermediates: true)
        try? fileSystem.install(.file(.bytes(Array(text.utf8)), FileMetadata(mode: mode, owner: owner, group: group,
                                                                            modified: fileSystem.clock())), at: path)
    }

    func program(_ installed: InstalledProgram) {
        try? fileSystem.createDirectory(Paths.parent(installed.path), intermediates: true)
        try? fileSystem.install(.file(.program(name: installed.program, size: installed.size),
                                      FileMetadata(mode: 0o755, modified: fileSystem.clock())), at: installed.path)
    }

    func program(_ path: String, _ name: String, size: Int) {
        program(InstalledProgram(path: path, program: name, size: size))
    }

    func symlink(_ path: String, to target: String) {
        try? fileSystem.createDirectory(Paths.parent(path), intermediates: true)
        try? fileSystem.createSymlink(at: path, target: target)
    }

    func device(_ path: String, _ device: Device, mode: UInt16 = 0o666) {
        try? fileSystem.createDirectory(Paths.parent(path), intermediates: true)
        try? fileSystem.install(.device(device, FileMetadata(mode: mode, modified: fileSystem.clock())), at: path)
    }

    /// /dev as a container or the workstation sees it.
    func standardDevices() {
        device("/dev/null", .null)
        device("/dev/zero", .zero)
        device("/dev/random", .random)
        device("/dev/urandom", .random)
        device("/dev/tty", .terminal)
        directory("/dev/pts")
        directory("/dev/shm", mode: 0o1777)
    }
}
