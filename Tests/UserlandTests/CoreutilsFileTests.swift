@testable import Kernel
@testable import Shell
import Simulation
import Testing
@testable import Userland

@Suite struct CoreutilsFileTests {
    func makeHarness() throws -> CoreutilsHarness {
        let harness = CoreutilsHarness()
        try harness.write("/home/learner/lines", (1...15).map { "line \($0)\n" }.joined())
        try harness.write("/home/learner/a", "alpha\nbeta\n")
        return harness
    }

    /// Runs each command and checks stdout, stderr and the exit status.
    @Test(arguments: [
        (["cat", "a"], "alpha\nbeta\n", "", Int32(0)),
        (["cat", "-n", "a"], "     1\talpha\n     2\tbeta\n", "", 0),
        (["cat", "nope"], "", "cat: nope: No such file or directory\n", 1),
        (["cat", "/tmp"], "", "cat: /tmp: Is a directory\n", 1),
        (["cat", "/etc/shadow"], "", "cat: /etc/shadow: Permission denied\n", 1),
        (["head", "-n", "2", "lines"], "line 1\nline 2\n", "", 0),
        (["head", "-3", "lines"], "line 1\nline 2\nline 3\n", "", 0),
        (["head", "-c", "4", "a"], "alph", "", 0),
        (["head", "-n", "1", "a", "lines"], "==> a <==\nalpha\n\n==> lines <==\nline 1\n", "", 0),
        (["head", "-n", "x", "a"], "", "head: invalid number of lines: 'x'\n", 1),
        (["head", "nope"], "", "head: cannot open 'nope' for reading: No such file or directory\n", 1),
        (["tail", "-n", "2", "lines"], "line 14\nline 15\n", "", 0),
        (["tail", "-2", "lines"], "line 14\nline 15\n", "", 0),
        (["tail", "-n", "+14", "lines"], "line 14\nline 15\n", "", 0),
        (["tail", "-c", "5", "a"], "beta\n", "", 0),
        (["mkdir", "a"], "", "mkdir: cannot create directory 'a': File exists\n", 1),
        (["mkdir", "x/y"], "", "mkdir: cannot create directory 'x/y': No such file or directory\n", 1),
        (["mkdir"], "", "mkdir: missing operand\nTry 'mkdir --help' for more information.\n", 1),
        (["mkdir", "/etc/new"], "", "mkdir: cannot create directory '/etc/new': Permission denied\n", 1),
        (["rm", "x"], "", "rm: cannot remove 'x': No such file or directory\n", 1),
        (["rm", "-f", "x"], "", "", 0),
        (["rm"], "", "rm: missing operand\nTry 'rm --help' for more information.\n", 1),
        (["rm", "/tmp"], "", "rm: cannot remove '/tmp': Is a directory\n", 1),
        (["rm", "-rf", "/"], "", "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n", 1),
        (["rmdir", "/home/learner"], "", "rmdir: failed to remove '/home/learner': Directory not empty\n", 1),
        (["cp", "a"], "", "cp: missing destination file operand after 'a'\nTry 'cp --help' for more information.\n", 1),
        (["cp", "nope", "b"], "", "cp: cannot stat 'nope': No such file or directory\n", 1),
        (["cp", "/tmp", "b"], "", "cp: -r not specified; omitting directory '/tmp'\n", 1),
        (["cp", "a", "lines", "a"], "", "cp: target 'a' is not a directory\n", 1),
        (["mv", "nope", "b"], "", "mv: cannot stat 'nope': No such file or directory\n", 1),
        (["touch", "x/y"], "", "touch: cannot touch 'x/y': No such file or directory\n", 1),
        (["chmod", "abc", "a"], "", "chmod: invalid mode: 'abc'\nTry 'chmod --help' for more information.\n", 1),
        (["chmod", "+x", "nope"], "", "chmod: cannot access 'nope': No such file or directory\n", 1),
        (["chmod", "755", "/etc/passwd"], "", "chmod: changing permissions of '/etc/passwd': Operation not permitted\n", 1),
        (["ln", "-s", "a", "lines"], "", "ln: failed to create symbolic link 'lines': File exists\n", 1),
        (["basename", "/usr/local/bin/kubectl"], "kubectl\n", "", 0),
        (["basename", "/srv/app.js", ".js"], "app\n", "", 0),
        (["basename"], "", "basename: missing operand\nTry 'basename --help' for more information.\n", 1),
        (["dirname", "/usr/local/bin/kubectl"], "/usr/local/bin\n", "", 0),
        (["dirname", "app.js"], ".\n", "", 0),
        (["find", "/home/learner", "-name", "l*"], "/home/learner\n/home/learner/lines\n", "", 0),
        (["find", ".", "-type", "d"], ".\n", "", 0),
        (["find", "/nope"], "", "find: '/nope': No such file or directory\n", 1),
    ])
    func commands(arguments: [String], output: String, error: String, status: Int32) throws {
        let result = try makeHarness().run(arguments)
        #expect(result.output == output)
        #expect(result.error == error)
        #expect(result.status == status)
    }

