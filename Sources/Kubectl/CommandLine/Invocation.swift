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
