import Kernel

/// `minikube ssh` and `gcloud compute ssh`: a shell (or one command) on a node's machine,
/// wired to the caller's terminal.
///
/// When the node's interface goes down during the session (`sudo ifconfig eth0 down`), the
/// session hangs as a real SSH client does: nothing more arrives from the node, and what is
/// typed goes nowhere and shows nowhere (ssh keeps the local terminal raw and the remote end
/// echoed). Typing `~.` at the start of a line closes the connection (ssh's escape); otherwise
/// the first thing typed (or the end of input) is never acknowledged, and after TCP gives up
/// retransmitting it (about 15 minutes) the client reports a broken pipe. Ctrl-C ends
/// the wait too, as closing the terminal would.
enum NodeShell {
    /// How long TCP retransmits before the client's write fails (Linux `tcp_retries2` = 15).
    static let retransmissionTimeout: Duration = .seconds(924)

    /// `prompt`, when given, is the PS1 of an interactive bash (GKE's Container-Optimized OS
    /// shows `user@host ~ $ `); without it the session is a plain `sh`.
    static func run(on machine: Machine, node: ClusterNode? = nil, host: String = "", prompt: String? = nil, user: Credentials,
                    command: [String], context: ProgramContext) async throws -> Int32 {
        let shell = prompt == nil ? "sh" : "bash"
        let arguments = command.isEmpty ? [shell] : [shell, "-c", command.joined(separator: " ")]
        var environment = ["PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME": user.home,
                           "USER": user.userName, "TERM": context.environment["TERM"] ?? "xterm"]
        if let prompt { environment["PS1"] = prompt }
        let link = SessionLink()
        // ssh restores the terminal's modes however it exits.
        defer { (context.stdin as? EchoControl)?.echoesInput = true }
        node?.whenInterfaceGoesDown { link.isCut = true }
        let process: SimulatedProcess
        do {
            process = try machine.start(arguments, environment: environment, workingDirectory: user.home, user: user,
                                        stdin: SessionInput(source: context.stdin, link: link), stdout: SessionOutput(context.stdout, link: link),
                                        stderr: SessionOutput(context.stderr, link: link), parent: context.process)
        } catch {
            context.printError("ssh: exec request failed on channel 0\n")
            return 255
        }
        link.remote = process
        link.loop = context.loop
        context.process.onExit { _ in process.signal(.kill) }
        let status = try await process.waitForExit()
        if link.isCut, link.ending == nil {
            // The remote end finished, but its exit status cannot arrive; the client's end of
            // input (or the window update it owes) is never acknowledged either.
            try await context.process.sleep(for: NodeShell.retransmissionTimeout)
            link.ending = .timedOut
        }
        switch link.ending {
        case .escaped:
            context.printError("Connection to \(host) closed.\n")
            return 255
        case .timedOut:
            context.printError("packet_write_wait: Connection to \(host) port 22: Broken pipe\n")
            return 255
        case nil:
            return status
        }
    }
}

/// The state of one SSH connection.
final class SessionLink {
    enum Ending { case escaped, timedOut }
    var isCut = false
    var ending: Ending?
    weak var remote: SimulatedProcess?
    var loop: EventLoopReference?
    private var timerStarted = false

    /// Something had to be sent over the dead link: the client gives up when TCP does.
    func startRetransmitting() {
        guard !timerStarted, let loop else { return }
        timerStarted = true
        _ = loop.schedule(after: NodeShell.retransmissionTimeout) { [weak self] in self?.end(.timedOut) }
    }

    func end(_ reason: Ending) {
        guard ending == nil else { return }
        ending = reason
        remote?.signal(.kill)
    }
}

/// What the remote shell reads: the caller's input while the link is up; afterwards nothing.
final class SessionInput: ReadableStream {
    private let source: any ReadableStream
    private let link: SessionLink
    private var atLineStart = true
    private var sawTilde = false

    init(source: any ReadableStream, link: SessionLink) {
        self.source = source
        self.link = link
    }

    func read() async throws -> [UInt8]? {
        guard link.isCut else {
            let chunk = try await source.read()
            if let last = chunk?.last { atLineStart = last == 10 }
            return chunk
        }
        // The remote end echoed what was typed; nothing comes back over a dead link.
        (source as? EchoControl)?.echoesInput = false
        while true {
            guard let chunk = try await source.read() else {
                link.startRetransmitting()
                try await SimulatedProcess.current?.sleep(for: NodeShell.retransmissionTimeout * 2)
                return nil
            }
            link.startRetransmitting()
            for byte in chunk {
                if sawTilde, byte == UInt8(ascii: ".") {
                    link.end(.escaped)
                    return nil
                }
                sawTilde = atLineStart && byte == UInt8(ascii: "~")
                atLineStart = byte == 10 || byte == 13
            }
        }
    }

    func closeReading() { source.closeReading() }
}

/// What the remote shell writes: shown while the link is up, lost afterwards.
final class SessionOutput: WritableStream {
    private let target: any WritableStream
    private let link: SessionLink

    init(_ target: any WritableStream, link: SessionLink) {
        self.target = target
        self.link = link
    }

    func write(_ bytes: [UInt8]) throws {
        guard !link.isCut else { return }
        try target.write(bytes)
    }

    func close() { target.close() }
}