    @Test func statShowsTheVerboseLayoutAndFormats() throws {
        let harness = try makeHarness()
        let result = try harness.run(["stat", "a"])
        let inode = FileStatusProgram.Fields(name: "a", path: "/home/learner/a", status: try harness.fileSystem.status("/home/learner/a"),
                                         users: UserDatabase(fileSystem: harness.fileSystem), flavor: .gnu).inode
        #expect(result.output == """
              File: 'a'
              Size: 11        \tBlocks: 8          IO Block: 4096   regular file
            Device: 801h/2049d\tInode: \(padRight(String(inode), 10))  Links: 1
            Access: (0644/-rw-r--r--)  Uid: ( 1000/ learner)   Gid: ( 1000/ learner)
            Access: 2018-03-06 09:00:00.000000000 +0000
            Modify: 2018-03-06 09:00:00.000000000 +0000
            Change: 2018-03-06 09:00:00.000000000 +0000
             Birth: -

            """)
        let formatted = try harness.run(["stat", "-c", "%n %s %a %A %U:%G %F", "a", "/tmp"])
        #expect(formatted.output == "a 11 644 -rw-r--r-- learner:learner regular file\n/tmp 4096 1777 drwxrwxrwt root:root directory\n")
        let missing = try harness.run(["stat", "nope"])
        #expect(missing.error == "stat: cannot stat 'nope': No such file or directory\n")
        #expect(missing.status == 1)
    }

    @Test func mkdirParentsCreatesTheWholePath() throws {
        let harness = try makeHarness()
        #expect(try harness.run(["mkdir", "-p", "x/y/z"]).status == 0)
        #expect(harness.fileSystem.isDirectory("/home/learner/x/y/z"))
        #expect(try harness.run(["mkdir", "-p", "x/y"]).status == 0)
        #expect(try harness.run(["rmdir", "x/y/z"]).status == 0)
        #expect(!harness.fileSystem.exists("/home/learner/x/y/z"))
    }

    @Test func removeRecursiveCopyAndMove() throws {
        let harness = try makeHarness()
        _ = try harness.run(["mkdir", "-p", "tree/sub"])
        _ = try harness.run(["cp", "a", "tree/sub/"])
        #expect(try harness.read("/home/learner/tree/sub/a") == "alpha\nbeta\n")
        _ = try harness.run(["cp", "-r", "tree", "copy"])
        #expect(try harness.read("/home/learner/copy/sub/a") == "alpha\nbeta\n")
        _ = try harness.run(["mv", "a", "renamed"])
        #expect(!harness.fileSystem.exists("/home/learner/a"))
        #expect(try harness.read("/home/learner/renamed") == "alpha\nbeta\n")
        #expect(try harness.run(["rm", "-r", "tree"]).status == 0)
        #expect(!harness.fileSystem.exists("/home/learner/tree"))
    }

    @Test func touchLinkAndChmod() throws {
        let harness = try makeHarness()
        harness.machine.loop.advance(by: .seconds(60))
        _ = try harness.run(["touch", "new", "a"])
        #expect(try harness.fileSystem.status("/home/learner/new").size == 0)
        #expect(try harness.fileSystem.status("/home/learner/a").metadata.modified == harness.machine.loop.now)
        _ = try harness.run(["ln", "-s", "a", "link"])
        #expect(try harness.fileSystem.status("/home/learner/link", followSymlinks: false).symlinkTarget == "a")
        _ = try harness.run(["chmod", "+x", "a"])
        #expect(try harness.fileSystem.status("/home/learner/a").metadata.mode == 0o755)
        _ = try harness.run(["chmod", "go-r", "a"])
        #expect(try harness.fileSystem.status("/home/learner/a").metadata.mode == 0o711)
        _ = try harness.run(["chmod", "600", "a"])
        #expect(try harness.fileSystem.status("/home/learner/a").metadata.mode == 0o600)
        _ = try harness.run(["chmod", "u=rwx,g=rx,o=", "a"])
        #expect(try harness.fileSystem.status("/home/learner/a").metadata.mode == 0o750)
    }

    @Test func teeCopiesToFilesAndAppends() throws {
        let harness = try makeHarness()
        let first = try harness.run(["tee", "out"], stdin: "one\n")
        #expect(first.output == "one\n")
        _ = try harness.run(["tee", "-a", "out"], stdin: "two\n")
        #expect(try harness.read("/home/learner/out") == "one\ntwo\n")
    }

    @Test func tailFollowPrintsAppendedLinesOnVirtualTimeUntilKilled() throws {
        let harness = try makeHarness()
        let output = CollectingStream()
        let process = try harness.start(["tail", "-f", "-n", "1", "a"], stdout: output, stderr: output)
        harness.machine.loop.runReady()
        #expect(output.text == "beta\n")
        try harness.fileSystem.writeFile("/home/learner/a", Array("gamma\n".utf8), append: true)
        harness.machine.loop.advance(by: .seconds(1))
        #expect(output.text == "beta\ngamma\n")
        harness.machine.loop.advance(by: .seconds(30))
        #expect(process.isRunning)
        process.signal(.interrupt)
        harness.machine.loop.runReady()
        #expect(process.exitStatus == 130)
    }

    @Test func headStopsReadingAndTheWriterGetsABrokenPipe() throws {
        let harness = try makeHarness()
        let pipe = BytePipe()
        let output = CollectingStream()
        let yes = try harness.start(["yes"], stdout: pipe.writer, stderr: output)
        let head = try harness.start(["head", "-n", "3"], stdin: pipe.reader, stdout: output, stderr: output)
        harness.machine.loop.run(until: { !yes.isRunning && !head.isRunning }, limit: harness.machine.loop.now + .seconds(5))
        #expect(output.text == "y\ny\ny\n")
        #expect(head.exitStatus == 0)
        #expect(yes.exitStatus == 141)
    }
}
