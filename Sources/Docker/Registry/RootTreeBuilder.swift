import Machine
import Simulation

/// Assembles a small root file system for a base image.
struct RootTreeBuilder {
    private let fileSystem: FileSystem
    private let created: VirtualInstant

    init(created: VirtualInstant) {
        self.created = created
        fileSystem = FileSystem(clock: { created })
        for directory in ["/bin", "/dev", "/etc", "/home", "/proc", "/root", "/sys", "/tmp", "/usr/bin", "/usr/local/bin",
                          "/usr/sbin", "/sbin", "/var/log", "/var/tmp"] {
            try? fileSystem.createDirectory(directory, intermediates: true)
        }
        try? fileSystem.setMode("/tmp", 0o777)
        file("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n")
        file("/etc/group", "root:x:0:\nnogroup:x:65534:\n")
    }

    /// Binaries in `directory`, each running the built-in program of the same name.
    func programs(_ names: [String], in directory: String, size: Int = 120_000) {
        for name in names { program(directory + "/" + name, runs: name, size: size) }
    }

    func program(_ path: String, runs name: String, size: Int) {
        try? fileSystem.createDirectory(Paths.parent(path), intermediates: true)
        try? fileSystem.setContent(path, .program(name: name, size: size), mode: 0o755)
    }

    func file(_ path: String, _ text: String, mode: UInt16 = 0o644) {
        try? fileSystem.createDirectory(Paths.parent(path), intermediates: true)
        try? fileSystem.writeFile(path, Array(text.utf8), mode: mode)
    }

    func directory(_ path: String) {
        try? fileSystem.createDirectory(path, intermediates: true)
    }

    func symlink(_ path: String, to target: String) {
        try? fileSystem.createDirectory(Paths.parent(path), intermediates: true)
        try? fileSystem.createSymlink(at: path, target: target)
    }

    var root: Directory { fileSystem.root }
}
