import Kernel
import Simulation

/// The legacy (pre-BuildKit) builder of Docker 17.x: one intermediate image per step, a
/// container per RUN and metadata step, and a cache keyed by parent image and step.
final class Builder {
    let engine: DockerEngine
    let request: BuildRequest
    let output: any WritableStream
    var current: Image?
    var variables: BuildVariables
    /// Whether this stage has its own CMD: an ENTRYPOINT otherwise drops the base image's.
    var commandSet = false
    /// The SHELL in force for shell-form RUN, CMD and ENTRYPOINT.
    var shell = ["/bin/sh", "-c"]

    init(engine: DockerEngine, request: BuildRequest, output: any WritableStream) {
        self.engine = engine
        self.request = request
        self.output = output
        self.variables = BuildVariables(buildArguments: request.buildArguments)
    }

    func say(_ line: String, newline: Bool = true) {
        try? output.write(newline ? line + "\n" : line)
    }

    func run() async throws(DockerError) -> Image {
        let dockerfile: Dockerfile
        do { dockerfile = try Dockerfile(parsing: request.dockerfile) } catch { throw .other(error.message) }
        for instruction in dockerfile.instructions {
            guard instruction.isKnown else {
                throw .other(DockerfileError(stage: .check, line: instruction.line,
                                             reason: "unknown instruction: \(instruction.name)").message)
            }
            do { try instruction.checkBeforeBuild() } catch { throw .other(error.message) }
        }
        // 17.12's remotecontext.readAndParseDockerfile refuses a file without a single byte; a
        // file of comments and blank lines gets through to "No image was generated" below.
        guard !request.dockerfile.isEmpty else { throw .other("the Dockerfile (Dockerfile) cannot be empty") }
        if !dockerfile.warnings.isEmpty {
            // PrintWarnings writes to the builder's stderr, which the stream shows in red.
            say("\u{1B}[91m" + dockerfile.warnings.joined(separator: "\n") + "\n\u{1B}[0m", newline: false)
        }
        let total = dockerfile.instructions.count
        for (index, instruction) in dockerfile.instructions.enumerated() {
            // The instruction's source code, trimmed as instructions.withNameAndCode keeps it.
            say("Step \(index + 1)/\(total) : \(trimSpace(instruction.original))")
            let resolved: Instruction
            do { resolved = try instruction.resolve(with: variables, escape: dockerfile.escapeCharacter) } catch {
                throw .buildFailed(error.message)
            }
            try await perform(resolved, line: instruction.line)
            variables.apply(resolved)
        }
        guard let image = current else {
            let message = "No image was generated. Is your Dockerfile empty?"
            // Before anything was written to the stream the daemon answers with an HTTP error.
            throw dockerfile.instructions.isEmpty && dockerfile.warnings.isEmpty ? .other(message) : .buildFailed(message)
        }
        say("Successfully built \(image.shortID)")
        if let tag = request.tag {
            engine.tag(image.id, as: tag)
            say("Successfully tagged \(tag.description)")
        }
        return image
    }

    private func perform(_ instruction: Instruction, line: Int) async throws(DockerError) {
        if case .from(let name, _) = instruction {
            try await from(name)
            return
        }
        guard let base = current else {
            if case .arg = instruction { return }
            if case .run = instruction { throw .buildFailed(DockerfileError.missingSourceImageForRun(line: line).message) }
            throw .buildFailed(DockerfileError.missingSourceImageForCommit(line: line).message)
        }
        switch instruction {
        case .run(let form):
            try await runStep(form, on: base)
        case .add(let transfer):
            try transferStep(transfer, keyword: "ADD", on: base)
        case .copy(let transfer):
            try transferStep(transfer, keyword: "COPY", on: base)
        default:
            metadataStep(instruction, on: base)
        }
    }

    // MARK: FROM

    private func from(_ text: String) async throws(DockerError) {
        if text == "scratch" {
            let config = ImageConfig(config: ContainerConfig(), created: engine.loop.now, dockerVersion: engine.era.docker.version, history: [], layerDigests: [])
            current = Image(config: config)
            variables.beginStage(baseEnvironment: [])
            // The stage has no image ID yet, so the builder's ` ---> %s` line ends after the arrow.
            say(" ---> ")
            return
        }
        guard let name = ImageName(parsing: text) else { throw .buildFailed("invalid reference format") }
        let image: Image
        if let local = engine.image(named: text) {
            image = local
        } else {
            image = try await engine.pull(name, output: output)
        }
        current = image
        commandSet = false
        shell = ["/bin/sh", "-c"]
        variables.beginStage(baseEnvironment: image.config.config.environment)
        say(" ---> \(image.shortID)")
    }

    // MARK: Cache and commit

    private func cached(_ step: String, on base: Image) -> Image? {
        cachedStep(step, on: base)
    }

    private func useCache(_ image: Image) {
        say(" ---> Using cache")
        say(" ---> \(image.shortID)")
        current = image
    }

