/// One machine's network: its addresses, listening sockets and name resolution.
public final class NetworkStack {
    public let network: Network
    public internal(set) weak var machine: Machine?
    public var addresses: [String] = ["127.0.0.1"]
    /// Answers names /etc/hosts does not know (the cluster's DNS, the internet's).
    public var resolver: ((String) -> NameAnswer?)?
    private var listeners: [Int: Listener] = [:]
    /// Ports taken by something other than a listener here (Docker's published ports).
    private var reservedPorts: Set<Int> = []
    private var nextEphemeralPort = 32768

    init(network: Network) {
        self.network = network
    }

    /// The address other machines see this one by (its first non-loopback one).
    public var primaryAddress: String {
        addresses.first { !$0.hasPrefix("127.") } ?? "127.0.0.1"
    }

    /// Listens on `port` on all of the machine's addresses, or only on its loopback when
    /// `loopbackOnly`; `accept` gets each new connection. The listener closes when `owner` exits.
    public func listen(port: Int, loopbackOnly: Bool = false, owner: SimulatedProcess?,
                       accept: @escaping (Connection) -> Void) throws(NetworkError) -> Listener {
        if let existing = listeners[port], existing.isOpen { throw .system(.EADDRINUSE) }
        if reservedPorts.contains(port) { throw .system(.EADDRINUSE) }
        let listener = Listener(port: port, loopbackOnly: loopbackOnly, stack: self, accept: accept)
        listeners[port] = listener
        owner?.onExit { _ in listener.close() }
        return listener
    }

    /// Marks `port` as taken without a listener here, as Docker's proxy holds a published port:
    /// listening on it fails until `releasePort` (connections go by the network's rules).
    public func reservePort(_ port: Int) {
        reservedPorts.insert(port)
    }

    public func releasePort(_ port: Int) {
        reservedPorts.remove(port)
    }

    func removeListener(_ listener: Listener) {
        if listeners[listener.port] === listener { listeners[listener.port] = nil }
    }

    /// Whether something listens on `port` here.
    public func isListening(on port: Int) -> Bool {
        listeners[port]?.isOpen ?? false
    }

    /// The open listening ports, sorted.
    public var listeningPorts: [Int] { listeners.filter { $0.value.isOpen }.keys.sorted() }

    /// The addresses `name` resolves to: an IP literal, `localhost`, /etc/hosts, then `resolver`.
    public func resolve(_ name: String) -> [String] {
        lookup(name)?.addresses ?? []
    }

    /// The full answer for `name` (with the CNAME records the resolver followed); nil when
    /// nothing knows the name.
    public func lookup(_ name: String) -> NameAnswer? {
        if Self.isIPv4(name) { return NameAnswer(addresses: [name]) }
        let lowered = name.lowercased()
        if lowered == "localhost" { return NameAnswer(addresses: ["127.0.0.1"]) }
        if let machine, lowered == machine.hostname.lowercased() { return NameAnswer(addresses: [primaryAddress]) }
        if let hosts = try? machine?.fileSystem.readFile("/etc/hosts") {
            for line in String(decoding: hosts, as: UTF8.self).split(separator: "\n") {
                let fields = line.split(separator: "#", maxSplits: 1).first?.split(whereSeparator: { $0 == " " || $0 == "\t" }) ?? []
                guard fields.count >= 2, Self.isIPv4(String(fields[0])) else { continue }
                if fields.dropFirst().contains(where: { $0.lowercased() == lowered }) { return NameAnswer(addresses: [String(fields[0])]) }
            }
        }
        return resolver?(name)
    }

    /// Whether an ICMP echo request to `address` gets a reply: only a machine that holds the
    /// address answers (a service IP is a translation rule, not a machine, so it never does).
    public func answersEcho(_ address: String) -> Bool {
        if address.hasPrefix("127.") || addresses.contains(address) { return true }
        if network.isUnreachable(address, from: self) { return false }
        return network.stack(for: address) != nil
    }

    /// Opens a connection to `host:port`.
    public func connect(host: String, port: Int) async throws(NetworkError) -> Connection {
        guard let address = resolve(host).first else { throw .hostNotFound(host) }
        return try connect(address: address, port: port)
    }

