import Eras
import KubernetesAPI
import Kernel
import Simulation
import StructuredData

/// One run of kubectl: the process it runs in, the kubeconfig it read and the client it reaches.
final class Invocation {
    let context: ProgramContext
    let program: KubectlProgram
    let commandName: String
    private var globalFlags: ParsedFlags = ParsedFlags()
    private var cachedClient: (any KubernetesClient)?
    private(set) var server: String = ""
    /// The flags of the command being run (global ones included): `--record` reads the command
    /// line back through them.
    var commandFlags = FlagSet()

    init(context: ProgramContext, program: KubectlProgram, commandName: String) {
        self.context = context
        self.program = program
        self.commandName = commandName
    }

    func adopt(_ flags: ParsedFlags) { globalFlags = flags }

    var now: VirtualInstant { context.loop.now }

    func print(_ text: String) { context.print(text) }
    func printError(_ text: String) { context.printError(text) }

    // MARK: Kubeconfig

    var kubeconfigPath: String {
        if let path = globalFlags.string("kubeconfig"), !path.isEmpty { return context.resolve(path) }
        if let path = context.environment["KUBECONFIG"], !path.isEmpty {
            return context.resolve(path.split(separator: ":").first.map(String.init) ?? path)
        }
        let home = context.environment["HOME"] ?? context.user.home
        return Paths.normalize(".kube/config", relativeTo: home)
    }

    /// The kubeconfig file; an empty one when there is none.
    func kubeconfig() throws(KubectlError) -> Kubeconfig {
        guard let bytes = try? context.machine.fileSystem.readFile(kubeconfigPath, as: context.user) else { return Kubeconfig() }
        do {
            return try program.kubeconfig(parsing: bytes)
        } catch {
            throw .message("Error loading config file \"\(kubeconfigPath)\": " + error.message)
        }
    }

    var contextName: String {
        get throws(KubectlError) {
            if let name = globalFlags.string("context"), !name.isEmpty { return name }
            return try kubeconfig().currentContext
        }
    }

    /// The namespace: `-n`, else the context's, else `default`.
    var namespace: String {
        if let namespace = globalFlags.string("namespace"), !namespace.isEmpty { return namespace }
        if let config = try? kubeconfig(), let name = try? contextName, let context = config.context(named: name),
           let namespace = context.namespace, !namespace.isEmpty {
            return namespace
        }
        return "default"
    }

    var namespaceWasGiven: Bool { globalFlags.string("namespace").map { !$0.isEmpty } ?? false }

    /// The API server's client, found through the kubeconfig; the era's connection errors otherwise.
    func client() throws(KubectlError) -> any KubernetesClient {
        if let cachedClient { return cachedClient }
        if let explicit = explicitServer {
            server = explicit
            guard let client = program.clusters.client(forServer: explicit) else { throw Self.unreachable(explicit) }
            cachedClient = client
            return client
        }
        let config = try kubeconfig()
        let name = try contextName
        if let explicit = globalFlags.string("context"), !explicit.isEmpty, config.context(named: explicit) == nil {
            throw .raw("error: context \"\(explicit)\" does not exist")
        }
        guard let context = config.context(named: name), let cluster = config.cluster(named: context.cluster),
              !cluster.server.isEmpty
        else {
            throw .raw("The connection to the server localhost:8080 was refused - did you specify the right host or port?")
        }
        server = cluster.server
        guard let client = program.clusters.client(forServer: cluster.server) else {
            throw .raw("Unable to connect to the server: dial tcp \(Self.hostAndPort(cluster.server)): i/o timeout")
        }
        let level = globalFlags.int("v") ?? 0
        let logged: any KubernetesClient = level >= 6
            ? RequestLog(client, context: self.context, server: cluster.server, level: level,
                         userAgent: "kubectl/\(era.kubectl.version) (linux/amd64) kubernetes/\(era.kubectl.gitCommit.prefix(7))")
            : client
        cachedClient = logged
        return logged
    }

    /// `-s`/`--server`, with the scheme client-go assumes when none is given (plain HTTP without TLS settings).
    var explicitServer: String? {
        guard let value = globalFlags.string("server"), !value.isEmpty else { return nil }
        return value.contains("://") ? value : "http://" + value
    }

    /// The error kubectl prints when nothing answers at `server`: refused or silent (i/o timeout).
    static func unreachable(_ server: String, refused: Bool = false) -> KubectlError {
        // Kubectl prints the URL's host as given, port only when the URL had one.
        var host = Substring(server)
        if let range = host.range(of: "://") { host = host[range.upperBound...] }
        if let slash = host.firstIndex(of: "/") { host = host[..<slash] }
        if refused { return .raw("The connection to the server \(host) was refused - did you specify the right host or port?") }
        return .raw("Unable to connect to the server: dial tcp \(hostAndPort(server)): i/o timeout")
    }

    /// Dials `--server` as client-go would when it is no API server the directory knows: a
    /// refusal is immediate, silence lasts the dialer's 30 s timeout. Nil when it is one.
    func dialExplicitServer() async throws -> KubectlError? {
        guard let explicit = explicitServer, program.clusters.client(forServer: explicit) == nil else { return nil }
        let hostPort = Self.hostAndPort(explicit)
        let colon = hostPort.lastIndex(of: ":") ?? hostPort.endIndex
        let host = String(hostPort[..<colon])
        let port = Int(hostPort[hostPort.index(after: min(colon, hostPort.index(before: hostPort.endIndex)))...]) ?? 80
        let stack = context.machine.networkStack
        guard let address = stack.resolve(host).first else {
            // Go's resolver names the DNS server it asked (resolv.conf's first nameserver).
            var server = ""
            let bytes = (try? context.machine.fileSystem.readFile("/etc/resolv.conf")) ?? []
            for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
                let fields = line.split(separator: " ")
                if fields.count >= 2, fields[0] == "nameserver" {
                    server = " on " + fields[1] + ":53"
                    break
                }
            }
            return .raw("Unable to connect to the server: dial tcp: lookup \(host)\(server): no such host")
        }
        do {
            let connection = try stack.connect(address: address, port: port)
            connection.close()
            // Something answered, but no API server: the request's path is unknown to it.
            return .raw("error: the server could not find the requested resource")
        } catch NetworkError.system(.ECONNREFUSED), NetworkError.system(.ECONNRESET) {
            return Self.unreachable(explicit, refused: true)
        } catch {
            try await context.process.sleep(for: .seconds(30))
            return Self.unreachable(explicit)
        }
    }

    func kubelet() throws(KubectlError) -> (any PodRuntime)? {
        _ = try client()
        return program.clusters.kubelet(forServer: server)
    }

    /// `https://192.168.99.100:8443/` → `192.168.99.100:8443`.
    static func hostAndPort(_ server: String) -> String {
        var text = Substring(server)
        if let range = text.range(of: "://") { text = text[range.upperBound...] }
        if let slash = text.firstIndex(of: "/") { text = text[..<slash] }
        if !text.contains(":") { text += server.hasPrefix("http://") ? ":80" : ":443" }
        return String(text)
    }

    // MARK: Modern notes

    /// The era's modern note on `topic`, once per session, in the learner's language; none when
    /// the era is today's. On stderr, so that pipelines still see exactly the era's output.
    func note(_ topic: String, _ text: (Era.ModernNotes) -> Era.Note) {
        guard let notes = program.era.kubectl.notes else { return }
        program.note(topic, text(notes), context: context)
    }

    /// The release this kubectl is.
    var era: Era { program.era }
}
