@testable import Kernel
@testable import Shell
import Simulation
import Testing
@testable import Userland

@Suite struct CoreutilsContainerTests {
    @Test func helloPrintsDockersGreetingOfTheEra() throws {
        let harness = CoreutilsHarness(root: RootFileSystems.helloWorld(), hostname: "c0ffee")
        let result = try harness.run(["/hello"], user: .root)
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("\nHello from Docker!\nThis message shows that your installation appears to be working correctly.\n"))
        #expect(result.output.contains(" 2. The Docker daemon pulled the \"hello-world\" image from the Docker Hub.\n 3."))
        #expect(result.output.hasSuffix(" https://docs.docker.com/engine/userguide/\n\n"))
    }

    func fortuneMachine(seed: UInt64) throws -> CoreutilsHarness {
        let harness = CoreutilsHarness(seed: seed)
        try harness.fileSystem.install(.file(.program(name: "fortune", size: 27_128), FileMetadata(mode: 0o755)), at: "/usr/games/fortune")
        return harness
    }

    @Test func fortuneIsDeterministicForASeed() throws {
        let first = try fortuneMachine(seed: 3).run(["fortune"])
        let again = try fortuneMachine(seed: 3).run(["fortune"])
        #expect(first.output == again.output)
        #expect(FortuneProgram.sayings.contains(String(first.output.dropLast())))
        #expect(FortuneProgram.sayings.count >= 40)
        let outputs = try Set((1...8).map { try fortuneMachine(seed: $0).run(["fortune"]).output })
        #expect(outputs.count > 1)
    }

    func ubuntu() -> CoreutilsHarness {
        CoreutilsHarness(root: RootFileSystems.ubuntu(), hostname: "c0ffee")
    }

    @Test func aptGetInstallsFortuneAfterAnUpdate() throws {
        let harness = ubuntu()
        let early = try harness.run(["apt-get", "install", "-y", "fortune"], user: .root)
        #expect(early.error == "E: Unable to locate package fortune\n")
        #expect(early.status == 100)
        let update = try harness.run(["apt-get", "update"], user: .root)
        #expect(update.output.hasPrefix("Get:1 http://archive.ubuntu.com/ubuntu xenial InRelease [247 kB]\n"))
        #expect(update.output.hasSuffix("Reading package lists...\n"))
        let install = try harness.run(["apt-get", "-y", "install", "fortune"], user: .root)
        #expect(install.status == 0)
        #expect(install.output.hasPrefix("""
            Reading package lists...
            Building dependency tree...
            Reading state information...
            Note, selecting 'fortune-mod' instead of 'fortune'
            The following additional packages will be installed:
              librecode0 fortunes-min
            The following NEW packages will be installed:
              fortune-mod fortunes-min librecode0
            0 upgraded, 3 newly installed, 0 to remove and 0 not upgraded.
            Need to get 616 kB of archives.
            After this operation, 1,996 kB of additional disk space will be used.
            Get:1 http://archive.ubuntu.com/ubuntu xenial/universe amd64 librecode0 amd64 3.6-22 [523 kB]

            """))
        #expect(install.output.contains("Preparing to unpack .../fortune-mod_1%3a1.99.1-7_amd64.deb ...\n"))
        #expect(install.output.hasSuffix("Setting up fortune-mod (1:1.99.1-7) ...\n"))
        let fortune = try harness.run(["/usr/games/fortune"], user: .root)
        #expect(fortune.status == 0)
        #expect(!fortune.output.isEmpty)
        let again = try harness.run(["apt-get", "install", "-y", "fortune-mod"], user: .root)
        #expect(again.output.hasSuffix("fortune-mod is already the newest version (1:1.99.1-7).\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n"))
    }

    @Test func aptGetAsksWithoutYesAndNeedsRoot() throws {
        let harness = ubuntu()
        _ = try harness.run(["apt-get", "update"], user: .root)
        let aborted = try harness.run(["apt-get", "install", "curl"], stdin: "n\n", user: .root)
        #expect(aborted.output.hasSuffix("Do you want to continue? [Y/n] Abort.\n"))
        #expect(aborted.status == 1)
        let unknown = try harness.run(["apt-get", "install", "-y", "nosuchthing"], user: .root)
        #expect(unknown.error == "E: Unable to locate package nosuchthing\n")
        let workstation = CoreutilsHarness()
        let denied = try workstation.run(["apt-get", "install", "fortune"])
        #expect(denied.error == "E: Could not open lock file /var/lib/dpkg/lock - open (13: Permission denied)\nE: Unable to lock the administration directory (/var/lib/dpkg/), are you root?\n")
        #expect(denied.status == 100)
    }

    @Test func apkAddsPackagesOnlyWithAnIndex() throws {
        let harness = CoreutilsHarness(root: RootFileSystems.alpine(), hostname: "c0ffee")
        let missing = try harness.run(["apk", "add", "curl"], user: .root)
        #expect(missing.error == "ERROR: unsatisfiable constraints:\n  curl (missing):\n    required by: world[curl]\n")
        #expect(missing.status == 1)
        let added = try harness.run(["apk", "add", "--no-cache", "curl"], user: .root)
        #expect(added.output == """
            fetch http://dl-cdn.alpinelinux.org/alpine/v3.7/main/x86_64/APKINDEX.tar.gz
            fetch http://dl-cdn.alpinelinux.org/alpine/v3.7/community/x86_64/APKINDEX.tar.gz
            (1/4) Installing ca-certificates (20171114-r0)
            (2/4) Installing libssh2 (1.8.0-r2)
            (3/4) Installing libcurl (7.58.0-r0)
            (4/4) Installing curl (7.58.0-r0)
            Executing busybox-1.27.2-r7.trigger
            Executing ca-certificates-20171114-r0.trigger
            OK: 5 MiB in 15 packages

            """)
        #expect(try harness.fileSystem.content("/usr/bin/curl") == .program(name: "curl", size: 150_000))
        let update = try harness.run(["apk", "update"], user: .root)
        #expect(update.output.hasSuffix("OK: 9047 distinct packages available\n"))
    }

    @Test func nslookupResolvesThroughTheMachine() throws {
        let harness = CoreutilsHarness(root: RootFileSystems.busybox(), hostname: "c0ffee")
        try harness.fileSystem.writeFile("/etc/resolv.conf", Array("nameserver 10.96.0.10\nsearch default.svc.cluster.local svc.cluster.local cluster.local\n".utf8))
        harness.machine.networkStack.resolver = { name in name == "kubia.default.svc.cluster.local" ? NameAnswer(addresses: ["10.111.249.153"]) : nil }
        let found = try harness.run(["nslookup", "kubia"], user: .root)
        #expect(found.output == "Server:    10.96.0.10\nAddress 1: 10.96.0.10\n\nName:      kubia.default.svc.cluster.local\nAddress 1: 10.111.249.153\n")
        let missing = try harness.run(["nslookup", "nope"], user: .root)
        #expect(missing.error == "nslookup: can't resolve 'nope'\n")
        #expect(missing.status == 1)

        let debian = CoreutilsHarness(root: RootFileSystems.debian(), hostname: "c0ffee")
        try debian.fileSystem.writeFile("/etc/resolv.conf", Array("nameserver 10.96.0.10\nsearch default.svc.cluster.local\n".utf8))
        debian.machine.networkStack.resolver = { name in name == "kubia.default.svc.cluster.local" ? NameAnswer(addresses: ["10.44.1.8", "10.44.2.8"]) : nil }
        try debian.fileSystem.install(.file(.program(name: "nslookup", size: 1), FileMetadata(mode: 0o755)), at: "/usr/bin/nslookup")
        let bind = try debian.run(["nslookup", "kubia"], user: .root)
        #expect(bind.output == "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tkubia.default.svc.cluster.local\nAddress: 10.44.1.8\nName:\tkubia.default.svc.cluster.local\nAddress: 10.44.2.8\n\n")
    }

    @Test(arguments: [
        (["cat", "/nope"], "", "cat: can't open '/nope': No such file or directory\n", Int32(1)),
        (["rm", "/nope"], "", "rm: can't remove '/nope': No such file or directory\n", 1),
        (["mkdir", "/etc"], "", "mkdir: can't create directory '/etc': File exists\n", 1),
        (["busybox", "uname"], "Linux\n", "", 0),
        (["wc", "-l", "/etc/group"], "       26 /etc/group\n", "", 0),
        (["nosuchapplet"], "", "", 127),
    ])
    func busyBoxAppletsDispatchByName(arguments: [String], output: String, error: String, status: Int32) throws {
        let harness = CoreutilsHarness(root: RootFileSystems.busybox(), hostname: "c0ffee")
        if arguments == ["nosuchapplet"] {
            try harness.fileSystem.install(.file(.program(name: "busybox", size: 1), FileMetadata(mode: 0o755)), at: "/bin/nosuchapplet")
        }
        let result = try harness.run(arguments, user: .root, environment: ["PATH": "/bin"], directory: "/")
        #expect(result.output == output)
        #expect(status == 127 ? result.error == "nosuchapplet: applet not found\n" : result.error == error)
        #expect(result.status == status)
    }

    @Test func alpineAppletsAreLinksToBusyBox() throws {
        let harness = CoreutilsHarness(root: RootFileSystems.alpine(), hostname: "c0ffee")
        let link = try harness.run(["ls", "-l", "/bin/ls"], user: .root)
        #expect(link.output == "lrwxrwxrwx    1 root     root            12 Jan  9 02:00 /bin/ls -> /bin/busybox\n")
        let sorted = try harness.run(["sort"], stdin: "b\na\n", user: .root)
        #expect(sorted.output == "a\nb\n")
    }
}
