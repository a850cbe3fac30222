import Kernel
import Simulation

extension DockerEngine {
    /// Creates a container from a local image (`docker create`).
    public func createContainer(_ spec: ContainerSpec) throws(DockerError) -> Container {
        guard let image = image(named: spec.image) else { throw .noSuchImage(spec.image) }
        if let limit = spec.memoryLimit, limit > 0, limit < 4 << 20 {
            throw .other("Minimum memory limit allowed is 4MB")
        }
        let id = makeIdentifier()
        let name: String
        if let requested = spec.name {
            guard ContainerNames.isValid(requested) else { throw .other(ContainerNames.invalidNameMessage(requested)) }
            let bare = requested.hasPrefix("/") ? String(requested.dropFirst()) : requested
            if let existing = containers.first(where: { $0.name == bare }) {
                throw .nameConflict(name: bare, containerID: existing.id)
            }
            name = bare
        } else {
            let taken = Set(containers.map(\.name))
            name = ContainerNames.generate(forContainer: id, using: &random) { taken.contains($0) }
        }
        var config = image.config.config
        for assignment in spec.environment {
            let (name, value) = splitAssignment(assignment)
            config.setEnvironment(name, value ?? "")
        }
        if let entrypoint = spec.entrypoint {
            config.entrypoint = entrypoint.isEmpty ? nil : entrypoint
            config.command = spec.command.isEmpty ? nil : spec.command
        } else if !spec.command.isEmpty {
            config.command = spec.command
        }
        if let directory = spec.workingDirectory { config.workingDirectory = directory }
        for path in spec.volumes where !(config.volumes ?? []).contains(path) {
            config.volumes = (config.volumes ?? []) + [path]
        }
        if let user = spec.user { config.user = user }
        guard !((config.entrypoint ?? []) + (config.command ?? [])).isEmpty else { throw .other("No command specified") }
        let plannedMounts = try plannedMounts(binds: spec.binds, volumes: config.volumes ?? [])
        let fileSystem = FileSystem(root: rootTree(of: image))
        Self.prepareRuntimeFiles(in: fileSystem)
        Self.prepareMemoryCgroup(in: fileSystem, limit: spec.memoryLimit)
        let machine = Machine(hostname: spec.hostname ?? String(id.prefix(12)), loop: loop, fileSystem: fileSystem,
                              programs: programs, network: network)
        machine.host = host
        let container = Container(id: id, name: name, image: image, spec: spec, config: config, created: loop.now, machine: machine)
        container.createdTree = fileSystem.root
        listMounts(of: container)
        try mount(plannedMounts, into: container)
        containers.append(container)
        return container
    }

    /// What the runtime puts into every container: the device nodes of its /dev and the
    /// The memory cgroup as the container sees it: the limit `-m` set, or the kernel's "none".
    static func prepareMemoryCgroup(in fileSystem: FileSystem, limit: Int64?) {
        let directory = "/sys/fs/cgroup/memory"
        try? fileSystem.createDirectory(directory, intermediates: true)
        let unlimited: Int64 = 9_223_372_036_854_771_712
        try? fileSystem.writeFile(directory + "/memory.limit_in_bytes", Array("\(limit ?? unlimited)\n".utf8))
        try? fileSystem.writeFile(directory + "/memory.usage_in_bytes", Array("1437696\n".utf8))
    }

    /// `/.dockerenv` marker.
    static func prepareRuntimeFiles(in fileSystem: FileSystem) {
        try? fileSystem.createDirectory("/dev/shm", intermediates: true, mode: 0o1777)
        try? fileSystem.createDirectory("/dev/pts", intermediates: true)
        for (name, device) in [("null", Device.null), ("zero", .zero), ("random", .random), ("urandom", .random),
                               ("tty", .terminal), ("console", .terminal)] {
            try? fileSystem.install(.device(device, FileMetadata(mode: 0o666)), at: "/dev/" + name)
        }
        if !fileSystem.exists("/.dockerenv") { try? fileSystem.writeFile("/.dockerenv", [], mode: 0o755) }
    }

