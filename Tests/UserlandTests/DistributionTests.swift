@testable import Kernel
@testable import Shell
import Simulation
import Testing
@testable import Userland

@Suite struct DistributionTests {
    @Test func workstationHasTheLearnerAndDebianLayout() throws {
        let fileSystem = FileSystem(root: RootFileSystems.workstation())
        #expect(try fileSystem.status("/etc/shadow").metadata.mode == 0o640)
        #expect(try fileSystem.status("/tmp").metadata.mode == 0o1777)
        let home = try fileSystem.status("/home/learner")
        #expect(home.metadata.owner == 1000 && home.metadata.group == 1000)
        #expect(try fileSystem.status("/bin/sh", followSymlinks: false).symlinkTarget == "dash")
        #expect(try fileSystem.content("/bin/dash") == .program(name: "sh", size: 117_208))
        #expect(try fileSystem.content("/bin/bash") == .program(name: "bash", size: 1_099_016))
        let passwd = String(decoding: try fileSystem.readFile("/etc/passwd"), as: UTF8.self)
        #expect(passwd.contains("\nlearner:x:1000:1000:"))
        #expect(String(decoding: try fileSystem.readFile("/etc/hostname"), as: UTF8.self) == "workstation\n")
        #expect(!fileSystem.exists("/proc"))
    }

    @Test func workstationShipsTheExtrasItIsGiven() throws {
        let root = RootFileSystems.workstation(extras: [InstalledProgram(path: "/usr/local/bin/kubectl", program: "kubectl", size: 52_000_000)])
        let harness = CoreutilsHarness(root: root)
        let result = try harness.run(["which", "kubectl"])
        #expect(result.output == "/usr/local/bin/kubectl\n")
    }

    @Test(arguments: Array(Coreutils.programs(flavor: .gnu).keys.sorted()))
    func everyWorkstationToolResolvesToARegisteredProgram(name: String) throws {
        let harness = CoreutilsHarness()
        guard let path = harness.machine.findExecutable(name, searchPath: "/usr/bin:/bin", workingDirectory: "/") else {
            Issue.record("\(name) is not installed")
            return
        }
        guard case .program(let program, _) = try harness.fileSystem.content(path) else {
            Issue.record("\(path) is not a binary")
            return
        }
        #expect(harness.machine.programs.program(named: program) != nil)
    }

    @Test func nodeImageIsDebianJessieWithNode() throws {
        let fileSystem = FileSystem(root: RootFileSystems.node())
        #expect(try fileSystem.content("/usr/local/bin/node") == .program(name: "node", size: 31_254_528))
        #expect(String(decoding: try fileSystem.readFile("/etc/os-release"), as: UTF8.self).hasPrefix("PRETTY_NAME=\"Debian GNU/Linux 8 (jessie)\"\n"))
        #expect(try fileSystem.content("/usr/bin/apt-get") == .program(name: "apt-get", size: 219_544))
    }

    @Test func mongoHasItsServerAndDataDirectories() throws {
        let fileSystem = FileSystem(root: RootFileSystems.mongo())
        #expect(try fileSystem.content("/usr/bin/mongod") == .program(name: "mongod", size: 46_326_408))
        #expect(fileSystem.isDirectory("/data/db"))
    }

    @Test func helloWorldHasOnlyTheBinary() throws {
        let root = RootFileSystems.helloWorld()
        #expect(root.entries.keys.sorted() == ["hello"])
    }

    @Test func nginxAlpineServesItsDefaultPage() throws {
        let fileSystem = FileSystem(root: RootFileSystems.nginxAlpine())
        let page = String(decoding: try fileSystem.readFile("/usr/share/nginx/html/index.html"), as: UTF8.self)
        #expect(page.contains("<title>Welcome to nginx!</title>"))
        let site = String(decoding: try fileSystem.readFile("/etc/nginx/conf.d/default.conf"), as: UTF8.self)
        #expect(site.contains("listen       80;"))
        #expect(try fileSystem.content("/usr/sbin/nginx") == .program(name: "nginx", size: 1_166_552))
        #expect(try fileSystem.status("/bin/busybox").kind == .file)
    }

    @Test func busyboxImageRunsEveryAppletThroughOneBinary() throws {
        let fileSystem = FileSystem(root: RootFileSystems.busybox())
        #expect(try fileSystem.content("/bin/sh") == .program(name: "busybox", size: 1_001_112))
        #expect(try fileSystem.content("/bin/ls") == .program(name: "busybox", size: 1_001_112))
        #expect(!fileSystem.exists("/usr/bin/apt-get"))
    }
}
