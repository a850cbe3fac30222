import Simulation

/// A volume of the `local` driver: a directory under `/var/lib/docker/volumes` on the host.
public final class DockerVolume {
    public let name: String
    public let created: VirtualInstant
    /// nil when the volume was made implicitly (`-v name:/path`, `VOLUME`), as the daemon stores it.
    public let labels: [String: String]?
    public let options: [String: String]?
    /// Made for a `VOLUME` or `-v /path` with no name: removed with `docker rm -v` and `--rm`.
    public let isAnonymous: Bool

    init(name: String, created: VirtualInstant, labels: [String: String]?, options: [String: String]?, isAnonymous: Bool) {
        self.name = name
        self.created = created
        self.labels = labels
        self.options = options
        self.isAnonymous = isAnonymous
    }

    /// Where the driver keeps the files on the host.
    public var mountpoint: String { DockerVolume.directory + "/" + name + "/_data" }

    static let directory = "/var/lib/docker/volumes"
}

/// One mount of a container (`types.MountPoint` in the API).
public struct ContainerMount: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable { case bind, volume }

    public var kind: Kind
    /// The volume's name; empty for a bind.
    public var name: String
    /// The host path: the bound directory or the volume's mountpoint.
    public var source: String
    public var destination: String
    /// The mode part of the spec (`ro`, `z` …) as the daemon keeps it.
    public var mode: String
    public var readWrite: Bool
    public var propagation: String
}

/// A `-v` spec as the Linux parser of Docker 17.12 reads it (`volume/linux_parser.go`).
struct VolumeSpecification {
    enum Source: Hashable {
        case hostPath(String)
        case named(String)
        case anonymous
    }

    var source: Source
    var destination: String
    var mode: String
    var readWrite: Bool

    init(source: Source, destination: String, mode: String, readWrite: Bool) {
        self.source = source
        self.destination = destination
        self.mode = mode
        self.readWrite = readWrite
    }

    static let labelModes: Set<String> = ["z", "Z"]
    static let propagationModes: Set<String> = ["shared", "rshared", "slave", "rslave", "private", "rprivate"]

    /// Parses `[SOURCE:]DESTINATION[:MODE]`; throws the daemon's message.
    init(parsing raw: String) throws(DockerError) {
        let parts = raw.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, !first.isEmpty else { throw .other(Self.invalidSpecification(raw)) }
        var source = ""
        var mode = ""
        switch parts.count {
        case 1:
            destination = first
        case 2:
            // `/foo:rw` names a mode where a destination belongs.
            if Self.isValidMode(parts[1]) { throw .other(Self.invalidSpecification(raw)) }
            source = first
            destination = parts[1]
        case 3:
            source = first
            destination = parts[1]
            mode = parts[2]
        default:
            throw .other(Self.invalidSpecification(raw))
        }
        guard Self.isValidMode(mode) else { throw .other("invalid mode: \(mode)") }
        self.mode = mode
        readWrite = !mode.split(separator: ",").contains("ro")
        let kind = source.hasPrefix("/") ? "bind" : "volume"
        guard destination.hasPrefix("/") else {
            throw .other(Self.invalidSpecification(raw) + ": invalid mount config for type \"\(kind)\": invalid mount path: '\(destination)' mount path must be absolute")
        }
        destination = Self.clean(destination)
        if destination == "/" {
            throw .other(Self.invalidSpecification(raw) + ": invalid mount config for type \"\(kind)\": invalid specification: destination can't be '/'")
        }
        if source.isEmpty {
            self.source = .anonymous
        } else if source.hasPrefix("/") {
            self.source = .hostPath(Self.clean(source))
        } else {
            self.source = .named(source)
        }
    }

    /// Go's `filepath.Clean` for absolute paths.
    static func clean(_ path: String) -> String {
        var result: [Substring] = []
        for component in path.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !result.isEmpty { result.removeLast() }
            default: result.append(component)
            }
        }
        return "/" + result.joined(separator: "/")
    }

    static func invalidSpecification(_ raw: String) -> String {
        "invalid volume specification: '\(raw)'"
    }

    /// rw/ro, a label mode, a propagation mode and `nocopy`, each at most once, comma-separated.
    static func isValidMode(_ mode: String) -> Bool {
        if mode.isEmpty { return true }
        var access = 0, label = 0, propagation = 0, copy = 0
        for item in mode.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            if item == "rw" || item == "ro" {
                access += 1
            } else if labelModes.contains(item) {
                label += 1
            } else if propagationModes.contains(item) {
                propagation += 1
            } else if item == "nocopy" {
                copy += 1
            } else {
                return false
            }
        }
        return access <= 1 && label <= 1 && propagation <= 1 && copy <= 1
    }

    /// The propagation the spec asks for, or the bind default.
    var propagation: String {
        mode.split(separator: ",").map(String.init).first { Self.propagationModes.contains($0) } ?? "rprivate"
    }

    /// Whether an empty volume is filled from the image (`nocopy` turns that off).
    var copiesImageData: Bool { !mode.split(separator: ",").contains("nocopy") }
}