    private func commit(on base: Image, config: ContainerConfig, step: String, layer: Layer?) -> Image {
        var imageConfig = base.config
        imageConfig.config = config
        imageConfig.created = engine.loop.now
        imageConfig.history.append(HistoryEntry(created: engine.loop.now, createdBy: step, emptyLayer: layer == nil))
        if let layer { imageConfig.layerDigests.append(layer.digest) }
        let image = Image(config: imageConfig, parentID: base.id, buildStep: step)
        engine.store(image, layers: layer.map { [$0] } ?? [])
        current = image
        return image
    }

    // MARK: RUN

    private func runStep(_ form: CommandForm, on base: Image) async throws(DockerError) {
        let arguments = form.arguments(shell: shell)
        let step: String
        switch form {
        case .shell(let command): step = (shell + [command]).joined(separator: " ")
        case .exec(let words): step = "|0 " + words.joined(separator: " ")
        }
        if let hit = cached(step, on: base) { return useCache(hit) }
        let containerID = engine.makeIdentifier()
        say(" ---> Running in \(containerID.prefix(12))")
        let baseTree = engine.rootTree(of: base)
        let fileSystem = FileSystem(root: baseTree)
        DockerEngine.prepareRuntimeFiles(in: fileSystem)
        let runtimeTree = fileSystem.root
        let machine = Machine(hostname: String(containerID.prefix(12)), loop: engine.loop,
                              fileSystem: fileSystem, programs: engine.programs, network: engine.network)
        machine.host = engine.host
        var environment: [String: String] = ["HOSTNAME": machine.hostname, "HOME": "/root"]
        for entry in base.config.config.environment {
            let (name, value) = splitAssignment(entry)
            environment[name] = value ?? ""
        }
        let directory = base.config.config.workingDirectory.isEmpty ? "/" : base.config.config.workingDirectory
        let status: Int32
        do {
            let process = try machine.start(arguments, environment: environment, workingDirectory: directory, user: .root,
                                            stdin: EmptyReader(), stdout: output, stderr: output)
            do { status = try await process.waitForExit() } catch {
                process.terminate(status: Signal.kill.exitStatus, by: .kill)
                throw DockerError.buildFailed("")
            }
        } catch let error as DockerError {
            throw error
        } catch {
            let name = arguments.first ?? ""
            throw .buildFailed("OCI runtime create failed: container_linux.go:296: starting container process caused \"exec: \\\"\(name)\\\": executable file not found in $PATH\": unknown")
        }
        for process in machine.processes.all where process.isRunning {
            process.terminate(status: Signal.kill.exitStatus, by: .kill)
        }
        guard status == 0 else {
            throw .buildFailed("The command '\(arguments.joined(separator: " "))' returned a non-zero code: \(status)")
        }
        // Measured from the tree the step started in, so the runtime's own files stay out.
        let layer = Layer.difference(from: runtimeTree, to: machine.fileSystem.root)
        say("Removing intermediate container \(containerID.prefix(12))")
        let image = commit(on: base, config: base.config.config, step: step, layer: layer)
        say(" ---> \(image.shortID)")
    }

    // MARK: Metadata steps

    private func metadataStep(_ instruction: Instruction, on base: Image) {
        var config = base.config.config
        var comment = instruction.historyComment(shell: shell)
        switch instruction {
        case .cmd(let form):
            config.command = form.arguments(shell: shell)
            commandSet = true
        case .entrypoint(let form):
            let arguments = form.arguments(shell: shell)
            config.entrypoint = arguments.isEmpty ? nil : arguments
            if !commandSet { config.command = nil }
        case .env(let pairs):
            for pair in pairs { config.setEnvironment(pair.name, pair.value) }
        case .label(let pairs):
            for pair in pairs { config.labels[pair.name] = pair.value }
        case .expose(let ports):
            for port in ports where !config.exposedPorts.contains(port) { config.exposedPorts.append(port) }
        case .workdir(let path):
            config.workingDirectory = WorkingDirectory.resolve(current: config.workingDirectory, requested: path)
            comment = WorkingDirectory.historyComment(config.workingDirectory)
        case .user(let user):
            config.user = user
        case .stopSignal(let signal):
            config.stopSignal = signal
        case .shell(let words):
            shell = words
        case .volume(let paths):
            for path in paths where !(config.volumes ?? []).contains(path) { config.volumes = (config.volumes ?? []) + [path] }
        case .maintainer, .arg, .onbuild, .healthcheck, .from, .run, .add, .copy:
            break
        }
        guard let comment else { return }
        let step = Instruction.noOperationCreatedBy(comment, shell: shell)
        if let hit = cached(step, on: base) { return useCache(hit) }
        let containerID = engine.makeIdentifier()
        say(" ---> Running in \(containerID.prefix(12))")
        say("Removing intermediate container \(containerID.prefix(12))")
        let image = commit(on: base, config: config, step: step, layer: nil)
        say(" ---> \(image.shortID)")
    }
}

extension DockerEngine {
    /// Builds an image from a Dockerfile and context, printing the legacy builder's lines.
    public func build(_ request: BuildRequest, output: any WritableStream) async throws(DockerError) -> Image {
        try await Builder(engine: self, request: request, output: output).run()
    }
}
