import Docker
import DockerCLI
import Machine
import Simulation
import Testing

@Suite struct VolumeTests {
    func makeWorld() throws -> TestWorld {
        let world = try TestWorld()
        _ = world.docker("pull", "busybox")
        try world.workstation.fileSystem.createDirectory("/home/user/data")
        try world.workstation.fileSystem.writeFile("/home/user/data/a.txt", Array("from the host\n".utf8))
        return world
    }

    @Test func bindMountSharesTheHostDirectory() throws {
        let world = try makeWorld()
        #expect(world.docker("run", "-v", "/home/user/data:/data", "busybox", "cat", "/data/a.txt").out == "from the host\n")
        _ = world.docker("run", "-v", "/home/user/data:/data", "busybox", "sh", "-c", "touch /data/made-inside")
        #expect(world.workstation.fileSystem.exists("/home/user/data/made-inside"))
        // A missing host directory is created, as -v does in Docker 17.
        _ = world.docker("run", "-v", "/home/user/new/dir:/data", "busybox", "true")
        #expect(world.workstation.fileSystem.isDirectory("/home/user/new/dir"))
    }

    @Test func readOnlyBindRefusesWrites() throws {
        let world = try makeWorld()
        _ = world.docker("create", "--name", "reader", "-v", "/home/user/data:/data:ro", "busybox", "true")
        let container = try #require(world.engine.container(named: "reader"))
        #expect(throws: FileSystemError(.EROFS, "/data/x")) { try container.machine.fileSystem.writeFile("/data/x", [1]) }
        #expect(!world.workstation.fileSystem.exists("/home/user/data/x"))
        #expect(world.docker("inspect", "-f", "{{json .Mounts}}", "reader").out
            == "[{\"Type\":\"bind\",\"Source\":\"/home/user/data\",\"Destination\":\"/data\",\"Mode\":\"ro\",\"RW\":false,\"Propagation\":\"rprivate\"}]\n")
        #expect(world.docker("inspect", "-f", "{{json .HostConfig.Binds}}", "reader").out == "[\"/home/user/data:/data:ro\"]\n")
    }

    @Test func namedVolumeOutlivesItsContainers() throws {
        let world = try makeWorld()
        _ = world.docker("run", "--name", "writer", "-v", "store:/data", "busybox", "sh", "-c", "touch /data/kept")
        _ = world.docker("rm", "-v", "writer")
        #expect(world.docker("volume", "ls").out == "DRIVER              VOLUME NAME\nlocal               store\n")
        #expect(world.docker("run", "--rm", "-v", "store:/data", "busybox", "ls", "/data").out == "kept\n")
        #expect(world.workstation.fileSystem.exists("/var/lib/docker/volumes/store/_data/kept"))
    }

    @Test func volumeInUseCannotBeRemoved() throws {
        let world = try makeWorld()
        _ = world.docker("create", "--name", "holder", "-v", "store:/data", "busybox", "true")
        let id = try #require(world.engine.container(named: "holder")?.id)
        let result = world.docker("volume", "rm", "store")
        #expect(result.err == "Error response from daemon: unable to remove volume: remove store: volume is in use - [\(id)]\n")
        #expect(result.status == 1)
        #expect(world.docker("inspect", "-f", "{{json .Mounts}}", "holder").out
            == "[{\"Type\":\"volume\",\"Name\":\"store\",\"Source\":\"/var/lib/docker/volumes/store/_data\",\"Destination\":\"/data\",\"Driver\":\"local\",\"Mode\":\"z\",\"RW\":true,\"Propagation\":\"\"}]\n")
        _ = world.docker("rm", "holder")
        #expect(world.docker("volume", "rm", "store").out == "store\n")
        #expect(world.docker("volume", "rm", "store").err == "Error response from daemon: get store: no such volume\n")
    }

    @Test func createdVolumeInspectsAsDocker17() throws {
        let world = try TestWorld()
        #expect(world.docker("volume", "create", "my-vol").out == "my-vol\n")
        #expect(world.docker("volume", "create", "my-vol").out == "my-vol\n")
        #expect(world.docker("volume", "inspect", "my-vol").out == """
            [
                {
                    "CreatedAt": "2018-03-06T09:00:00Z",
                    "Driver": "local",
                    "Labels": {},
                    "Mountpoint": "/var/lib/docker/volumes/my-vol/_data",
                    "Name": "my-vol",
                    "Options": {},
                    "Scope": "local"
                }
            ]

            """)
        let missing = world.docker("volume", "inspect", "nope")
        #expect(missing.out == "[]\n")
        #expect(missing.err == "Error: No such volume: nope\n")
        #expect(missing.status == 1)
    }

    @Test func anonymousVolumesGoWithRmV() throws {
        let world = try makeWorld()
        _ = world.docker("run", "--name", "first", "-v", "/scratch", "busybox", "true")
        _ = world.docker("run", "--name", "second", "-v", "/scratch", "busybox", "true")
        #expect(world.engine.volumes.count == 2)
        #expect(world.docker("inspect", "-f", "{{json .Config.Volumes}}", "first").out == "{\"/scratch\":{}}\n")
        _ = world.docker("rm", "first")
        #expect(world.engine.volumes.count == 2)
        _ = world.docker("rm", "-v", "second")
        #expect(world.engine.volumes.count == 1)
        let pruned = world.docker("volume", "prune", "-f")
        #expect(pruned.out.hasPrefix("Deleted Volumes:\n"))
        #expect(pruned.out.hasSuffix("\n\nTotal reclaimed space: 0B\n"))
        #expect(world.engine.volumes.isEmpty)
    }

    @Test func pruneAsksFirst() throws {
        let world = try makeWorld()
        _ = world.docker("volume", "create", "spare")
        let declined = world.docker("volume", "prune", stdin: "n\n")
        #expect(declined.out == "WARNING! This will remove all volumes not used by at least one container.\nAre you sure you want to continue? [y/N] Total reclaimed space: 0B\n")
        #expect(world.engine.volume(named: "spare") != nil)
        let accepted = world.docker("volume", "prune", stdin: "y\n")
        #expect(accepted.out.hasSuffix("[y/N] Deleted Volumes:\nspare\n\nTotal reclaimed space: 0B\n"))
    }

    @Test(arguments: [
        ("./data:/data", "docker: Error response from daemon: create ./data: \"./data\" includes invalid characters for a local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host directory, use absolute path.\n"),
        ("x:/data", "docker: Error response from daemon: create x: volume name is too short, names should be at least two alphanumeric characters.\n"),
        ("/home/user/data:data", "docker: Error response from daemon: invalid volume specification: '/home/user/data:data': invalid mount config for type \"bind\": invalid mount path: 'data' mount path must be absolute.\n"),
        ("/home/user/data:/data:rx", "docker: Error response from daemon: invalid mode: rx.\n"),
        ("/a:/b:/c:/d", "docker: Error response from daemon: invalid volume specification: '/a:/b:/c:/d'.\n"),
        ("/data:rw", "docker: Error response from daemon: invalid volume specification: '/data:rw'.\n"),
        ("/home/user/data:/", "docker: Error response from daemon: invalid volume specification: '/home/user/data:/': invalid mount config for type \"bind\": invalid specification: destination can't be '/'.\n"),
    ])
    func badSpecsGetTheDaemonsError(spec: String, message: String) throws {
        let world = try makeWorld()
        let result = world.docker("run", "-v", spec, "busybox", "true")
        #expect(result.err == message + "See 'docker run --help'.\n")
        #expect(result.status == 125)
        #expect(world.engine.containers.isEmpty)
        #expect(world.engine.volumes.isEmpty)
    }

    @Test func duplicateDestinationsAreRefused() throws {
        let world = try makeWorld()
        let result = world.docker("run", "-v", "/home/user/data:/data", "-v", "store:/data", "busybox", "true")
        #expect(result.err == "docker: Error response from daemon: Duplicate mount point: /data.\nSee 'docker run --help'.\n")
    }

    @Test(arguments: [
        (["volume", "ls", "-q"], "a-vol\nb-vol\n"),
        (["volume", "ls", "--filter", "dangling=true"], "DRIVER              VOLUME NAME\nlocal               b-vol\n"),
        (["volume", "ls", "-f", "name=a"], "DRIVER              VOLUME NAME\nlocal               a-vol\n"),
        (["volume", "ls", "--format", "{{.Name}}: {{.Mountpoint}}"], "a-vol: /var/lib/docker/volumes/a-vol/_data\nb-vol: /var/lib/docker/volumes/b-vol/_data\n"),
    ])
    func listingFiltersAndFormats(arguments: [String], expected: String) throws {
        let world = try makeWorld()
        _ = world.docker("volume", "create", "b-vol")
        _ = world.docker("create", "-v", "a-vol:/data", "busybox", "true")
        let out = world.workstation.launchDocker(world, arguments)
        #expect(out == expected)
    }

    @Test func fuzzedSpecsNeverCrashAndNeverHalfCreate() throws {
        let world = try makeWorld()
        var random = SeededRandom(seed: 17)
        let pieces = ["/home/user/data", "/data", "vol", "./x", "a", "", ":", "ro", "rw", "z", "nocopy", "rprivate", "..",
                      "/", "/etc", "/data/../x", "na me", "ro,ro", "\t", "/proc/mounts", "é", "/home/user/data/a.txt"]
        for _ in 0..<200 {
            let count = random.integer(in: 1...5)
            let spec = (0..<count).map { _ in random.element(of: pieces) ?? "" }.joined(separator: random.integer(in: 0...2) == 0 ? "" : ":")
            let before = world.engine.containers.count
            let out = world.workstation.launchDocker(world, ["create", "-v", spec, "busybox", "true"])
            let created = world.engine.containers.count - before
            #expect(created == 0 || created == 1)
            if created == 0 { #expect(out.hasPrefix("docker: "), "\(spec): \(out)") }
        }
        // Whatever was created, every volume a container mounts exists.
        for container in world.engine.containers {
            for mount in container.mounts where mount.kind == .volume {
                #expect(world.engine.volume(named: mount.name) != nil)
            }
        }
    }

    @Test func inspectFindsVolumesToo() throws {
        let world = try makeWorld()
        _ = world.docker("volume", "create", "my-vol")
        #expect(world.docker("inspect", "-f", "{{.Mountpoint}}", "my-vol").out == "/var/lib/docker/volumes/my-vol/_data\n")
        #expect(world.docker("inspect", "--type", "volume", "-f", "{{.Name}}", "my-vol").out == "my-vol\n")
        #expect(world.docker("inspect", "--type", "volume", "nope").err == "Error: No such volume: nope\n")
    }

    @Test func procMountsListsTheContainersMounts() throws {
        let world = try makeWorld()
        _ = world.docker("pull", "alpine")
        let lines = world.docker("run", "--rm", "-v", "/home/user/data:/data:ro", "-v", "cache:/var/cache", "alpine", "cat", "/proc/mounts")
            .out.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("overlay / overlay rw,relatime,lowerdir=/var/lib/docker/overlay2/l/") == true)
        #expect(lines.dropFirst().prefix(2) == ["proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0",
                                                 "tmpfs /dev tmpfs rw,nosuid,size=65536k,mode=755 0 0"])
        let userMounts = lines.filter { $0.hasPrefix("/dev/sda1 ") }
        #expect(userMounts == ["/dev/sda1 /data ext4 ro,relatime,data=ordered 0 0",
                               "/dev/sda1 /var/cache ext4 rw,relatime,data=ordered 0 0",
                               "/dev/sda1 /etc/resolv.conf ext4 rw,relatime,data=ordered 0 0",
                               "/dev/sda1 /etc/hostname ext4 rw,relatime,data=ordered 0 0",
                               "/dev/sda1 /etc/hosts ext4 rw,relatime,data=ordered 0 0"])
        #expect(lines.last == "shm /dev/shm tmpfs rw,nosuid,nodev,noexec,relatime,size=65536k 0 0")
    }

    @Test func dockerfileVolumesBecomeAnonymousVolumes() throws {
        let world = try makeWorld()
        try world.workstation.fileSystem.writeFile("/home/user/Dockerfile", Array("FROM busybox\nVOLUME /data /logs\n".utf8))
        #expect(world.docker("build", "-t", "with-volumes", ".").status == 0)
        #expect(world.docker("inspect", "-f", "{{json .Config.Volumes}}", "with-volumes").out == "{\"/data\":{},\"/logs\":{}}\n")
        _ = world.docker("run", "--name", "kept", "with-volumes", "true")
        #expect(world.engine.volumes.count == 2)
        #expect(world.engine.container(named: "kept")?.mounts.map(\.destination) == ["/data", "/logs"])
        // A bind on the same path replaces the image's volume; --rm takes anonymous volumes along.
        _ = world.docker("run", "--rm", "-v", "/home/user/data:/data", "with-volumes", "true")
        #expect(world.engine.volumes.count == 2)
    }

    @Test func anEmptyVolumeIsFilledFromTheImage() throws {
        let world = try makeWorld()
        _ = world.docker("run", "--rm", "-v", "etc-copy:/etc", "busybox", "true")
        #expect(world.workstation.fileSystem.exists("/var/lib/docker/volumes/etc-copy/_data/passwd"))
        // nocopy leaves a fresh volume empty.
        _ = world.docker("run", "--rm", "-v", "bare:/etc:nocopy", "busybox", "true")
        #expect(!world.workstation.fileSystem.exists("/var/lib/docker/volumes/bare/_data/passwd"))
    }
}

extension Machine {
    /// Runs `docker` with an argument array (the variadic helper takes literals only).
    func launchDocker(_ world: TestWorld, _ arguments: [String]) -> String {
        let out = CollectingStream(), err = CollectingStream()
        let process = launch(DockerProgram(engine: world.engine), arguments: ["docker"] + arguments, environment: [:],
                             workingDirectory: "/home/user", user: .root, stdin: BytesReader(""), stdout: out, stderr: err)
        world.loop.run(until: { !process.isRunning }, limit: world.loop.now + .seconds(120))
        return out.text + err.text
    }
}
