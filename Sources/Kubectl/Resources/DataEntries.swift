import Formatting
import KubernetesAPI
import Kernel

/// The keys and values `create configmap` and `create secret generic` collect from
/// `--from-file` and `--from-literal`, checked as kubectl 1.8's generators check them.
struct DataEntries {
    /// `ConfigMap` or `Secret`, as the invalid-key message names it.
    let kind: String
    private(set) var values: [String: [UInt8]] = [:]

    init(kind: String) { self.kind = kind }

    /// `--from-literal=KEY=VALUE` (the value may contain `=`).
    mutating func add(literals: [String]) throws(KubectlError) {
        for source in literals {
            guard let equals = source.firstIndex(of: "="), equals != source.startIndex else {
                throw .message("invalid literal source \(source), expected key=value")
            }
            try add(String(source[..<equals]), Array(source[source.index(after: equals)...].utf8))
        }
    }

    /// `--from-file=[KEY=]PATH`; a directory adds each regular file under its own name.
    mutating func add(files: [String], invocation: Invocation) throws(KubectlError) {
        let fileSystem = invocation.context.machine.fileSystem
        for source in files {
            let (key, path) = try Self.parseFileSource(source)
            let resolved = invocation.context.resolve(path)
            let status: FileStatus
            do {
                status = try fileSystem.status(resolved, as: invocation.context.user)
            } catch {
                throw .message("error reading \(path): \(error.code.message.lowercased())")
            }
            guard status.kind == .directory else {
                try add(key, Self.read(path, invocation: invocation) { "open \(path): \($0)" })
                continue
            }
            guard !source.contains("=") else { throw .message("cannot give a key name for a directory path.") }
            let entries: [String]
            do {
                entries = try fileSystem.listDirectory(resolved, as: invocation.context.user).sorted()
            } catch {
                throw .message("error listing files in \(path): open \(path): \(error.code.message.lowercased())")
            }
            for entry in entries {
                // ioutil.ReadDir does not follow links: only regular files count.
                let item = Self.joined(path, entry)
                guard (try? fileSystem.status(invocation.context.resolve(item), followSymlinks: false, as: invocation.context.user))?.kind == .file else { continue }
                try add(entry, Self.read(item, invocation: invocation) { "open \(item): \($0)" })
            }
        }
    }

    private mutating func add(_ key: String, _ value: [UInt8]) throws(KubectlError) {
        let problems = ConfigKey.errors(key)
        guard problems.isEmpty else {
            throw .message("\(goQuoted(key)) is not a valid key name for a \(kind): " + problems.joined(separator: ";"))
        }
        guard values[key] == nil else {
            throw .message("cannot add key \(key), another key by that name already exists: \(goMap).")
        }
        values[key] = value
    }

    /// The collected data as Go's `%v` prints the map (`map[a:1]`; a Secret's values as byte lists).
    private var goMap: String {
        let entries = values.keys.sorted().map { key in
            let value = values[key] ?? []
            return key + ":" + (kind == "Secret" ? "[" + value.map(String.init).joined(separator: " ") + "]" : String(decoding: value, as: UTF8.self))
        }
        return "map[" + entries.joined(separator: " ") + "]"
    }

    /// `ParseFileSource`: the key (the file's base name unless given) and the path.
    static func parseFileSource(_ source: String) throws(KubectlError) -> (key: String, path: String) {
        let separators = source.filter { $0 == "=" }.count
        switch separators {
        case 0:
            return (baseName(source), source)
        case 1 where source.hasPrefix("="):
            throw .message("key name for file path \(source.dropFirst()) missing.")
        case 1 where source.hasSuffix("="):
            throw .message("file path for key name \(source.dropLast()) missing.")
        case 1:
            let parts = source.split(separator: "=", omittingEmptySubsequences: false)
            return (String(parts[0]), String(parts[1]))
        default:
            throw .message("Key names or file paths cannot contain '='.")
        }
    }

    /// Go's `path.Base`.
    static func baseName(_ path: String) -> String {
        guard !path.isEmpty else { return "." }
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        if trimmed == "/" { return "/" }
        return String(trimmed.split(separator: "/", omittingEmptySubsequences: false).last ?? trimmed)
    }

    static func joined(_ directory: String, _ entry: String) -> String {
        directory.hasSuffix("/") ? directory + entry : directory + "/" + entry
    }

    /// A file's bytes; `message` frames the lower-cased error text.
    static func read(_ path: String, invocation: Invocation, message: (String) -> String) throws(KubectlError) -> [UInt8] {
        do {
            return try invocation.context.machine.fileSystem.readFile(invocation.context.resolve(path), as: invocation.context.user)
        } catch {
            throw .message(message(error.code.message.lowercased()))
        }
    }
}
