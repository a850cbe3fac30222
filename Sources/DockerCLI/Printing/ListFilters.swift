import Docker

/// `--filter key=value` of `docker ps` and `docker images`: values of one key are alternatives,
/// different keys must all match, as the 17.12 daemon's filters.Args. Keys the daemon does not
/// know are refused with its `Invalid filter 'key'`.
struct ListFilters {
    struct Refusal: Error, CustomStringConvertible {
        let description: String
    }

    static let containerKeys: Set<String> = ["ancestor", "before", "exited", "id", "label", "name", "since", "status"]
    static let imageKeys: Set<String> = ["before", "dangling", "label", "reference", "since"]
    /// Keys the daemon knows that the simulation cannot apply: refused plainly rather than ignored.
    static let unsimulatedKeys: Set<String> = ["expose", "health", "isolation", "is-task", "network", "publish", "volume"]

    private var values: [String: [String]] = [:]

    init(_ arguments: [String], accepted: Set<String>) throws(Refusal) {
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "=") else {
                throw Refusal(description: "Bad format of filter (expected name=value)")
            }
            let key = argument[..<equals].lowercased()
            if accepted == Self.containerKeys, Self.unsimulatedKeys.contains(key) {
                throw Refusal(description: "the '\(key)' filter is not simulated by KubeLab")
            }
            guard accepted.contains(key) else { throw Refusal(description: "Invalid filter '\(key)'") }
            values[key, default: []].append(String(argument[argument.index(after: equals)...]))
        }
        if let flags = values["dangling"] {
            for flag in flags where !["true", "false", "1", "0"].contains(flag.lowercased()) {
                throw Refusal(description: "Invalid filter 'dangling=\(flag)'")
            }
        }
    }

    func has(_ key: String) -> Bool { values[key] != nil }

    private func any(_ key: String, _ test: (String) -> Bool) -> Bool {
        guard let wanted = values[key] else { return true }
        return wanted.contains(where: test)
    }

    func matches(_ container: Container, engine: DockerEngine) -> Bool {
        any("name") { Self.regexLike($0, matches: container.name) }
            && any("id") { container.id.hasPrefix($0) }
            && any("status") { $0 == Self.state(container) }
            && any("exited") { container.state == .exited && Int32($0) == container.exitCode }
            && any("label") { Self.label($0, in: container.config.labels) }
            && any("ancestor") { ancestor in
                container.imageReference == ancestor || container.imageID.hasPrefix(ancestor)
                    || engine.image(named: ancestor)?.id == container.imageID
            }
            && any("before") { other in engine.container(named: other).map { container.created < $0.created } ?? false }
            && any("since") { other in engine.container(named: other).map { container.created > $0.created } ?? false }
    }

    func matches(image: Image, repository: String, tag: String, engine: DockerEngine) -> Bool {
        any("dangling") { flag in
            let wanted = ["true", "1"].contains(flag.lowercased())
            return (repository == "<none>") == wanted
        }
            && any("reference") { pattern in
                Self.glob(pattern, matches: repository) || Self.glob(pattern, matches: repository + ":" + tag)
            }
            && any("label") { Self.label($0, in: image.config.config.labels) }
            && any("before") { other in engine.image(named: other).map { image.config.created < $0.config.created } ?? false }
            && any("since") { other in engine.image(named: other).map { image.config.created > $0.config.created } ?? false }
    }

    static func state(_ container: Container) -> String {
        switch container.state {
        case .running: "running"
        case .exited: "exited"
        case .created: "created"
        case .removing: "removing"
        }
    }

    /// `key` or `key=value` against labels.
    static func label(_ filter: String, in labels: [String: String]) -> Bool {
        guard let equals = filter.firstIndex(of: "=") else { return labels[filter] != nil }
        return labels[String(filter[..<equals])] == String(filter[filter.index(after: equals)...])
    }

    /// The daemon matches names with a regular expression; the anchors `^` and `$` and plain
    /// text (a substring) are what `docker ps --filter name=` is used with.
    static func regexLike(_ pattern: String, matches name: String) -> Bool {
        var text = Substring(pattern)
        let anchoredStart = text.hasPrefix("^")
        if anchoredStart { text = text.dropFirst() }
        let anchoredEnd = text.hasSuffix("$")
        if anchoredEnd { text = text.dropLast() }
        switch (anchoredStart, anchoredEnd) {
        case (true, true): return name == text
        case (true, false): return name.hasPrefix(text)
        case (false, true): return name.hasSuffix(text)
        case (false, false): return text.isEmpty || name.contains(text)
        }
    }

    /// Go's `path.Match` for `*` and `?` (neither crosses a `/`), by dynamic programming over
    /// the pattern so that no input can recurse deeply.
    static func glob(_ pattern: String, matches text: String) -> Bool {
        let text = Array(text)
        // reachable[t]: the pattern read so far can match exactly the first t characters.
        var reachable = [Bool](repeating: false, count: text.count + 1)
        reachable[0] = true
        for symbol in pattern {
            var next = [Bool](repeating: false, count: text.count + 1)
            if symbol == "*" {
                // Reachable from an earlier position without crossing a `/`.
                var active = false
                for t in 0...text.count {
                    if reachable[t] {
                        active = true
                    } else if t > 0, text[t - 1] == "/" {
                        active = false
                    }
                    next[t] = active
                }
            } else {
                for t in 0..<text.count where reachable[t] && (symbol == "?" ? text[t] != "/" : symbol == text[t]) {
                    next[t + 1] = true
                }
            }
            reachable = next
        }
        return reachable[text.count]
    }
}
