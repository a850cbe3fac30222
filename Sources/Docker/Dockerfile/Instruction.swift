/// A Dockerfile instruction after variable substitution and the daemon's checks: what a
/// build step does.
public enum Instruction: Equatable, Sendable {
    /// `FROM image [AS name]`; the stage name is lower-cased as docker does.
    case from(image: String, stageName: String?)
    case run(CommandForm)
    case cmd(CommandForm)
    /// `ENTRYPOINT` with no arguments clears the entrypoint: `.exec([])`.
    case entrypoint(CommandForm)
    case env([EnvironmentPair])
    case label([EnvironmentPair])
    case arg(name: String, defaultValue: String?)
    /// Port keys such as `8080/tcp`, ranges expanded, sorted as docker sorts them.
    case expose([String])
    case volume([String])
    case add(FileTransfer)
    case copy(FileTransfer)
    case workdir(String)
    case user(String)
    case maintainer(String)
    case stopSignal(String)
    case healthcheck(Healthcheck)
    /// The trigger as written, without the `ONBUILD` keyword.
    case onbuild(String)
    case shell([String])
}

/// A `name=value` pair of ENV or LABEL.
public struct EnvironmentPair: Equatable, Sendable {
    public let name: String
    public let value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// How RUN, CMD and ENTRYPOINT give their command.
public enum CommandForm: Equatable, Sendable {
    /// JSON array: run as given.
    case exec([String])
    /// Plain text: run through the shell (`/bin/sh -c` unless SHELL changed it).
    case shell(String)

    /// The process arguments, given the shell in force.
    public func arguments(shell: [String] = ["/bin/sh", "-c"]) -> [String] {
        switch self {
        case .exec(let arguments): arguments
        case .shell(let command): command.isEmpty ? shell : shell + [command]
        }
    }
}

/// Sources and destination of ADD or COPY.
public struct FileTransfer: Equatable, Sendable {
    public let sources: [String]
    public let destination: String
    /// `--chown=user:group`, when given.
    public let owner: String?
    /// `COPY --from=stage`, when given.
    public let stage: String?

    public init(sources: [String], destination: String, owner: String? = nil, stage: String? = nil) {
        self.sources = sources
        self.destination = destination
        self.owner = owner
        self.stage = stage
    }
}

/// A HEALTHCHECK instruction.
public enum Healthcheck: Equatable, Sendable {
    /// `HEALTHCHECK NONE`: disable any inherited check.
    case none
    /// `HEALTHCHECK [options] CMD …`; `test` is docker's form: `["CMD", args…]` for exec form,
    /// `["CMD-SHELL", command]` for shell form. Unset options are nil (inherit the defaults).
    case check(test: [String], interval: Duration?, timeout: Duration?, startPeriod: Duration?, retries: Int?)
}