    /// Starts a created or stopped container's main process (`docker start`).
    public func start(_ container: Container) throws(DockerError) {
        guard !container.isRunning else { return }
        guard containers.contains(where: { $0 === container }) else { throw .noSuchContainer(container.id) }
        let bindings = try resolvePorts(for: container)
        let machine = container.machine
        let address = container.spec.ipAddress ?? allocateAddress()
        allocatedAddresses.insert(address)
        writeNetworkFiles(container, address: address)
        var environment: [String: String] = [:]
        for entry in container.config.environment {
            let (name, value) = splitAssignment(entry)
            environment[name] = value ?? ""
        }
        environment["HOSTNAME"] = machine.hostname
        if environment["HOME"] == nil { environment["HOME"] = "/root" }
        if container.spec.tty { environment["TERM"] = "xterm" }
        let workingDirectory = container.config.workingDirectory.isEmpty ? "/" : container.config.workingDirectory
        if !machine.fileSystem.isDirectory(workingDirectory) {
            try? machine.fileSystem.createDirectory(workingDirectory, intermediates: true)
        }
        let stdin: any ReadableStream
        if container.spec.interactive {
            let pipe = BytePipe()
            container.stdinPipe = pipe
            stdin = pipe.reader
        } else {
            container.stdinPipe = nil
            stdin = EmptyReader()
        }
        let arguments = container.commandLine
        let process: SimulatedProcess
        do {
            process = try machine.start(arguments, environment: environment, workingDirectory: workingDirectory,
                                        user: credentials(for: container.config.user, on: machine), stdin: stdin,
                                        stdout: ContainerOutputStream(container: container, stream: .stdout),
                                        stderr: ContainerOutputStream(container: container, stream: container.spec.tty ? .stdout : .stderr))
        } catch {
            allocatedAddresses.remove(address)
            container.exitCode = error.code == .ENOENT ? 127 : 126
            let name = arguments.first ?? ""
            throw error.code == .ENOENT ? .executableNotFound(name) : .permissionDenied(name)
        }
        if container.spec.tty { process.terminal = "pts/0" }
        connect(container, address: address, bindings: bindings)
        container.mainProcess = process
        container.state = .running
        container.stoppedByUser = false
        container.startedAt = loop.now
        container.finishedAt = nil
        process.onExit { [weak self, weak container] status in
            guard let self, let container else { return }
            self.mainProcessExited(container, status: status)
        }
        container.stateChanged()
    }

    private func credentials(for user: String, on machine: Machine) -> Credentials {
        guard !user.isEmpty, user != "root" else { return .root }
        let parts = user.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard let userPart = parts.first, !userPart.isEmpty else { return .root }
        if let uid = UInt32(userPart) {
            let gid = parts.count > 1 ? UInt32(parts[1]) ?? uid : uid
            return Credentials(uid: uid, gid: gid, userName: userPart, home: "/")
        }
        if let passwd = try? machine.fileSystem.readFile("/etc/passwd") {
            for line in String(decoding: passwd, as: UTF8.self).split(separator: "\n") {
                let fields = line.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
                if fields.count >= 6, fields[0] == userPart, let uid = UInt32(fields[2]), let gid = UInt32(fields[3]) {
                    return Credentials(uid: uid, gid: gid, userName: fields[0], home: fields[5])
                }
            }
        }
        return .root
    }

    private func writeNetworkFiles(_ container: Container, address: String) {
        let fileSystem = container.machine.fileSystem
        let hostname = container.machine.hostname
        try? fileSystem.createDirectory("/etc", intermediates: true)
        try? fileSystem.writeFile("/etc/hostname", Array((hostname + "\n").utf8))
        let hosts = "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n\(address)\t\(hostname)\n"
        try? fileSystem.writeFile("/etc/hosts", Array(hosts.utf8))
        try? fileSystem.writeFile("/etc/resolv.conf", Array("nameserver 8.8.8.8\nnameserver 8.8.4.4\n".utf8))
    }

    private func mainProcessExited(_ container: Container, status: Int32) {
        container.flushPartialLines(at: loop.now)
        container.state = .exited
        container.exitCode = status
        container.finishedAt = loop.now
        container.stdinPipe?.writer.close()
        for process in container.machine.processes.all where process.isRunning {
            process.terminate(status: Signal.kill.exitStatus, by: .kill)
        }
        disconnect(container)
        container.stateChanged()
        if shouldRestart(container, status: status) {
            let delay = Duration.milliseconds(100 << min(container.restartCount, 10))
            container.restartCount += 1
            loop.schedule(after: delay) { [weak self, weak container] in
                guard let self, let container, container.state == .exited, !container.stoppedByUser else { return }
                try? self.start(container)
            }
        } else if container.spec.autoRemove {
            remove(container, removeVolumes: true)
        }
    }

    private func shouldRestart(_ container: Container, status: Int32) -> Bool {
        guard !container.stoppedByUser else { return false }
        switch container.spec.restartPolicy {
        case .no: return false
        case .always, .unlessStopped: return true
        case .onFailure(let maximum): return status != 0 && (maximum == 0 || container.restartCount < maximum)
        }
    }

