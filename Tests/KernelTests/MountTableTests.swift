@testable import Kernel
import Simulation
import Testing

@Suite struct MountTableTests {
    /// A host with `/srv/data/a.txt` and a guest with an empty `/data`.
    func makeMachines() throws -> (host: FileSystem, guest: FileSystem) {
        let host = FileSystem()
        try host.createDirectory("/srv/data", intermediates: true)
        try host.writeFile("/srv/data/a.txt", Array("from host\n".utf8))
        let guest = FileSystem()
        try guest.createDirectory("/data")
        try guest.writeFile("/data/hidden.txt", Array("underneath\n".utf8))
        return (host, guest)
    }

    @Test func bindMountSharesFilesBothWays() throws {
        let (host, guest) = try makeMachines()
        try guest.mount(MountSource(fileSystem: host, path: "/srv/data"), at: "/data", device: "/dev/sda1", type: "ext4")
        #expect(try guest.listDirectory("/data") == ["a.txt"])
        #expect(try guest.readFile("/data/a.txt") == Array("from host\n".utf8))
        try guest.writeFile("/data/b.txt", Array("from guest\n".utf8))
        #expect(try host.readFile("/srv/data/b.txt") == Array("from guest\n".utf8))
        try host.remove("/srv/data/a.txt")
        #expect(!guest.exists("/data/a.txt"))
        // The guest's own tree keeps what the mount hides, and shows it again when unmounted.
        try guest.unmount("/data")
        #expect(try guest.listDirectory("/data") == ["hidden.txt"])
    }

    @Test func twoMachinesMountingOneTreeSeeEachOther() throws {
        let volume = FileSystem()
        let first = FileSystem()
        let second = FileSystem()
        for machine in [first, second] {
            try machine.createDirectory("/var/htdocs", intermediates: true)
            try machine.mount(MountSource(fileSystem: volume), at: "/var/htdocs", device: "tmpfs", type: "tmpfs")
        }
        try first.writeFile("/var/htdocs/index.html", Array("fortune\n".utf8))
        #expect(try second.readFile("/var/htdocs/index.html") == Array("fortune\n".utf8))
        #expect(try volume.readFile("/index.html") == Array("fortune\n".utf8))
    }

    enum Change: String, CaseIterable, Sendable {
        case write, create, makeDirectory, remove, move, modeChange, symlink, touch
    }

