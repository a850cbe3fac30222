import Foundation
import Simulation

/// The run-time defaults an image gives its containers (the `Config` of `docker inspect`).
public struct ContainerConfig: Codable, Hashable, Sendable {
    public var user: String = ""
    public var exposedPorts: [String] = []
    public var environment: [String] = []
    public var command: [String]?
    public var entrypoint: [String]?
    public var workingDirectory: String = ""
    public var labels: [String: String] = [:]
    public var stopSignal: String?
    /// `VOLUME` paths; nil when none, so images without volumes keep their IDs.
    public var volumes: [String]?

    public init(user: String = "", exposedPorts: [String] = [], environment: [String] = [], command: [String]? = nil,
                entrypoint: [String]? = nil, workingDirectory: String = "", labels: [String: String] = [:]) {
        self.user = user
        self.exposedPorts = exposedPorts
        self.environment = environment
        self.command = command
        self.entrypoint = entrypoint
        self.workingDirectory = workingDirectory
        self.labels = labels
    }

    /// The value of `name` in `environment` (`NAME=value` entries), if set.
    public func environmentValue(_ name: String) -> String? {
        environment.last { $0.hasPrefix(name + "=") }.map { String($0.dropFirst(name.count + 1)) }
    }

    /// Sets `name=value`, replacing an earlier value.
    public mutating func setEnvironment(_ name: String, _ value: String) {
        if let index = environment.firstIndex(where: { $0.hasPrefix(name + "=") }) {
            environment[index] = name + "=" + value
        } else {
            environment.append(name + "=" + value)
        }
    }
}

/// One line of `docker history`: the instruction that made a layer (or only metadata).
public struct HistoryEntry: Codable, Hashable, Sendable {
    public var created: VirtualInstant
    public var createdBy: String
    public var emptyLayer: Bool
    public var comment: String

    public init(created: VirtualInstant, createdBy: String, emptyLayer: Bool, comment: String = "") {
        self.created = created
        self.createdBy = createdBy
        self.emptyLayer = emptyLayer
        self.comment = comment
    }
}

/// An image's configuration document: what its ID is the digest of.
public struct ImageConfig: Codable, Hashable, Sendable {
    public var architecture = "amd64"
    public var operatingSystem = "linux"
    public var config: ContainerConfig
    public var created: VirtualInstant
    public var dockerVersion: String
    public var history: [HistoryEntry]
    /// Digests of the layers, bottom first.
    public var layerDigests: [String]

    public init(config: ContainerConfig, created: VirtualInstant, dockerVersion: String,
                history: [HistoryEntry], layerDigests: [String]) {
        self.config = config
        self.created = created
        self.dockerVersion = dockerVersion
        self.history = history
        self.layerDigests = layerDigests
    }

    /// The canonical bytes the image ID is computed over (sorted keys, no whitespace).
    public var canonicalBytes: [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? Array(encoder.encode(self))) ?? []
    }

    /// `sha256:<hex>` of the canonical form: the image ID.
    public var digest: String {
        ContentDigest.sha256(canonicalBytes)
    }
}

/// `NAME=value` split at the first `=`; the value is nil when there is no `=`.
public func splitAssignment(_ text: String) -> (name: String, value: String?) {
    guard let equals = text.firstIndex(of: "=") else { return (text, nil) }
    return (String(text[..<equals]), String(text[text.index(after: equals)...]))
}
