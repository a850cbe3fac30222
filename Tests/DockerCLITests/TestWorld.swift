import Eras
import Docker
import DockerCLI
import Machine
import Simulation

/// A stand-in for node: prints a start line and answers HTTP on 8080 with the hostname.
struct FakeNodeServer: Program {
    func run(_ context: ProgramContext) async throws -> Int32 {
        context.print("Kubia server starting...\n")
        let hostname = context.machine.hostname
        let loop = context.loop
        _ = try context.machine.networkStack.listen(port: 8080, owner: context.process) { connection in
            loop.spawn {
                guard (try? await HTTPReader(connection.input).readRequest()) != nil else { return }
                let body = Array("You've hit \(hostname)\n".utf8)
                var headers = HTTPHeaders()
                headers.add("Content-Length", String(body.count))
                try? connection.output.write(HTTPResponse(status: 200, headers: headers, body: body).serialized)
                connection.close()
            }
        }
        try await Wakeup().wait()
        return 0
    }
}

/// A stand-in for `sh -c`: `exit N` fails, `touch PATH` creates a file, anything else is echoed.
struct FakeShell: Program {
    func run(_ context: ProgramContext) async throws -> Int32 {
        let command = context.arguments.count > 2 ? context.arguments[2] : ""
        if command.hasPrefix("exit ") { return Int32(command.dropFirst(5)) ?? 1 }
        if command.hasPrefix("touch ") {
            try? context.machine.fileSystem.writeFile(String(command.dropFirst(6)), [])
            return 0
        }
        context.print(command + "\n")
        return 0
    }
}

/// A workstation with a Docker engine and the `docker` program, driven on virtual time.
final class TestWorld {
    let loop: EventLoop
    let programs = ProgramRegistry()
    let workstation: Machine
    let engine: DockerEngine
    let hub: Registry

    /// The seeded Hub, built once for all tests.
    static let hubState = Registry.dockerHub(era: Era.kubernetesInAction).state

    init(seed: UInt64 = 7, hub: Registry = Registry(host: "docker.io", requiresLogin: true, state: TestWorld.hubState)) throws {
        loop = EventLoop(seed: seed)
        registerCoreutils(in: programs)
        DockerPrograms.register(in: programs, era: Era.kubernetesInAction)
        programs.register("node", FakeNodeServer())
        programs.register("sh", FakeShell())
        let fileSystem = FileSystem()
        try fileSystem.createDirectory("/home/user", intermediates: true)
        workstation = Machine(hostname: "workstation", loop: loop, fileSystem: fileSystem, programs: programs, network: Network())
        self.hub = hub
        engine = DockerEngine(host: workstation, hub: hub, era: Era.kubernetesInAction)
    }

    struct Result {
        var out: String
        var err: String
        var status: Int32
    }

    /// Runs `docker <arguments>` to completion (virtual time jumps from timer to timer).
    func docker(_ arguments: String..., stdin: String = "") -> Result {
        let out = CollectingStream(), err = CollectingStream()
        let process = workstation.launch(DockerProgram(engine: engine), arguments: ["docker"] + arguments, environment: [:],
                                         workingDirectory: "/home/user", user: .root, stdin: BytesReader(stdin),
                                         stdout: out, stderr: err)
        loop.run(until: { !process.isRunning }, limit: loop.now + .seconds(120))
        return Result(out: out.text, err: err.text, status: process.exitStatus ?? -1)
    }

    func write(_ path: String, _ text: String) throws {
        try workstation.fileSystem.writeFile(path, Array(text.utf8))
    }

    /// An HTTP GET from the workstation; the body, or the error.
    func get(host: String, port: Int, path: String = "/") -> String {
        final class Box: @unchecked Sendable { var text = "(no answer)" }
        let box = Box()
        let stack = workstation.networkStack
        loop.spawn {
            do {
                let connection = try await stack.connect(host: host, port: port)
                try connection.output.write(HTTPRequest(method: "GET", target: path).serialized)
                let response = try await HTTPReader(connection.input).readResponse()
                box.text = String(decoding: response?.body ?? [], as: UTF8.self)
            } catch {
                box.text = "error \(error)"
            }
        }
        loop.runReady()
        return box.text
    }
}