    @Test(arguments: Change.allCases)
    func readOnlyMountRefusesEveryChange(change: Change) throws {
        let (host, guest) = try makeMachines()
        try guest.mount(MountSource(fileSystem: host, path: "/srv/data"), at: "/data", device: "/dev/sda1", type: "ext4", readOnly: true)
        let before = host.root
        #expect(throws: FileSystemError.self) {
            switch change {
            case .write: try guest.writeFile("/data/a.txt", [1])
            case .create: try guest.writeFile("/data/new.txt", [1])
            case .makeDirectory: try guest.createDirectory("/data/sub")
            case .remove: try guest.remove("/data/a.txt")
            case .move: try guest.move("/data/a.txt", to: "/a.txt")
            case .modeChange: try guest.setMode("/data/a.txt", 0o600)
            case .symlink: try guest.createSymlink(at: "/data/link", target: "a.txt")
            case .touch: try guest.touch("/data/a.txt")
            }
        }
        do {
            switch change {
            case .write: try guest.writeFile("/data/a.txt", [1])
            default: break
            }
        } catch {
            #expect(error == FileSystemError(.EROFS, "/data/a.txt"))
        }
        #expect(host.root == before)
        #expect(try guest.readFile("/data/a.txt") == Array("from host\n".utf8))
        // The host itself still writes: read-only belongs to the mount, not the files.
        try host.writeFile("/srv/data/a.txt", Array("changed\n".utf8))
        #expect(try guest.readFile("/data/a.txt") == Array("changed\n".utf8))
    }

    @Test func mountPointsAreBusy() throws {
        let (host, guest) = try makeMachines()
        try guest.mount(MountSource(fileSystem: host, path: "/srv/data"), at: "/data", device: "/dev/sda1", type: "ext4")
        #expect(throws: FileSystemError(.EBUSY, "/data")) { try guest.remove("/data", recursive: true) }
        #expect(throws: FileSystemError(.EBUSY, "/data")) { try guest.move("/data", to: "/elsewhere") }
        #expect(throws: FileSystemError(.EINVAL, "/srv")) { try guest.unmount("/srv") }
        #expect(host.exists("/srv/data/a.txt"))
    }

    @Test func renameAcrossMountsIsCrossDevice() throws {
        let (host, guest) = try makeMachines()
        try guest.mount(MountSource(fileSystem: host, path: "/srv/data"), at: "/data", device: "/dev/sda1", type: "ext4")
        #expect(throws: FileSystemError(.EXDEV, "/data/a.txt")) { try guest.rename("/data/a.txt", to: "/a.txt") }
        // `mv` copes (copy, then remove), as GNU mv does after EXDEV.
        try guest.move("/data/a.txt", to: "/a.txt")
        #expect(try guest.readFile("/a.txt") == Array("from host\n".utf8))
        #expect(!host.exists("/srv/data/a.txt"))
    }

    @Test(arguments: [
        ("/data", "directory onto directory", nil as Errno?),
        ("/data/hidden.txt", "directory onto file", .ENOTDIR),
        ("/missing", "onto nothing", .ENOENT),
    ])
    func mountNeedsAMatchingTarget(target: String, label: String, expected: Errno?) throws {
        let (host, guest) = try makeMachines()
        let source = MountSource(fileSystem: host, path: "/srv/data")
        if let expected {
            #expect(throws: FileSystemError(expected, target), "\(label)") {
                try guest.mount(source, at: target, device: "/dev/sda1", type: "ext4")
            }
        } else {
            try guest.mount(source, at: target, device: "/dev/sda1", type: "ext4")
        }
    }

    @Test func singleFilesCanBeBound() throws {
        let (host, guest) = try makeMachines()
        try guest.mount(MountSource(fileSystem: host, path: "/srv/data/a.txt"), at: "/data/hidden.txt", device: "/dev/sda1", type: "ext4")
        #expect(try guest.readFile("/data/hidden.txt") == Array("from host\n".utf8))
        try guest.writeFile("/data/hidden.txt", Array("x".utf8))
        #expect(try host.readFile("/srv/data/a.txt") == Array("x".utf8))
    }

    @Test func absoluteSymlinksInAMountResolveInTheMountingMachine() throws {
        let (host, guest) = try makeMachines()
        try host.createSymlink(at: "/srv/data/etc-link", target: "/etc")
        try guest.createDirectory("/etc")
        try guest.writeFile("/etc/hostname", Array("guest\n".utf8))
        try guest.mount(MountSource(fileSystem: host, path: "/srv/data"), at: "/data", device: "/dev/sda1", type: "ext4")
        #expect(try guest.readFile("/data/etc-link/hostname") == Array("guest\n".utf8))
        // `..` from a mount's root leaves it in the guest's namespace.
        #expect(try guest.readFile("/data/../etc/hostname") == Array("guest\n".utf8))
    }

    @Test func mountCyclesEndInsteadOfHanging() throws {
        let first = FileSystem()
        let second = FileSystem()
        try first.createDirectory("/a")
        try second.createDirectory("/b")
        try first.mount(MountSource(fileSystem: second, path: "/b"), at: "/a", device: "none", type: "bind")
        #expect(throws: FileSystemError.self) {
            try second.mount(MountSource(fileSystem: first, path: "/a"), at: "/b", device: "none", type: "bind")
        }
        #expect(first.isDirectory("/a"))
    }

    @Test(arguments: [
        ("/dev/sda1", "/data", "ext4", false, "/dev/sda1 /data ext4 rw,relatime 0 0", "/dev/sda1 on /data type ext4 (rw,relatime)"),
        ("tmpfs", "/my dir", "tmpfs", true, "tmpfs /my\\040dir tmpfs ro,relatime 0 0", "tmpfs on /my dir type tmpfs (ro,relatime)"),
    ])
    func mountTableLines(device: String, target: String, type: String, readOnly: Bool, procLine: String, mountLine: String) {
        let mount = Mount(device: device, target: target, type: type, readOnly: readOnly, source: nil)
        #expect(mount.procLine == procLine)
        #expect(mount.mountLine == mountLine)
    }

    @Test func fuzzedOperationsThroughMountsNeverEscapeOrCrash() throws {
        var random = SeededRandom(seed: 13)
        let names = ["a", "b", "..", ".", "data", "ro", "x/y", ""]
        for _ in 0..<40 {
            let (host, guest) = try makeMachines()
            try guest.createDirectory("/ro")
            try guest.mount(MountSource(fileSystem: host, path: "/srv/data"), at: "/data", device: "/dev/sda1", type: "ext4")
            try guest.mount(MountSource(fileSystem: host, path: "/srv"), at: "/ro", device: "/dev/sda1", type: "ext4", readOnly: true)
            for _ in 0..<30 {
                let depth = random.integer(in: 1...4)
                let path = "/" + (0..<depth).map { _ in random.element(of: names) ?? "a" }.joined(separator: "/")
                switch random.integer(in: 0...5) {
                case 0: try? guest.writeFile(path, [1, 2])
                case 1: try? guest.createDirectory(path, intermediates: true)
                case 2: try? guest.remove(path, recursive: true)
                case 3: try? guest.move(path, to: "/" + (random.element(of: names) ?? "a"))
                case 4: try? guest.createSymlink(at: path, target: random.element(of: ["/data", "..", "/ro/data"]) ?? "/")
                default: _ = try? guest.listDirectory(path)
                }
            }
            // Whatever happened, the read-only view of /srv never changed /srv's own files
            // except through the writable /data mount.
            #expect(host.exists("/srv"))
            #expect(guest.mounts.count == 2)
        }
    }
}

