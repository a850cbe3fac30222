@testable import Kernel
@testable import Shell
import Simulation
import Testing
@testable import Userland

@Suite struct CoreutilsListTests {
    /// A home directory with a few files, an older file and a subdirectory.
    func makeHarness() throws -> CoreutilsHarness {
        let harness = CoreutilsHarness()
        try harness.write("/home/learner/app.js", String(repeating: "x", count: 41) + "\n")
        try harness.write("/home/learner/Dockerfile", "FROM node:7\n")
        try harness.fileSystem.createDirectory("/home/learner/src", as: RootFileSystems.learner)
        try harness.write("/home/learner/src/index.js", "")
        try harness.write("/home/learner/.hidden", "")
        return harness
    }

    @Test(arguments: [
        (["ls"], "Dockerfile\napp.js\nsrc\n"),
        (["ls", "-a"], ".\n..\n.bashrc\n.hidden\n.profile\nDockerfile\napp.js\nsrc\n"),
        (["ls", "-A"], ".bashrc\n.hidden\n.profile\nDockerfile\napp.js\nsrc\n"),
        (["ls", "-1", "src"], "index.js\n"),
        (["ls", "-d", "src"], "src\n"),
        (["ls", "app.js", "src"], "app.js\n\nsrc:\nindex.js\n"),
        (["ls", "src", "/home/learner/src"], "/home/learner/src:\nindex.js\n\nsrc:\nindex.js\n"),
        (["ls", "-R", "src"], "src:\nindex.js\n"),
        (["ls", "-R"], ".:\nDockerfile\napp.js\nsrc\n\n./src:\nindex.js\n"),
        (["ls", "-F"], "Dockerfile\napp.js\nsrc/\n"),
    ])
    func listsNames(arguments: [String], expected: String) throws {
        let result = try makeHarness().run(arguments)
        #expect(result.output == expected)
        #expect(result.status == 0)
    }

    @Test(arguments: [("C.UTF-8", "Dockerfile\napp.js\nsrc\n"), ("en_US.UTF-8", "app.js\nDockerfile\nsrc\n")])
    func sortsByTheLocale(locale: String, expected: String) throws {
        let result = try makeHarness().run(["ls"], environment: ["LANG": locale])
        #expect(result.output == expected)
    }