    /// Sends the stop signal, then SIGKILL after `timeout` (`docker stop`, default 10 s).
    ///
    /// The daemon does the work: a client that is interrupted (Ctrl-C during `docker stop`)
    /// stops waiting, but the container is still killed when the timeout ends. Returns whether
    /// the caller waited until the container stopped.
    @discardableResult
    public func stop(_ container: Container, timeout: Duration = .seconds(10)) async -> Bool {
        container.stoppedByUser = true
        guard container.isRunning, let process = container.mainProcess else { return true }
        let stopSignal = container.config.stopSignal.flatMap(Signal.init(name:)) ?? .terminate
        deliver(stopSignal, to: process)
        let timer = loop.schedule(after: timeout) { [weak process] in
            if let process, process.isRunning { process.signal(.kill) }
        }
        do {
            _ = try await process.waitForExit()
        } catch {
            return false
        }
        loop.cancel(timer)
        return true
    }

    /// Sends `signal` to the main process (`docker kill`, SIGKILL by default).
    public func kill(_ container: Container, signal: Signal = .kill) throws(DockerError) {
        guard container.isRunning, let process = container.mainProcess else { throw .containerNotRunning(container.id) }
        container.stoppedByUser = true
        deliver(signal, to: process)
    }

    /// Passes a signal from an attached client on to the main process (docker's sig-proxy).
    public func forward(_ signal: Signal, to container: Container) {
        guard container.isRunning, let process = container.mainProcess else { return }
        deliver(signal, to: process)
    }

    /// PID 1 of a PID namespace only gets signals it handles (and SIGKILL): the default
    /// action of SIGTERM does not apply to it, so `node app.js` takes the 10 s timeout.
    private func deliver(_ signal: Signal, to process: SimulatedProcess) {
        if signal == .kill || process.signalHandlers[signal] != nil {
            process.signal(signal)
        }
    }

    /// Stops (if running) and starts the container again (`docker restart`).
    public func restart(_ container: Container, timeout: Duration = .seconds(10)) async throws(DockerError) {
        await stop(container, timeout: timeout)
        try start(container)
    }

    /// Removes a stopped container, or a running one when `force` (`docker rm [-f] [-v]`);
    /// `removeVolumes` takes its anonymous volumes along.
    public func remove(_ container: Container, force: Bool = false, removeVolumes: Bool = false) throws(DockerError) {
        if container.isRunning {
            guard force, let process = container.mainProcess else { throw .removeRunningContainer(container.id) }
            container.stoppedByUser = true
            process.terminate(status: Signal.kill.exitStatus, by: .kill)
        }
        remove(container, removeVolumes: removeVolumes)
    }

    private func remove(_ container: Container, removeVolumes: Bool) {
        containers.removeAll { $0 === container }
        releaseVolumes(of: container, removeAnonymous: removeVolumes)
        container.state = .removing
        container.stateChanged()
    }

    /// Runs another process in a running container (`docker exec`).
    public func exec(in container: Container, arguments: [String], tty: Bool = false, environment extra: [String] = [],
                     workingDirectory: String? = nil, stdin: any ReadableStream, stdout: any WritableStream,
                     stderr: any WritableStream) throws(DockerError) -> SimulatedProcess {
        guard container.isRunning else { throw .containerNotRunning(container.id) }
        var environment: [String: String] = [:]
        for entry in container.config.environment + extra {
            let (name, value) = splitAssignment(entry)
            environment[name] = value ?? ""
        }
        environment["HOSTNAME"] = container.machine.hostname
        if environment["HOME"] == nil { environment["HOME"] = "/root" }
        if tty { environment["TERM"] = "xterm" }
        let directory = workingDirectory ?? (container.config.workingDirectory.isEmpty ? "/" : container.config.workingDirectory)
        do {
            let process = try container.machine.start(arguments, environment: environment, workingDirectory: directory,
                                                      user: credentials(for: container.config.user, on: container.machine),
                                                      stdin: stdin, stdout: stdout, stderr: stderr)
            if tty {
                // Each container mounts its own devpts: an exec gets the first free pts there.
                let taken = Set(container.machine.processes.all.compactMap(\.terminal))
                process.terminal = (0...).lazy.map { "pts/\($0)" }.first { !taken.contains($0) }
            }
            return process
        } catch {
            let name = arguments.first ?? ""
            let cause = error.code == .ENOENT ? "executable file not found in $PATH" : "permission denied"
            throw .other("OCI runtime exec failed: exec failed: container_linux.go:296: starting container process caused \"exec: \\\"\(name)\\\": \(cause)\": unknown")
        }
    }

    /// Writes to a container's stdin (`-i`).
    public func writeInput(_ bytes: [UInt8], to container: Container) {
        try? container.stdinPipe?.writer.write(bytes)
    }

    /// Closes a container's stdin (end of the attached client's input).
    public func closeInput(of container: Container) {
        container.stdinPipe?.writer.close()
    }

    /// Waits until the container's main process has ended; returns its exit code.
    public func wait(for container: Container) async throws -> Int32 {
        while container.isRunning, let process = container.mainProcess {
            _ = try await process.waitForExit()
            // Let the exit hook record the state first.
            if container.isRunning { await Task.yield() }
        }
        return container.exitCode
    }
}
