import Kernel

/// Pathname expansion against the simulated file system.
extension Shell {
    /// The paths a field's unquoted `*`, `?` and `[…]` match, sorted; the field itself when
    /// nothing matches or it has no pattern characters.
    func glob(_ field: [ExpandedCharacter]) -> [String] {
        let hasWildcard = field.contains { !$0.isQuoted && ($0.character == "*" || $0.character == "?" || $0.character == "[") }
        guard hasWildcard, !options.noGlobbing else { return [String(field.map(\.character))] }
        let pattern = ShellPattern(field.map { ShellPattern.Element(character: $0.character, isQuoted: $0.isQuoted) })
        guard !options.noGlobbing, pattern.hasWildcards else { return [pattern.literalText] }
        let isAbsolute = field.first?.character == "/"
        var components: [[ShellPattern.Element]] = [[]]
        for element in pattern.elements {
            if element.character == "/" { components.append([]) } else { components[components.count - 1].append(element) }
        }
        let wantsDirectory = components.count > 1 && components.last?.isEmpty == true
        components = components.filter { !$0.isEmpty }
        var candidates = [isAbsolute ? "/" : ""]
        let fileSystem = machine.fileSystem
        for component in components {
            let componentPattern = ShellPattern(component)
            var next: [String] = []
            for candidate in candidates {
                let directory = Paths.normalize(candidate.isEmpty ? "." : candidate, relativeTo: workingDirectory)
                if !componentPattern.hasWildcards {
                    let path = Self.joinGlob(candidate, componentPattern.literalText)
                    if fileSystem.exists(Paths.normalize(path, relativeTo: workingDirectory)) { next.append(path) }
                    continue
                }
                guard let names = try? fileSystem.listDirectory(directory, as: user) else { continue }
                let allowsHidden = component.first?.character == "."
                for name in names where (allowsHidden || !name.hasPrefix(".")) && componentPattern.matches(name) {
                    next.append(Self.joinGlob(candidate, name))
                }
            }
            candidates = next
            if candidates.isEmpty { break }
        }
        if wantsDirectory {
            candidates = candidates.filter { fileSystem.isDirectory(Paths.normalize($0, relativeTo: workingDirectory)) }.map { $0 + "/" }
        }
        return candidates.isEmpty ? [pattern.literalText] : candidates.sorted()
    }

    static func joinGlob(_ prefix: String, _ name: String) -> String {
        if prefix.isEmpty { return name }
        if prefix.hasSuffix("/") { return prefix + name }
        return prefix + "/" + name
    }
}
