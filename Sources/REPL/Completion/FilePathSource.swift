/// Completes file and directory paths through a directory-listing closure, so it
/// works on any file system (the simulated workstation's included).
public struct FilePathSource: CompletionSource {
    /// One name in a directory.
    public struct Entry: Equatable, Sendable {
        public var name: String
        public var isDirectory: Bool

        public init(name: String, isDirectory: Bool) {
            self.name = name
            self.isDirectory = isDirectory
        }
    }

    private let list: (_ directory: String) -> [Entry]

    /// `list` returns the entries of a directory given as typed (`"."` for the
    /// current directory, `"src/"`, `"/etc/"`, `"~/"` …), or none if it does not exist.
    public init(listing list: @escaping (_ directory: String) -> [Entry]) {
        self.list = list
    }

    public func candidates(for words: [String], current prefix: String) -> [String] {
        let directory: String
        let namePrefix: String
        if let slash = prefix.lastIndex(of: "/") {
            directory = String(prefix[...slash])
            namePrefix = String(prefix[prefix.index(after: slash)...])
        } else {
            directory = ""
            namePrefix = prefix
        }
        // Hidden files only when asked for, as in a shell.
        let showHidden = namePrefix.hasPrefix(".")
        return list(directory.isEmpty ? "." : directory)
            .filter { $0.name.hasPrefix(namePrefix) && (showHidden || !$0.name.hasPrefix(".")) }
            .map { directory + $0.name + ($0.isDirectory ? "/" : "") }
    }
}
