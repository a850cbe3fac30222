@testable import Kernel
import Testing

@Suite struct FileSystemTests {
    let learner = Credentials(uid: 1000, gid: 1000, userName: "learner", home: "/home/learner")

    func makeFileSystem() throws -> FileSystem {
        let fileSystem = FileSystem()
        try fileSystem.createDirectory("/etc")
        try fileSystem.writeFile("/etc/shadow", Array("root:*:17000::::::\n".utf8), mode: 0o640)
        try fileSystem.createDirectory("/home/learner", intermediates: true)
        try fileSystem.install(.directory(Directory(metadata: FileMetadata(mode: 0o755, owner: 1000, group: 1000))), at: "/home/learner")
        return fileSystem
    }

    @Test(arguments: [
        ("a/b/../c", "/home/x", "/home/x/a/c"),
        ("../../../../etc/shadow", "/home/learner", "/etc/shadow"),
        ("/", "/tmp", "/"),
        ("./././", "/tmp", "/tmp"),
        ("..", "/", "/"),
        ("//a//b/", "/", "/a/b"),
    ])
    func normalizesPaths(path: String, directory: String, expected: String) {
        #expect(Paths.normalize(path, relativeTo: directory) == expected)
    }

    @Test func writesReadsAndAppends() throws {
        let fileSystem = try makeFileSystem()
        try fileSystem.writeFile("/home/learner/a.txt", Array("hi\n".utf8), as: learner)
        try fileSystem.writeFile("/home/learner/a.txt", Array("there\n".utf8), append: true, as: learner)
        #expect(try fileSystem.readFile("/home/learner/a.txt", as: learner) == Array("hi\nthere\n".utf8))
        #expect(try fileSystem.listDirectory("/home/learner") == ["a.txt"])
    }

    @Test func permissionBitsAreEnforcedForOrdinaryUsers() throws {
        let fileSystem = try makeFileSystem()
        #expect(throws: FileSystemError(.EACCES, "/etc/shadow")) {
            try fileSystem.readFile("/etc/shadow", as: learner)
        }
        #expect(throws: FileSystemError(.EACCES, "/etc/passwd")) {
            try fileSystem.writeFile("/etc/passwd", [], as: learner)
        }
        #expect(try fileSystem.readFile("/etc/shadow").count > 0)
    }

    @Test func missingAndWrongKindsReportLinuxErrors() throws {
        let fileSystem = try makeFileSystem()
        #expect(throws: FileSystemError(.ENOENT, "/nonexistent")) { try fileSystem.listDirectory("/nonexistent") }
        #expect(throws: FileSystemError(.ENOTDIR, "/etc/shadow/x")) { try fileSystem.readFile("/etc/shadow/x") }
        #expect(throws: FileSystemError(.EISDIR, "/etc")) { try fileSystem.readFile("/etc") }
        #expect(throws: FileSystemError(.EEXIST, "/etc")) { try fileSystem.createDirectory("/etc") }
        try fileSystem.writeFile("/etc/x", [1])
        #expect(throws: FileSystemError(.ENOTEMPTY, "/etc")) { try fileSystem.remove("/etc") }
        try fileSystem.remove("/etc", recursive: true)
        #expect(!fileSystem.exists("/etc"))
    }

    @Test func symbolicLinksResolveAndLoopsAreCaught() throws {
        let fileSystem = try makeFileSystem()
        try fileSystem.createSymlink(at: "/home/learner/shadow", target: "/etc/shadow")
        #expect(throws: FileSystemError(.EACCES, "/home/learner/shadow")) {
            try fileSystem.readFile("/home/learner/shadow", as: learner)
        }
        try fileSystem.createSymlink(at: "/loop", target: "/loop")
        #expect(throws: FileSystemError(.ELOOP, "/loop")) { try fileSystem.readFile("/loop") }
        try fileSystem.createSymlink(at: "/etc2", target: "etc")
        #expect(try fileSystem.listDirectory("/etc2") == ["shadow"])
    }

    @Test func snapshotsAreIndependentCopies() throws {
        let fileSystem = try makeFileSystem()
        let snapshot = fileSystem.root
        try fileSystem.writeFile("/etc/new", [1, 2, 3])
        let other = FileSystem(root: snapshot)
        #expect(!other.exists("/etc/new"))
        #expect(fileSystem.exists("/etc/new"))
    }

    @Test func moveAndCopyIntoDirectories() throws {
        let fileSystem = try makeFileSystem()
        try fileSystem.writeFile("/tmp1", Array("x".utf8))
        try fileSystem.move("/tmp1", to: "/home/learner")
        #expect(try fileSystem.readFile("/home/learner/tmp1") == Array("x".utf8))
        try fileSystem.copy("/home/learner", to: "/backup", recursive: true)
        #expect(try fileSystem.readFile("/backup/tmp1") == Array("x".utf8))
        #expect(throws: FileSystemError(.EINVAL, "/home/learner/sub")) {
            try fileSystem.move("/home/learner", to: "/home/learner/sub")
        }
    }
}
