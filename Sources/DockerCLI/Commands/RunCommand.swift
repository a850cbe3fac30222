import Docker
import Kernel

extension Commands {
    static let containerFlags = [
        FlagSpec("detach", "d"), FlagSpec("interactive", "i"), FlagSpec("tty", "t"), FlagSpec("rm"),
        FlagSpec("name", value: true), FlagSpec("publish", "p", value: true), FlagSpec("publish-all", "P"),
        FlagSpec("env", "e", value: true), FlagSpec("entrypoint", value: true), FlagSpec("workdir", "w", value: true),
        FlagSpec("user", "u", value: true), FlagSpec("restart", value: true), FlagSpec("hostname", "h", value: true),
        FlagSpec("memory", "m", value: true), FlagSpec("volume", "v", value: true),
    ]

    static var run: DockerCommand {
        DockerCommand(name: "run", usage: "docker run [OPTIONS] IMAGE [COMMAND] [ARG...]",
                      summary: "Run a command in a new container", flags: containerFlags + [FlagSpec("sig-proxy")], interspersed: false,
                      minimumArguments: 1, maximumArguments: nil) { invocation in
            await runContainer(invocation, startIt: true)
        }
    }

    static var create: DockerCommand {
        DockerCommand(name: "create", usage: "docker create [OPTIONS] IMAGE [COMMAND] [ARG...]",
                      summary: "Create a new container", flags: containerFlags.filter { $0.long != "detach" }, interspersed: false,
                      minimumArguments: 1, maximumArguments: nil) { invocation in
            await runContainer(invocation, startIt: false)
        }
    }

    /// Builds the engine's container spec from the run/create flags.
    static func makeSpec(_ invocation: Invocation) -> Result<ContainerSpec, UsageError> {
        let arguments = invocation.arguments
        var spec = ContainerSpec(image: arguments.positional[0])
        spec.command = Array(arguments.positional.dropFirst())
        spec.name = arguments.value("name")
        spec.interactive = arguments.has("interactive")
        spec.tty = arguments.has("tty")
        spec.autoRemove = arguments.has("rm")
        spec.publishAll = arguments.has("publish-all")
        spec.environment = arguments.all("env").map { entry in
            entry.contains("=") ? entry : entry + "=" + (invocation.context.environment[entry] ?? "")
        }
        spec.entrypoint = arguments.value("entrypoint").map { $0.isEmpty ? [] : [$0] }
        spec.workingDirectory = arguments.value("workdir")
        spec.user = arguments.value("user")
        spec.hostname = arguments.value("hostname")
        // As the CLI does: a spec with a source is a bind (HostConfig.Binds), a bare path an
        // anonymous volume (Config.Volumes); the daemon checks both.
        for volume in arguments.all("volume") {
            if volume.contains(":") { spec.binds.append(volume) } else { spec.volumes.append(volume) }
        }
        if let memory = arguments.value("memory") {
            guard let bytes = MemorySize.bytes(parsing: memory) else {
                return .failure(UsageError(message: "invalid argument \"\(memory)\" for \"-m, --memory\" flag: invalid size: '\(memory)'"))
            }
            spec.memoryLimit = bytes
        }
        if let policy = arguments.value("restart") {
            guard let parsed = RestartPolicy(parsing: policy) else {
                return .failure(UsageError(message: "invalid restart policy format"))
            }
            spec.restartPolicy = parsed
        }
        for publish in arguments.all("publish") {
            guard let binding = parsePublish(publish) else {
                return .failure(UsageError(message: "Invalid containerPort: \(publish)"))
            }
            spec.ports.append(binding)
        }
        return .success(spec)
    }

