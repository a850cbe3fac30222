/// A `.dockerignore` file: which build-context paths the client leaves out, matched as
/// docker's `fileutils.PatternMatcher` does (Go `filepath.Match` syntax plus `**`, later
/// lines win, `!` re-includes, a pattern naming a directory covers everything below it).
public struct DockerIgnore: Sendable, Equatable {
    /// The patterns as docker reads them: cleaned, `!` kept in front of exceptions.
    public let patterns: [String]
    private let matchers: [IgnorePattern]

    /// Reads the file: `#` lines are comments, blank lines are skipped, patterns are trimmed
    /// and path-cleaned, and a leading `/` is dropped (the context root is `/`).
    public init(parsing text: String) throws(DockerIgnoreError) {
        var patterns: [String] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = String(first.dropFirst()) }
        for line in lines {
            if line.hasPrefix("#") { continue }
            var pattern = trimSpace(line)
            guard !pattern.isEmpty else { continue }
            let isException = pattern.hasPrefix("!")
            if isException { pattern = trimSpace(String(pattern.dropFirst())) }
            if !pattern.isEmpty {
                pattern = cleanPath(pattern)
                if pattern.count > 1 && pattern.hasPrefix("/") { pattern.removeFirst() }
            }
            patterns.append(isException ? "!" + pattern : pattern)
        }
        try self.init(patterns: patterns)
    }

    /// Compiles already-read patterns (`!` marks an exception).
    public init(patterns: [String]) throws(DockerIgnoreError) {
        var matchers: [IgnorePattern] = []
        for raw in patterns {
            var pattern = trimSpace(raw)
            guard !pattern.isEmpty else { continue }
            pattern = cleanPath(pattern)
            var isException = false
            if pattern.hasPrefix("!") {
                guard pattern.count > 1 else { throw DockerIgnoreError(message: "illegal exclusion pattern: \"!\"") }
                isException = true
                pattern.removeFirst()
            }
            matchers.append(try IgnorePattern(pattern, isException: isException))
        }
        self.patterns = patterns
        self.matchers = matchers
    }

    /// Whether any pattern is an exception (then excluded directories must still be walked).
    public var hasExceptions: Bool { matchers.contains(where: \.isException) }

    /// Whether the client leaves `path` (relative to the context, `/`-separated) out.
    public func excludes(_ path: String) -> Bool {
        let file = cleanPath(path)
        let parent = parentDirectory(file)
        let parentParts = parent.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var excluded = false
        for matcher in matchers {
            var matches = matcher.matches(file)
            if !matches && parent != ".", matcher.depth <= parentParts.count {
                matches = matcher.matches(parentParts.prefix(matcher.depth).joined(separator: "/"))
            }
            if matches { excluded = !matcher.isException }
        }
        return excluded
    }

    /// The patterns the client really uses: the Dockerfile and `.dockerignore` are always sent,
    /// so exceptions for them are added when the patterns would leave them out.
    public func keepingBuildFiles(dockerfile: String = "Dockerfile") throws(DockerIgnoreError) -> DockerIgnore {
        var patterns = patterns
        if excludes(".dockerignore") { patterns.append("!.dockerignore") }
        if excludes(dockerfile) { patterns.append("!" + cleanPath(dockerfile)) }
        return try DockerIgnore(patterns: patterns)
    }

    public static func == (lhs: DockerIgnore, rhs: DockerIgnore) -> Bool { lhs.patterns == rhs.patterns }
}

/// A `.dockerignore` pattern that cannot be used; `message` is Go's.
public struct DockerIgnoreError: Error, Equatable, Sendable {
    public let message: String
}

/// Go's `filepath.Clean` for `/`-separated paths.
func cleanPath(_ path: String) -> String {
    guard !path.isEmpty else { return "." }
    let rooted = path.hasPrefix("/")
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
        switch part {
        case ".": continue
        case "..":
            if let last = parts.last, last != ".." {
                parts.removeLast()
            } else if !rooted {
                parts.append(part)
            }
        default: parts.append(part)
        }
    }
    let joined = parts.joined(separator: "/")
    if rooted { return "/" + joined }
    return joined.isEmpty ? "." : joined
}

/// Go's `filepath.Dir` of a cleaned path.
func parentDirectory(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let parent = String(path[..<slash])
    return parent.isEmpty ? "/" : cleanPath(parent)
}
