import Simulation

/// Files computed from key/value data and kept up to date in a directory, the way the kubelet's
/// `AtomicWriter` projects ConfigMap, Secret and downward-API volumes.
///
/// The real files live in a hidden timestamped directory (`..2018_03_06_09_00_00.123456789`);
/// `..data` is a symbolic link to it and each visible name is a link through `..data`. An
/// update writes a new timestamped directory and swaps `..data` with one rename, so a reader
/// sees the old set or the new set, never a mix.
public struct ProjectedFiles {
    /// One projected file: its bytes and permission bits.
    public struct File: Hashable, Sendable {
        public var bytes: [UInt8]
        public var mode: UInt16

        public init(bytes: [UInt8], mode: UInt16 = 0o644) {
            self.bytes = bytes
            self.mode = mode
        }
    }

    /// Why a payload cannot be projected (the writer's own messages).
    public enum Failure: Error, Hashable, Sendable {
        case invalidPath(String)
        case fileSystem(FileSystemError)

        public var message: String {
            switch self {
            case .invalidPath(let message): message
            case .fileSystem(let error): "\(error.path): \(error.code.message)"
            }
        }
    }

    static let dataName = "..data"
    static let newDataName = "..data_tmp"
    static let maximumNameLength = 255
    static let maximumPathLength = 4096

    public let fileSystem: FileSystem
    /// The directory the files appear in; it must exist.
    public let directory: String

    public init(fileSystem: FileSystem, directory: String) {
        self.fileSystem = fileSystem
        self.directory = Paths.normalize(directory)
    }

    /// Makes the directory show exactly `payload` (relative path → file). Returns whether
    /// anything changed: an identical payload leaves the directory alone.
    @discardableResult
    public func write(_ payload: [String: File], random: inout SeededRandom) throws(Failure) -> Bool {
        var clean: [String: File] = [:]
        for (path, file) in payload {
            try Self.validate(path)
            clean[Paths.components(of: path).joined(separator: "/")] = file
        }
        do {
            return try write(clean: clean, random: &random)
        } catch {
            throw .fileSystem(error)
        }
    }

    private func write(clean payload: [String: File], random: inout SeededRandom) throws(FileSystemError) -> Bool {
        let dataPath = Paths.join(directory, Self.dataName)
        let oldName = (try? fileSystem.status(dataPath, followSymlinks: false))?.symlinkTarget
        var pathsToRemove: Set<String> = []
        if let oldName {
            let oldDirectory = Paths.join(directory, oldName)
            let oldPaths = Set(relativePaths(under: oldDirectory))
            var newPaths: Set<String> = []
            for path in payload.keys {
                var components = Paths.components(of: path)
                while !components.isEmpty {
                    newPaths.insert(components.joined(separator: "/"))
                    components.removeLast()
                }
            }
            pathsToRemove = oldPaths.subtracting(newPaths)
            let unchanged = payload.allSatisfy { path, file in
                (try? fileSystem.readFile(Paths.join(oldDirectory, path))) == file.bytes
            }
            if unchanged, pathsToRemove.isEmpty { return false }
        }
        let stampName = timestampName(random: &random)
        let stampPath = Paths.join(directory, stampName)
        try fileSystem.createDirectory(stampPath, mode: 0o755)
        for path in payload.keys.sorted() {
            guard let file = payload[path] else { continue }
            let full = Paths.join(stampPath, path)
            try fileSystem.createDirectory(Paths.parent(full), intermediates: true, mode: 0o777)
            try fileSystem.writeFile(full, file.bytes, mode: file.mode)
            try fileSystem.setMode(full, file.mode)
        }
        for name in Set(payload.keys.compactMap { Paths.components(of: $0).first }).sorted() {
            let visible = Paths.join(directory, name)
            if (try? fileSystem.status(visible, followSymlinks: false)) == nil {
                try fileSystem.createSymlink(at: visible, target: Paths.join(Self.dataName, name))
            }
        }
        let newDataPath = Paths.join(directory, Self.newDataName)
        try fileSystem.createSymlink(at: newDataPath, target: stampName)
        try fileSystem.rename(newDataPath, to: dataPath)
        for path in pathsToRemove.sorted() where !path.contains("/") {
            try fileSystem.remove(Paths.join(directory, path))
        }
        if let oldName { try fileSystem.remove(Paths.join(directory, oldName), recursive: true) }
        return true
    }

    /// `..` + the UTC time as Go's `2006_01_02_15_04_05.` layout + a nine-digit number, as
    /// `ioutil.TempDir` names it.
    private func timestampName(random: inout SeededRandom) -> String {
        let seconds = fileSystem.clock().secondsSinceEpoch
        let time = CivilTime(secondsSinceEpoch: seconds)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let stamp = "..\(time.year)_\(two(time.month))_\(two(time.day))_\(two(time.hour))_\(two(time.minute))_\(two(time.second))."
        while true {
            let number = String(1_000_000_000 + random.integer(in: 0...999_999_999)).dropFirst()
            let name = stamp + number
            if !fileSystem.exists(Paths.join(directory, name)) { return name }
        }
    }

    /// Every path below `root`, relative to it (directories included).
    private func relativePaths(under root: String) -> [String] {
        var result: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let full = relative.isEmpty ? root : Paths.join(root, relative)
            guard let names = try? fileSystem.listDirectory(full) else { continue }
            for name in names {
                let child = relative.isEmpty ? name : relative + "/" + name
                result.append(child)
                if (try? fileSystem.status(Paths.join(root, child), followSymlinks: false))?.kind == .directory {
                    pending.append(child)
                }
            }
        }
        return result
    }

    /// The writer's rules for payload paths: relative, no `..` element, not starting with `..`,
    /// names of at most 255 bytes and paths of at most 4096.
    static func validate(_ path: String) throws(Failure) {
        if path.isEmpty { throw .invalidPath("invalid path: must not be empty: \"\"") }
        if path.hasPrefix("/") { throw .invalidPath("invalid path: must be relative path: \(path)") }
        if path.utf8.count > maximumPathLength {
            throw .invalidPath("invalid path: must be less than or equal to \(maximumPathLength) characters")
        }
        let items = path.split(separator: "/", omittingEmptySubsequences: false)
        for item in items {
            if item == ".." { throw .invalidPath("invalid path: must not contain '..': \(path)") }
            if item.utf8.count > maximumNameLength {
                throw .invalidPath("invalid path: filenames must be less than or equal to \(maximumNameLength) characters")
            }
        }
        if let first = items.first, first.hasPrefix(".."), first.count > 2 {
            throw .invalidPath("invalid path: must not start with '..': \(path)")
        }
    }
}
