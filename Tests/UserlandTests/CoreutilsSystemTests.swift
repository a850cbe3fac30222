@testable import Kernel
@testable import Shell
import Simulation
import Testing
@testable import Userland

@Suite struct CoreutilsSystemTests {
    @Test(arguments: [
        (["date"], "Tue Mar  6 09:00:00 UTC 2018\n", "", Int32(0)),
        (["date", "-u"], "Tue Mar  6 09:00:00 UTC 2018\n", "", 0),
        (["date", "+%Y-%m-%d %H:%M:%S %s"], "2018-03-06 09:00:00 1520326800\n", "", 0),
        (["date", "-d", "@0", "+%a %e %B %Y %j"], "Thu  1 January 1970 001\n", "", 0),
        (["date", "tomorrow"], "", "date: invalid date 'tomorrow'\n", 1),
        (["sleep"], "", "sleep: missing operand\nTry 'sleep --help' for more information.\n", 1),
        (["sleep", "x"], "", "sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n", 1),
        (["printenv", "HOME"], "/home/learner\n", "", 0),
        (["printenv", "NOPE"], "", "", 1),
        (["env", "-i", "A=1", "env"], "A=1\n", "", 0),
        (["env", "nosuch"], "", "env: 'nosuch': No such file or directory\n", 127),
        (["which", "ls", "sort"], "/bin/ls\n/usr/bin/sort\n", "", 0),
        (["which", "kubectl"], "", "", 1),
        (["id"], "uid=1000(learner) gid=1000(learner) groups=1000(learner),27(sudo),999(docker)\n", "", 0),
        (["id", "-u"], "1000\n", "", 0),
        (["id", "-un"], "learner\n", "", 0),
        (["id", "root"], "uid=0(root) gid=0(root) groups=0(root)\n", "", 0),
        (["id", "ghost"], "", "id: 'ghost': no such user\n", 1),
        (["whoami"], "learner\n", "", 0),
        (["uname"], "Linux\n", "", 0),
        (["uname", "-r"], "4.9.0-6-amd64\n", "", 0),
        (["uname", "-n", "-m"], "workstation x86_64\n", "", 0),
        (["uname", "-a"], "Linux workstation 4.9.0-6-amd64 #1 SMP Debian 4.9.82-1+deb9u3 (2018-03-02) x86_64 GNU/Linux\n", "", 0),
        (["hostname"], "workstation\n", "", 0),
        (["hostname", "other"], "", "hostname: you must be root to change the host name\n", 1),
        (["true"], "", "", 0),
        (["false"], "", "", 1),
        (["clear"], "\u{1B}[H\u{1B}[2J\u{1B}[3J", "", 0),
        (["tty"], "not a tty\n", "", 1),
        (["kill", "-l", "15"], "TERM\n", "", 0),
        (["kill", "99999"], "", "kill: (99999): No such process\n", 1),
        (["kill", "-FOO", "1"], "", "kill: unknown signal name 'FOO'\n", 1),
    ])
    func commands(arguments: [String], output: String, error: String, status: Int32) throws {
        let result = try CoreutilsHarness().run(arguments)
        #expect(result.output == output)
        #expect(result.error == error)
        #expect(result.status == status)
    }

    @Test func killListsSignalNames() throws {
        let result = try CoreutilsHarness().run(["kill", "-l"])
        #expect(result.output.hasPrefix("HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM STKFLT\nCHLD"))
    }

    @Test func sleepTakesVirtualTimeAndIsKillable() throws {
        let harness = CoreutilsHarness()
        let start = harness.machine.loop.now
        let result = try harness.run(["sleep", "1.5", "2m"])
        #expect(result.status == 0)
        #expect(harness.machine.loop.now - start == .seconds(121.5))
        let sleeper = try harness.start(["sleep", "1d"], stdout: DiscardingStream(), stderr: DiscardingStream())
        harness.machine.loop.advance(by: .seconds(5))
        #expect(sleeper.isRunning)
        let kill = try harness.run(["kill", "-9", String(sleeper.pid)])
        #expect(kill.status == 0)
        #expect(sleeper.exitStatus == 137)
    }