@Suite struct ProjectedFilesTests {
    func makeVolume() throws -> (FileSystem, ProjectedFiles) {
        let fileSystem = FileSystem()
        try fileSystem.createDirectory("/volume")
        return (fileSystem, ProjectedFiles(fileSystem: fileSystem, directory: "/volume"))
    }

    @Test func projectsFilesThroughTheDataLink() throws {
        let (fileSystem, projected) = try makeVolume()
        var random = SeededRandom(seed: 1)
        try projected.write(["sleep-interval": .init(bytes: Array("25".utf8)), "conf/nginx.conf": .init(bytes: Array("server {}".utf8))],
                            random: &random)
        let names = try fileSystem.listDirectory("/volume")
        #expect(names.contains("..data"))
        #expect(names.contains("sleep-interval"))
        #expect(names.contains("conf"))
        let stamp = try #require(names.first { $0.hasPrefix("..2018_03_06_09_00_00.") })
        #expect(stamp.count == "..2018_03_06_09_00_00.".count + 9)
        #expect(try fileSystem.status("/volume/..data", followSymlinks: false).symlinkTarget == stamp)
        #expect(try fileSystem.status("/volume/sleep-interval", followSymlinks: false).symlinkTarget == "..data/sleep-interval")
        #expect(try fileSystem.readFile("/volume/sleep-interval") == Array("25".utf8))
        #expect(try fileSystem.readFile("/volume/conf/nginx.conf") == Array("server {}".utf8))
    }

    @Test func updateSwapsEverythingAtOnceAndDropsRemovedKeys() throws {
        let (fileSystem, projected) = try makeVolume()
        var random = SeededRandom(seed: 2)
        try projected.write(["a": .init(bytes: [1]), "b": .init(bytes: [2])], random: &random)
        let firstStamp = try fileSystem.status("/volume/..data", followSymlinks: false).symlinkTarget
        #expect(try projected.write(["a": .init(bytes: [1]), "b": .init(bytes: [2])], random: &random) == false)
        #expect(try projected.write(["a": .init(bytes: [9])], random: &random))
        let secondStamp = try fileSystem.status("/volume/..data", followSymlinks: false).symlinkTarget
        #expect(firstStamp != secondStamp)
        #expect(try fileSystem.readFile("/volume/a") == [9])
        #expect(!fileSystem.exists("/volume/b"))
        #expect(!fileSystem.exists("/volume/" + (firstStamp ?? "")))
        #expect(!fileSystem.exists("/volume/..data_tmp"))
    }

    @Test func modesAreApplied() throws {
        let (fileSystem, projected) = try makeVolume()
        var random = SeededRandom(seed: 3)
        try projected.write(["key": .init(bytes: [1], mode: 0o400)], random: &random)
        #expect(try fileSystem.status("/volume/key").metadata.mode == 0o400)
    }

    @Test(arguments: [
        ("", "invalid path: must not be empty: \"\""),
        ("/etc/passwd", "invalid path: must be relative path: /etc/passwd"),
        ("a/../../b", "invalid path: must not contain '..': a/../../b"),
        ("..data", "invalid path: must not start with '..': ..data"),
        (String(repeating: "n", count: 256), "invalid path: filenames must be less than or equal to 255 characters"),
        (String(repeating: "a/", count: 2100), "invalid path: must be less than or equal to 4096 characters"),
    ])
    func refusesPathsThatWouldLeaveTheVolume(path: String, message: String) throws {
        let (fileSystem, projected) = try makeVolume()
        var random = SeededRandom(seed: 4)
        #expect(throws: ProjectedFiles.Failure.invalidPath(message)) {
            try projected.write([path: .init(bytes: [1])], random: &random)
        }
        #expect(try fileSystem.listDirectory("/volume").isEmpty)
    }

    @Test func projectedVolumeMountedReadOnlyRefusesWrites() throws {
        let (volume, projected) = try makeVolume()
        var random = SeededRandom(seed: 5)
        try projected.write(["a": .init(bytes: [1])], random: &random)
        let container = FileSystem()
        try container.createDirectory("/etc/config", intermediates: true)
        try container.mount(MountSource(fileSystem: volume, path: "/volume"), at: "/etc/config", device: "tmpfs", type: "tmpfs", readOnly: true)
        #expect(try container.readFile("/etc/config/a") == [1])
        #expect(throws: FileSystemError(.EROFS, "/etc/config/a")) { try container.writeFile("/etc/config/a", [2]) }
        // The kubelet, writing on its side, updates what the container sees.
        try projected.write(["a": .init(bytes: [3])], random: &random)
        #expect(try container.readFile("/etc/config/a") == [3])
    }
}
