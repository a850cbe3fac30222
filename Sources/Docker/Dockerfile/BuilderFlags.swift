/// The `--name=value` flags an instruction accepts, checked as docker's `BFlags.Parse` does.
struct BuilderFlags {
    private let allowed: Set<String>
    private(set) var values: [String: String] = [:]

    /// Parses `flags` against the names `allowed`; the messages are docker's.
    init(_ flags: [String], allowed: Set<String>, line: Int) throws(DockerfileError) {
        self.allowed = allowed
        for flag in flags {
            guard flag.hasPrefix("--") else { throw .step("Arg should start with -- : \(flag)", line: line) }
            if flag == "--" { return }
            var name = String(flag.dropFirst(2))
            var value: String?
            if let equals = name.firstIndex(of: "=") {
                value = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard allowed.contains(name) else { throw .step("Unknown flag: \(name)", line: line) }
            guard values[name] == nil else { throw .step("Duplicate flag specified: \(name)", line: line) }
            guard let value else { throw .step("Missing a value on flag: \(name)", line: line) }
            values[name] = value
        }
    }

    subscript(name: String) -> String? { values[name] }
}