    @Test func killSendsTERMByDefaultAndRefusesOtherUsersProcesses() throws {
        let harness = CoreutilsHarness()
        let mine = try harness.start(["sleep", "100"], stdout: DiscardingStream(), stderr: DiscardingStream())
        let roots = try harness.start(["sleep", "100"], stdout: DiscardingStream(), stderr: DiscardingStream(), user: .root)
        harness.machine.loop.runReady()
        #expect(try harness.run(["kill", String(mine.pid)]).status == 0)
        #expect(mine.exitStatus == 143)
        let denied = try harness.run(["kill", "-s", "TERM", String(roots.pid)])
        #expect(denied.error == "kill: (\(roots.pid)): Operation not permitted\n")
        #expect(roots.isRunning)
    }

    @Test func psAuxListsProcessesInProcpsColumnsIncludingContainers() throws {
        let harness = CoreutilsHarness()
        let shell = try harness.start(["sleep", "1000"], stdout: DiscardingStream(), stderr: DiscardingStream(), user: .root)
        shell.terminal = "pts/0"
        shell.residentKilobytes = 3180
        shell.virtualKilobytes = 18_236
        let container = Machine(hostname: "c0ffee", loop: harness.machine.loop, fileSystem: FileSystem(root: RootFileSystems.node()),
                                programs: harness.machine.programs, network: Network())
        container.host = harness.machine
        let node = try container.start(["dd", "if=/dev/zero", "of=/dev/null"], environment: ["PATH": "/bin:/usr/bin"],
                                       workingDirectory: "/", user: .root, stdin: EmptyReader(),
                                       stdout: DiscardingStream(), stderr: DiscardingStream())
        harness.machine.loop.advance(by: .seconds(90))
        node.isMultithreaded = true
        #expect(node.pid == 1)
        let result = try harness.run(["ps", "aux"])
        #expect(result.output == """
            USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND
            root         1  0.0  0.1  18236  3180 pts/0    Ss   09:00   0:00 sleep 1000
            root         2 100.0  0.0   4000  1000 ?        Ssl  09:00   1:30 dd if=/dev/zero of=/dev/null
            learner      3  0.0  0.1  17492  2048 ?        Rs   09:01   0:00 ps aux

            """)
        let inside = try container.start(["ps"], environment: ["PATH": "/bin:/usr/bin"], workingDirectory: "/", user: .root,
                                         stdin: EmptyReader(), stdout: CollectingStream(), stderr: DiscardingStream())
        harness.machine.loop.runReady()
        #expect(inside.exitStatus == 0)
        node.signal(.kill)
        harness.machine.loop.runReady()
        #expect(node.exitStatus == 137)
    }

    @Test func psFullAndPlainLayouts() throws {
        let harness = CoreutilsHarness()
        let sleeper = try harness.start(["sleep", "1000"], stdout: DiscardingStream(), stderr: DiscardingStream())
        harness.machine.loop.runReady()
        let full = try harness.run(["ps", "-ef"])
        #expect(full.output == """
            UID        PID  PPID  C STIME TTY          TIME CMD
            learner      1     0  0 09:00 ?        00:00:00 sleep 1000
            learner      2     0  0 09:00 ?        00:00:00 ps -ef

            """)
        let plain = try harness.run(["ps"])
        #expect(plain.output == "  PID TTY          TIME CMD\n    1 ?        00:00:00 sleep\n    3 ?        00:00:00 ps\n")
        sleeper.signal(.kill)
        harness.machine.loop.runReady()
    }

    @Test func busyBoxPsHasItsOwnLayout() throws {
        let harness = CoreutilsHarness(root: RootFileSystems.busybox(), hostname: "c0ffee")
        let result = try harness.run(["ps"], user: .root)
        #expect(result.output == "PID   USER     TIME  COMMAND\n    1 root      0:00 ps\n")
    }

    @Test func ddFromZeroBurnsCPUOnVirtualTimeUntilKilled() throws {
        let harness = CoreutilsHarness()
        let dd = try harness.start(["dd", "if=/dev/zero", "of=/dev/null"], stdout: DiscardingStream(), stderr: DiscardingStream())
        harness.machine.loop.advance(by: .seconds(10))
        #expect(dd.isRunning)
        #expect(dd.cpuTime == .seconds(10))
        dd.signal(.terminate)
        harness.machine.loop.runReady()
        #expect(dd.exitStatus == 143)
        #expect(harness.machine.loop.nextDeadline == nil)
    }

    @Test func ddWithACountCopiesAndReports() throws {
        let harness = CoreutilsHarness()
        let result = try harness.run(["dd", "if=/dev/zero", "of=/tmp/blob", "bs=1M", "count=1"])
        #expect(result.status == 0)
        #expect(try harness.fileSystem.status("/tmp/blob").size == 1_048_576)
        #expect(result.error == "1+0 records in\n1+0 records out\n1048576 bytes (1.0 MB, 1.0 MiB) copied, 0.00104858 s, 1.0 GB/s\n")
    }

    @Test func dfAndFreeReportTheProfile() throws {
        let harness = CoreutilsHarness()
        let df = try harness.run(["df", "-h"])
        #expect(df.output.hasPrefix("Filesystem      Size  Used Avail Use% Mounted on\n/dev/sda1        30G  3.7G   25G  14% /\n"))
        let free = try harness.run(["free", "-m"])
        #expect(free.output.hasPrefix("              total        used        free      shared  buff/cache   available\nMem:           3951 "))
    }

    @Test func dfInAContainerShowsDockersMounts() throws {
        let host = CoreutilsHarness()
        let container = CoreutilsHarness(root: RootFileSystems.alpine(), hostname: "c0ffee")
        container.machine.host = host.machine
        let result = try container.run(["df"], user: .root)
        let mounts = result.output.split(separator: "\n").map { $0.split(separator: " ").last.map(String.init) ?? "" }
        #expect(mounts == ["on", "/", "/dev", "/sys/fs/cgroup", "/etc/hosts", "/dev/shm"])
        #expect(result.output.hasPrefix("Filesystem           1K-blocks      Used Available Use% Mounted on\noverlay               30830592 "))
    }

    @Test func yesStopsWhenItsReaderCloses() throws {
        let harness = CoreutilsHarness()
        let pipe = BytePipe()
        let yes = try harness.start(["yes", "ok"], stdout: pipe.writer, stderr: DiscardingStream())
        harness.machine.loop.advance(by: .milliseconds(3))
        #expect(yes.isRunning)
        pipe.reader.closeReading()
        harness.machine.loop.advance(by: .milliseconds(3))
        #expect(yes.exitStatus == 141)
    }

    @Test func ttyNamesTheTerminal() throws {
        let result = try CoreutilsHarness().run(["tty"], terminal: true)
        #expect(result.output == "/dev/pts/0\n")
    }
}

@Suite struct CoreutilsEndlessWriterTests {
    @Test func ddToAPipeStopsWhenTheReaderHasEnough() throws {
        let harness = CoreutilsHarness()
        let pipe = BytePipe()
        let output = CollectingStream()
        let dd = try harness.start(["dd", "if=/dev/zero", "bs=8"], stdout: pipe.writer, stderr: DiscardingStream())
        let head = try harness.start(["head", "-c", "12"], stdin: pipe.reader, stdout: output, stderr: output)
        harness.machine.loop.run(until: { !dd.isRunning && !head.isRunning }, limit: harness.machine.loop.now + .seconds(1))
        #expect(output.bytes == [UInt8](repeating: 0, count: 12))
        #expect(dd.exitStatus == 141)
    }
}
