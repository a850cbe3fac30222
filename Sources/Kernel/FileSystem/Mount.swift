/// Where a mount's files live: a directory (or file) of some file system, shared by reference.
///
/// A bind mount names a directory of the host's file system; a volume of its own (tmpfs) is a
/// fresh `FileSystem` mounted at its root. Every machine that mounts the same source sees the
/// same files, as containers sharing one emptyDir do.
public struct MountSource {
    public let fileSystem: FileSystem
    /// The absolute, normalized path of the shared entry inside `fileSystem`.
    public let path: String

    public init(fileSystem: FileSystem, path: String = "/") {
        self.fileSystem = fileSystem
        self.path = Paths.normalize(path)
    }

    var components: [String] { Paths.components(of: path) }
}

/// One line of a machine's mount table (`/proc/mounts`).
public struct Mount {
    /// The first field of `/proc/mounts`: a device (`/dev/sda1`) or a file system name (`tmpfs`).
    public var device: String
    /// The absolute path the mount covers.
    public var target: String
    /// The file system type (`ext4`, `tmpfs`, `overlay`, `proc` …).
    public var type: String
    /// Whether writes through this mount fail with EROFS.
    public var readOnly: Bool
    /// Options after `rw`/`ro`, as the kernel prints them (`relatime`, `size=65536k`).
    public var options: [String]
    /// Where the files are; nil for a kernel file system listed for the record only (the
    /// machine's own tree stands in for `/proc`, `/sys`, `/dev`).
    public let source: MountSource?

    public init(device: String, target: String, type: String, readOnly: Bool = false, options: [String] = ["relatime"],
                source: MountSource?) {
        self.device = device
        self.target = Paths.normalize(target)
        self.type = type
        self.readOnly = readOnly
        self.options = options
        self.source = source
    }

    var targetComponents: [String] { Paths.components(of: target) }

    /// The line `/proc/mounts` shows: fields separated by spaces, with spaces, tabs,
    /// newlines and backslashes in paths escaped in octal as the kernel's `mangle` does.
    public var procLine: String {
        let flags = ([readOnly ? "ro" : "rw"] + options).joined(separator: ",")
        return "\(Self.escape(device)) \(Self.escape(target)) \(type) \(flags) 0 0"
    }

    /// The line `mount` without arguments prints.
    public var mountLine: String {
        let flags = ([readOnly ? "ro" : "rw"] + options).joined(separator: ",")
        return "\(device) on \(target) type \(type) (\(flags))"
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case " ": result += "\\040"
            case "\t": result += "\\011"
            case "\n": result += "\\012"
            case "\\": result += "\\134"
            default: result.append(character)
            }
        }
        return result
    }
}
