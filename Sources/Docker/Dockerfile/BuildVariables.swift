/// The variables a build substitutes into instructions, with docker's ENV/ARG scoping:
/// ENV values (the image's environment) win over ARG values; ARGs declared before the first
/// FROM are usable only in FROM lines, and inside a stage only after being redeclared;
/// `--build-arg` values override ARG defaults; each FROM forgets the previous stage's ARGs.
public struct BuildVariables: Equatable, Sendable {
    /// The image environment as `name=value` entries, in order.
    public private(set) var environment: [String]
    /// The `--build-arg` values given on the command line (nil: `--build-arg NAME` with no value).
    public let buildArguments: [String: String?]
    private var metaArguments: [String: String?] = [:]
    private var stageArguments: [(name: String, defaultValue: String?)] = []
    private var usedArguments: Set<String> = []
    private var inStage = false

    public init(buildArguments: [String: String?] = [:], environment: [String] = []) {
        self.buildArguments = buildArguments
        self.environment = environment
    }

    /// Starts a stage on the base image's environment (FROM).
    public mutating func beginStage(baseEnvironment: [String]) {
        environment = baseEnvironment
        stageArguments = []
        inStage = true
    }

    /// Records what ENV and ARG instructions change; other instructions change nothing here.
    public mutating func apply(_ instruction: Instruction) {
        switch instruction {
        case .env(let pairs):
            for pair in pairs { setEnvironment(pair.name, pair.value) }
        case .arg(let name, let defaultValue):
            usedArguments.insert(name)
            if inStage {
                stageArguments.removeAll { $0.name == name }
                stageArguments.append((name, defaultValue))
            } else {
                metaArguments[name] = defaultValue
            }
        default:
            break
        }
    }

    private mutating func setEnvironment(_ name: String, _ value: String) {
        let entry = name + "=" + value
        if let index = environment.firstIndex(where: { $0 == name || $0.hasPrefix(name + "=") }) {
            environment[index] = entry
        } else {
            environment.append(entry)
        }
    }

    /// What `$name` sees inside a stage, and the environment RUN commands get: the image
    /// environment first, then the ARG values (and proxy `--build-arg`s) it does not shadow.
    public var substitutionEnvironment: [String] {
        let names = Set(environment.map { $0.split(separator: "=", maxSplits: 1).first.map(String.init) ?? $0 })
        let declared = stageArguments.map(\.name)
        let proxies = Self.proxyArguments.filter { !declared.contains($0) }.sorted().map { (name: $0, defaultValue: String?.none) }
        return environment + argumentValues(stageArguments + proxies).filter { !names.contains($0.name) }
            .map { $0.name + "=" + $0.value }
    }

    /// Build arguments docker accepts without an ARG instruction.
    public static let proxyArguments: Set<String> = [
        "HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY", "ftp_proxy", "NO_PROXY", "no_proxy",
    ]

    /// What `$name` sees in a FROM line: the ARGs declared before the first FROM.
    public var fromEnvironment: [String] {
        let declared = metaArguments.keys.sorted().map { ($0, metaArguments[$0] ?? nil) }
        return argumentValues(declared, inheritMeta: false).map { $0.name + "=" + $0.value }
    }

    /// The ARG values in force, as docker's `getBuildArg`: the `--build-arg` value, else the
    /// default, else (inside a stage) the value of the same ARG before the first FROM.
    private func argumentValues(_ declared: [(name: String, defaultValue: String?)], inheritMeta: Bool = true)
        -> [(name: String, value: String)] {
        declared.compactMap { argument in
            if let given = buildArguments[argument.name], let given { return (argument.name, given) }
            if let value = argument.defaultValue { return (argument.name, value) }
            if inheritMeta, let meta = metaArguments[argument.name], let meta { return (argument.name, meta) }
            return nil
        }
    }

    /// `--build-arg` names no ARG declared, sorted.
    public var unconsumedBuildArguments: [String] {
        buildArguments.keys.filter { !usedArguments.contains($0) && !Self.proxyArguments.contains($0) }.sorted()
    }

    /// The daemon's warning for unconsumed `--build-arg`s, or nil when all were used.
    public var unconsumedBuildArgumentsWarning: String? {
        let names = unconsumedBuildArguments
        guard !names.isEmpty else { return nil }
        return "[Warning] One or more build-args [\(names.joined(separator: " "))] were not consumed"
    }

    public static func == (lhs: BuildVariables, rhs: BuildVariables) -> Bool {
        lhs.environment == rhs.environment && lhs.buildArguments == rhs.buildArguments
            && lhs.metaArguments == rhs.metaArguments && lhs.usedArguments == rhs.usedArguments
            && lhs.inStage == rhs.inStage
            && lhs.stageArguments.map(\.name) == rhs.stageArguments.map(\.name)
            && lhs.stageArguments.map(\.defaultValue) == rhs.stageArguments.map(\.defaultValue)
    }
}