    /// Opens a connection to an address (no name resolution).
    public func connect(address: String, port: Int) throws(NetworkError) -> Connection {
        let isLocal = address.hasPrefix("127.") || addresses.contains(address)
        // No answer ever comes: the caller's own timeout (or the kernel's) ends the attempt.
        if !isLocal, network.isUnreachable(address, from: self) || network.isFirewalled(address, port: port, from: self) {
            throw .system(.ETIMEDOUT)
        }
        var target: NetworkStack?
        var destination = (address, port)
        var proxied = false
        var masqueradedAs: String?
        if isLocal, isListening(on: port) {
            target = self
        } else {
            (destination, proxied, masqueradedAs) = network.translateNoting(address: address, port: port, from: self)
            if destination.0.hasPrefix("127.") || (destination.0 == address && isLocal) {
                target = self
            } else {
                target = network.stack(for: destination.0)
            }
        }
        // A service IP on a port no rule serves: routed out and dropped somewhere, never answered.
        if target == nil, !proxied, network.isBlackHole(destination.0) { throw .system(.ETIMEDOUT) }
        guard let target else { throw .system(proxied ? .ECONNRESET : .EHOSTUNREACH) }
        guard let listener = target.listeners[destination.1], listener.isOpen,
              !listener.loopbackOnly || (target === self && destination.0.hasPrefix("127.")) else {
            // The proxy took the connection, found nobody behind it and dropped it.
            throw .system(proxied ? .ECONNRESET : .ECONNREFUSED)
        }
        let localAddress = target === self ? (address.hasPrefix("127.") ? address : primaryAddress) : primaryAddress
        let localPort = allocateEphemeralPort()
        let (client, server) = Connection.makePair(
            clientAddress: localAddress, clientPort: localPort,
            serverAddress: target === self ? localAddress : destination.0, serverPort: destination.1,
            serverSeesClientAs: masqueradedAs)
        let accept = listener.accept
        machine?.loop.execute { accept(server) }
        return client
    }

    private func allocateEphemeralPort() -> Int {
        nextEphemeralPort += 1
        if nextEphemeralPort > 60999 { nextEphemeralPort = 32768 }
        return nextEphemeralPort
    }

    public static func isIPv4(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            guard let value = Int(part), part.count <= 3 else { return false }
            return (0...255).contains(value)
        }
    }
}

/// A listening socket.
public final class Listener {
    public let port: Int
    /// Bound to 127.0.0.1: reachable from the machine itself only.
    public let loopbackOnly: Bool
    let accept: (Connection) -> Void
    private weak var stack: NetworkStack?
    public private(set) var isOpen = true

    init(port: Int, loopbackOnly: Bool, stack: NetworkStack, accept: @escaping (Connection) -> Void) {
        self.port = port
        self.loopbackOnly = loopbackOnly
        self.stack = stack
        self.accept = accept
    }

    public func close() {
        guard isOpen else { return }
        isOpen = false
        stack?.removeListener(self)
    }
}

/// One end of a TCP connection: a stream in each direction.
public final class Connection {
    public let input: any ReadableStream
    public let output: any WritableStream
    public let localAddress: String
    public let localPort: Int
    public let remoteAddress: String
    public let remotePort: Int

    init(input: any ReadableStream, output: any WritableStream, localAddress: String, localPort: Int, remoteAddress: String, remotePort: Int) {
        self.input = input
        self.output = output
        self.localAddress = localAddress
        self.localPort = localPort
        self.remoteAddress = remoteAddress
        self.remotePort = remotePort
    }

    /// Closes both directions from this end.
    public func close() {
        output.close()
        input.closeReading()
    }

    static func makePair(clientAddress: String, clientPort: Int, serverAddress: String, serverPort: Int,
                         serverSeesClientAs masqueradedAs: String? = nil) -> (Connection, Connection) {
        let toServer = BytePipe(), toClient = BytePipe()
        let client = Connection(input: toClient.reader, output: toServer.writer, localAddress: clientAddress,
                                localPort: clientPort, remoteAddress: serverAddress, remotePort: serverPort)
        let server = Connection(input: toServer.reader, output: toClient.writer, localAddress: serverAddress,
                                localPort: serverPort, remoteAddress: masqueradedAs ?? clientAddress, remotePort: clientPort)
        return (client, server)
    }
}