    /// `8080:80`, `8080:80/tcp`, `127.0.0.1:8080:80`, `80` (a random host port).
    static func parsePublish(_ text: String) -> PortBinding? {
        var body = Substring(text)
        var proto = "tcp"
        if let slash = body.lastIndex(of: "/") {
            proto = String(body[body.index(after: slash)...])
            body = body[..<slash]
        }
        let parts = body.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 1:
            guard let port = Int(parts[0]) else { return nil }
            return PortBinding(hostPort: 0, containerPort: port, proto: proto)
        case 2:
            guard let port = Int(parts[1]) else { return nil }
            return PortBinding(hostPort: Int(parts[0]) ?? 0, containerPort: port, proto: proto)
        case 3:
            guard let port = Int(parts[2]) else { return nil }
            return PortBinding(hostIP: parts[0].isEmpty ? "0.0.0.0" : parts[0], hostPort: Int(parts[1]) ?? 0,
                               containerPort: port, proto: proto)
        default:
            return nil
        }
    }

    /// Finds the image (pulling it when missing, like the CLI does) and reports problems in
    /// the run/create framing.
    static func ensureImage(_ invocation: Invocation, _ text: String) async -> Int32? {
        let engine = invocation.engine
        if engine.image(named: text) != nil { return nil }
        let reference: ImageReference
        do { reference = try ImageReference(parsing: text) } catch {
            return invocation.runError(error.dockerMessage.hasPrefix("invalid reference format") ? error.dockerMessage : "invalid reference format")
        }
        let name = ImageName(reference)
        invocation.err("Unable to find image '\(name.description)' locally\n")
        do {
            try await engine.pull(name, output: invocation.context.stderr)
        } catch {
            return invocation.runError("Error response from daemon: \(error.dockerMessage)")
        }
        return nil
    }

    static func runContainer(_ invocation: Invocation, startIt: Bool) async -> Int32 {
        let spec: ContainerSpec
        switch makeSpec(invocation) {
        case .success(let made): spec = made
        case .failure(let error): return invocation.runError(error.dockerMessage)
        }
        if let failure = await ensureImage(invocation, spec.image) { return failure }
        let engine = invocation.engine
        let container: Container
        do { container = try engine.createContainer(spec) } catch {
            return invocation.runError("Error response from daemon: \(error.dockerMessage)")
        }
        guard startIt else {
            invocation.out(container.id + "\n")
            return 0
        }
        if invocation.arguments.has("detach") {
            do { try engine.start(container) } catch {
                return invocation.runError("Error response from daemon: \(error.dockerMessage)", status: error.dockerRunExitStatus)
            }
            invocation.out(container.id + "\n")
            return 0
        }
        return await attachAndStart(invocation, container)
    }

    /// Runs a container in the foreground: its output to ours, our input to it (`-i`).
    static func attachAndStart(_ invocation: Invocation, _ container: Container) async -> Int32 {
        let engine = invocation.engine
        let context = invocation.context
        let token = container.observeOutput { stream, bytes in
            if stream == .stdout { try? context.stdout.write(bytes) } else { try? context.stderr.write(bytes) }
        }
        defer { container.removeObserver(token) }
        do { try engine.start(container) } catch {
            return invocation.runError("Error response from daemon: \(error.dockerMessage)", status: error.dockerRunExitStatus)
        }
        if container.spec.interactive {
            let input = context.stdin
            let box = UncheckedPump(engine: engine, container: container, input: input)
            context.loop.spawn { await box.pump() }
        }
        // docker's signal proxy (on unless `--sig-proxy=false`; with `-t`, Ctrl-C reaches the
        // container through its terminal instead): SIGINT goes to the main process, and the
        // client stays attached until the container ends.
        if invocation.arguments.value("sig-proxy") != "false" || container.spec.tty {
            SignalProxy(invocation: invocation, container: container).install()
        }
        do {
            return try await engine.wait(for: container)
        } catch {
            // Interrupted without a proxy (`--sig-proxy=false`): the client ends, the container runs on.
            return 130
        }
    }
}

/// Passes the client's SIGINT on to an attached container's main process. docker 17 has no
/// way out when that process ignores it (node as PID 1 without a handler) but a second
/// terminal, which a KubeLab learner lacks: the third Ctrl-C detaches the client, with a note.
final class SignalProxy: @unchecked Sendable {
    let invocation: Invocation
    let container: Container
    private var interrupts = 0
    static let interruptsBeforeDetaching = 3

    init(invocation: Invocation, container: Container) {
        self.invocation = invocation
        self.container = container
    }

    func install() {
        invocation.context.process.signalHandlers[.interrupt] = { [self] in interrupted() }
    }

    private func interrupted() {
        invocation.engine.forward(.interrupt, to: container)
        interrupts += 1
        guard interrupts >= Self.interruptsBeforeDetaching, container.isRunning else { return }
        let program = container.commandLine.first.flatMap { $0.split(separator: "/").last.map(String.init) } ?? "?"
        let context = invocation.context
        if context.machine.noteLanguage == "zh" {
            context.printError("注：\(program) 在容器里是 1 号进程，没有处理 SIGINT，所以 docker 17 会一直连着它。在真实机器上，要在另一个终端里停止它（docker stop \(container.name)），或者一开始就用 -d 在后台运行。KubeLab 替你断开了 docker 客户端，容器仍在运行。\n")
        } else {
            context.printError("note: \(program) is PID 1 in the container and has no SIGINT handler, so docker 17 stays attached to it. On a real machine you would stop it from a second terminal (docker stop \(container.name)), or run it with -d in the first place. KubeLab detached the docker client; the container still runs.\n")
        }
        context.process.terminate(status: 130, by: .interrupt)
    }
}

/// Copies the client's input into an attached container until either side ends.
final class UncheckedPump: @unchecked Sendable {
    let engine: DockerEngine
    let container: Container
    let input: any ReadableStream

    init(engine: DockerEngine, container: Container, input: any ReadableStream) {
        self.engine = engine
        self.container = container
        self.input = input
    }

    func pump() async {
        while container.isRunning, let chunk = try? await input.read() {
            engine.writeInput(chunk, to: container)
        }
        engine.closeInput(of: container)
    }
}