    @Test func longFormatAlignsColumnsLikeGNU() throws {
        let harness = try makeHarness()
        let result = try harness.run(["ls", "-l"])
        #expect(result.output == """
            total 12
            -rw-r--r-- 1 learner learner   12 Mar  6 09:00 Dockerfile
            -rw-r--r-- 1 learner learner   42 Mar  6 09:00 app.js
            drwxr-xr-x 2 learner learner 4096 Mar  6 09:00 src

            """)
    }

    @Test func longFormatShowsOldFilesWithTheirYearAndLinksWithTargets() throws {
        let harness = try makeHarness()
        harness.machine.loop.advance(by: .seconds(200 * 86_400))
        try harness.fileSystem.createSymlink(at: "/home/learner/link", target: "app.js", as: RootFileSystems.learner)
        let result = try harness.run(["ls", "-l", "app.js", "link"])
        #expect(result.output == """
            -rw-r--r-- 1 learner learner 42 Mar  6  2018 app.js
            lrwxrwxrwx 1 learner learner  6 Sep 22 09:00 link -> app.js

            """)
    }

    @Test(arguments: [(UInt16(0o1777), "drwxrwxrwt"), (0o4755, "-rwsr-xr-x"), (0o2644, "-rw-r-Sr--"), (0o640, "-rw-r-----")])
    func modeStrings(mode: UInt16, expected: String) {
        let kind: FileKind = expected.hasPrefix("d") ? .directory : .file
        let status = FileStatus(kind: kind, size: 0, metadata: FileMetadata(mode: mode), symlinkTarget: nil, linkCount: 1)
        #expect(ListFormatter.modeString(status) == expected)
    }

    @Test func ownersWithoutAnEntryShowAsNumbers() throws {
        let harness = try makeHarness()
        try harness.fileSystem.writeFile("/tmp/x", [1, 2], as: Credentials(uid: 4242, gid: 4242, userName: "ghost", home: "/"))
        let result = try harness.run(["ls", "-l", "/tmp/x"])
        #expect(result.output == "-rw-r--r-- 1 4242 4242 2 Mar  6 09:00 /tmp/x\n")
    }

    @Test(arguments: [
        (0, "0"), (42, "42"), (1023, "1023"), (1024, "1.0K"), (1500, "1.5K"), (4096, "4.0K"),
        (10_240, "10K"), (31_254_528, "30M"), (1_099_016, "1.1M"),
    ])
    func humanSizesRoundUp(size: Int, expected: String) {
        #expect(ListFormatter.humanSize(size) == expected)
    }

    @Test func humanReadableLongListing() throws {
        let harness = try makeHarness()
        let result = try harness.run(["ls", "-lh", "/bin/bash"])
        #expect(result.output == "-rwxr-xr-x 1 root root 1.1M Feb 12 10:23 /bin/bash\n")
    }

    @Test(arguments: [
        (["ls", "/nonexistent"], "ls: cannot access '/nonexistent': No such file or directory\n", Int32(2)),
        (["ls", "-z"], "ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n", Int32(2)),
        (["ls", "--bogus"], "ls: unrecognized option '--bogus'\nTry 'ls --help' for more information.\n", Int32(2)),
        (["ls", "/root"], "ls: cannot open directory '/root': Permission denied\n", Int32(2)),
    ])
    func errorsMatchGNU(arguments: [String], expected: String, status: Int32) throws {
        let result = try makeHarness().run(arguments)
        #expect(result.error == expected)
        #expect(result.status == status)
    }

    @Test func missingOperandsAreReportedAndTheRestListed() throws {
        let result = try makeHarness().run(["ls", "nope", "app.js"])
        #expect(result.error == "ls: cannot access 'nope': No such file or directory\n")
        #expect(result.output == "app.js\n")
        #expect(result.status == 2)
    }

    @Test func terminalOutputIsInColumnsByWidth() throws {
        let harness = try makeHarness()
        for name in ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"] {
            try harness.write("/tmp/\(name)", "")
        }
        let wide = try harness.run(["ls", "/tmp"], terminal: true)
        #expect(wide.output == "alpha  bravo  charlie  delta  echo  foxtrot  golf  hotel\n")
        let narrow = try harness.run(["ls", "/tmp"], environment: ["COLUMNS": "30"], terminal: true)
        #expect(narrow.output == "alpha    delta    golf\nbravo    echo     hotel\ncharlie  foxtrot\n")
        let piped = try harness.run(["ls", "/tmp"])
        #expect(piped.output.split(separator: "\n").count == 8)
    }

    @Test func terminalOutputQuotesNamesThatNeedItAndAlignsTheRest() throws {
        let harness = CoreutilsHarness()
        try harness.fileSystem.writeFile("/srv/my file", [])
        try harness.fileSystem.writeFile("/srv/plain", [])
        let terminal = try harness.run(["ls", "/srv"], terminal: true)
        #expect(terminal.output == "'my file'   plain\n")
        let piped = try harness.run(["ls", "/srv"])
        #expect(piped.output == "my file\nplain\n")
    }

    @Test func busyBoxFlavourHasItsOwnMessagesAndLayout() throws {
        let harness = CoreutilsHarness(root: RootFileSystems.busybox(), hostname: "c0ffee")
        let missing = try harness.run(["ls", "/nope"], user: .root)
        #expect(missing.error == "ls: /nope: No such file or directory\n")
        #expect(missing.status == 1)
        let long = try harness.run(["ls", "-l", "/etc/passwd"], user: .root)
        #expect(long.output == "-rw-r--r--    1 root     root           340 Feb 15 14:34 /etc/passwd\n")
    }
}
