import Kernel

/// `find`: walks trees printing paths, filtered by `-name` (shell glob), `-type f|d|l` and
/// `-maxdepth`/`-mindepth`.
public struct FindProgram: Program {
    public let flavor: Flavor

    public init(flavor: Flavor = .gnu) {
        self.flavor = flavor
    }

    private enum Test {
        case name(String, caseInsensitive: Bool)
        case type(FileKind)
    }

    public func run(_ context: ProgramContext) async throws -> Int32 {
        var arguments = Array(context.arguments.dropFirst())
        var starts: [String] = []
        while let first = arguments.first, !first.hasPrefix("-"), first != "(", first != "!" {
            starts.append(arguments.removeFirst())
        }
        if starts.isEmpty { starts = ["."] }
        var tests: [Test] = []
        var maximumDepth = Int.max
        var minimumDepth = 0
        while !arguments.isEmpty {
            let primary = arguments.removeFirst()
            switch primary {
            case "-name", "-iname", "-type", "-maxdepth", "-mindepth":
                guard !arguments.isEmpty else {
                    context.complain("missing argument to `\(primary)'")
                    return 1
                }
                let value = arguments.removeFirst()
                switch primary {
                case "-name", "-iname": tests.append(.name(value, caseInsensitive: primary == "-iname"))
                case "-type":
                    switch value {
                    case "f": tests.append(.type(.file))
                    case "d": tests.append(.type(.directory))
                    case "l": tests.append(.type(.symlink))
                    case "c": tests.append(.type(.device))
                    default:
                        context.complain("Unknown argument to -type: \(value)")
                        return 1
                    }
                default:
                    guard let depth = Int(value), depth >= 0 else {
                        context.complain("Expected a positive decimal integer argument to \(primary), but got `\(value)'")
                        return 1
                    }
                    if primary == "-maxdepth" { maximumDepth = depth } else { minimumDepth = depth }
                }
            case "-print": continue
            default:
                context.complain(primary.hasPrefix("-") ? "unknown predicate `\(primary)'" : "paths must precede expression: \(primary)")
                return 1
            }
        }
        let fileSystem = context.machine.fileSystem
        var status: Int32 = 0
        var output = ""
        for start in starts {
            let root = context.resolve(start)
            guard (try? fileSystem.status(root, followSymlinks: false, as: context.user)) != nil else {
                context.complain("\(quoted(start)): No such file or directory")
                status = 1
                continue
            }
            var pending: [(shown: String, path: String, depth: Int)] = [(start, root, 0)]
            while !pending.isEmpty {
                let (shown, path, depth) = pending.removeFirst()
                guard let entry = try? fileSystem.status(path, followSymlinks: false, as: context.user) else { continue }
                let selected = depth >= minimumDepth && tests.allSatisfy { test in
                    switch test {
                    case .type(let kind): return entry.kind == kind
                    case .name(let pattern, let caseInsensitive):
                        let name = Paths.lastComponent(shown)
                        return caseInsensitive ? Glob.matches(pattern.lowercased(), name.lowercased()) : Glob.matches(pattern, name)
                    }
                }
                if selected { output += shown + "\n" }
                guard entry.kind == .directory, depth < maximumDepth else { continue }
                do {
                    let names = try fileSystem.listDirectory(path, as: context.user)
                    let children = names.map { (shown.hasSuffix("/") ? shown + $0 : shown + "/" + $0, Paths.join(path, $0), depth + 1) }
                    pending.insert(contentsOf: children, at: 0)
                } catch {
                    context.emit(output)
                    output = ""
                    context.complain("\(quoted(shown)): \(error.code.message)")
                    status = 1
                }
            }
        }
        context.emit(output)
        return status
    }
}

/// Shell wildcard matching (`*`, `?`, `[...]`) of one name, as `fnmatch` does for `find -name`.
enum Glob {
    static func matches(_ pattern: String, _ name: String) -> Bool {
        matches(Array(pattern)[...], Array(name)[...])
    }

    private static func matches(_ pattern: ArraySlice<Character>, _ name: ArraySlice<Character>) -> Bool {
        guard let first = pattern.first else { return name.isEmpty }
        switch first {
        case "*":
            var rest = name
            while true {
                if matches(pattern.dropFirst(), rest) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        case "?":
            return !name.isEmpty && matches(pattern.dropFirst(), name.dropFirst())
        case "[":
            guard let character = name.first, let close = pattern.dropFirst(2).firstIndex(of: "]") else {
                return name.first == "[" && matches(pattern.dropFirst(), name.dropFirst())
            }
            var set = pattern[(pattern.startIndex + 1)..<close]
            let negated = set.first == "!" || set.first == "^"
            if negated { set = set.dropFirst() }
            var found = false
            var items = Array(set)
            while !items.isEmpty {
                if items.count >= 3, items[1] == "-" {
                    if items[0] <= character && character <= items[2] { found = true }
                    items.removeFirst(3)
                } else {
                    if items[0] == character { found = true }
                    items.removeFirst()
                }
            }
            return found != negated && matches(pattern[(close + 1)...], name.dropFirst())
        case "\\" where pattern.count > 1:
            let literal = pattern[pattern.startIndex + 1]
            return name.first == literal && matches(pattern.dropFirst(2), name.dropFirst())
        default:
            return name.first == first && matches(pattern.dropFirst(), name.dropFirst())
        }
    }
}
