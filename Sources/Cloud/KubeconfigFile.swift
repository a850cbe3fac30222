import Kernel
import StructuredData

/// Adds or removes a cluster's entry in `~/.kube/config`, keeping the other entries.
enum KubeconfigFile {
    struct Entry: Equatable {
        var name: String
        var server: String
    }

    static func path(home: String) -> String { home + "/.kube/config" }

    static func read(_ fileSystem: FileSystem, home: String, as user: Credentials) -> (entries: [Entry], current: String) {
        guard let bytes = try? fileSystem.readFile(path(home: home), as: user),
              let value = try? JSONValue.parseYAML(String(decoding: bytes, as: UTF8.self)) else { return ([], "") }
        var entries: [Entry] = []
        for cluster in value["clusters"]?.arrayValue ?? [] {
            guard let name = cluster["name"]?.stringValue else { continue }
            entries.append(Entry(name: name, server: cluster["cluster"]?["server"]?.stringValue ?? ""))
        }
        return (entries, value["current-context"]?.stringValue ?? "")
    }

    static func write(_ fileSystem: FileSystem, home: String, entries: [Entry], current: String, as user: Credentials) {
        var text = "apiVersion: v1\nclusters:\n"
        for entry in entries {
            text += "- cluster:\n    certificate-authority-data: REDACTED\n    server: \(entry.server)\n  name: \(entry.name)\n"
        }
        text += "contexts:\n"
        for entry in entries {
            text += "- context:\n    cluster: \(entry.name)\n    user: \(entry.name)\n  name: \(entry.name)\n"
        }
        text += "current-context: \(current)\nkind: Config\npreferences: {}\nusers:\n"
        for entry in entries {
            text += "- name: \(entry.name)\n  user:\n    client-certificate-data: REDACTED\n    client-key-data: REDACTED\n"
        }
        // The learner's own file, as the real tools write it when run by the learner.
        try? fileSystem.createDirectory(home + "/.kube", intermediates: true, as: user)
        try? fileSystem.writeFile(path(home: home), Array(text.utf8), mode: 0o600, as: user)
    }

    /// Points `name` at `server` and makes it the current context.
    static func add(_ fileSystem: FileSystem, home: String, name: String, server: String, as user: Credentials) {
        var (entries, _) = read(fileSystem, home: home, as: user)
        entries.removeAll { $0.name == name }
        entries.append(Entry(name: name, server: server))
        entries.sort { $0.name < $1.name }
        write(fileSystem, home: home, entries: entries, current: name, as: user)
    }

    static func remove(_ fileSystem: FileSystem, home: String, name: String, as user: Credentials) {
        var (entries, current) = read(fileSystem, home: home, as: user)
        entries.removeAll { $0.name == name }
        write(fileSystem, home: home, entries: entries, current: current == name ? "" : current, as: user)
    }
}
