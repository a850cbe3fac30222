import Docker
import Kernel

extension Commands {
    static var build: DockerCommand {
        DockerCommand(name: "build", usage: "docker build [OPTIONS] PATH | URL | -",
                      summary: "Build an image from a Dockerfile",
                      flags: [FlagSpec("tag", "t", value: true), FlagSpec("file", "f", value: true), FlagSpec("no-cache"),
                              FlagSpec("build-arg", value: true), FlagSpec("quiet", "q")],
                      minimumArguments: 1, maximumArguments: 1) { invocation in
            let arguments = invocation.arguments
            let context = invocation.context
            var tag: ImageName?
            if let text = arguments.value("tag") {
                do { tag = ImageName(try ImageReference(parsing: text)) } catch {
                    invocation.err("invalid argument \"\(text)\" for t: \(error.dockerMessage)\nSee 'docker build --help'.\n")
                    return 125
                }
            }
            let directory = context.resolve(arguments.positional[0])
            let fileSystem = context.machine.fileSystem
            guard case .directory(let tree)? = try? fileSystem.node(at: directory, as: context.user) else {
                invocation.err("unable to prepare context: path \"\(arguments.positional[0])\" not found\n")
                return 1
            }
            let dockerfilePath = arguments.value("file").map { context.resolve($0) } ?? Paths.join(directory, "Dockerfile")
            guard let dockerfile = try? fileSystem.readFile(dockerfilePath, as: context.user) else {
                invocation.err("unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat \(dockerfilePath): no such file or directory\n")
                return 1
            }
            let ignore = (try? fileSystem.readFile(Paths.join(directory, ".dockerignore"))).map {
                DockerIgnore(String(decoding: $0, as: UTF8.self))
            } ?? DockerIgnore("")
            let filtered = ignore.filter(tree)
            let quiet = arguments.has("quiet")
            let output: any WritableStream = quiet ? DiscardingStream() : context.stdout
            // jsonmessage prints the status, a space, then the size right-aligned in eight columns.
            let size = HumanUnits.size(BuildContextSize.tarSize(of: filtered), precision: 4)
            let padded = String(repeating: " ", count: max(0, 8 - size.count)) + size
            try? output.write("Sending build context to Docker daemon \(padded)\n\n")
            var request = BuildRequest(dockerfile: String(decoding: dockerfile, as: UTF8.self), context: filtered, tag: tag)
            request.noCache = arguments.has("no-cache")
            for argument in arguments.all("build-arg") {
                let (name, value) = splitAssignment(argument)
                request.buildArguments[name] = value
            }
            do {
                let image = try await invocation.engine.build(request, output: output)
                if quiet { invocation.out(image.id + "\n") }
                return 0
            } catch {
                if case .buildFailed(let message)? = error as? DockerError {
                    if !message.isEmpty { invocation.err(message + "\n") }
                    return 1
                }
                return invocation.daemonError(error)
            }
        }
    }
}

/// The size of the build context as the tar stream the client sends: a 512-byte header per
/// entry, contents padded to 512, and the two-block trailer.
enum BuildContextSize {
    static func tarSize(of root: Directory) -> Int {
        var total = 1024
        func visit(_ directory: Directory) {
            for node in directory.entries.values {
                total += 512
                switch node {
                case .file(let content, _): total += (content.size + 511) / 512 * 512
                case .directory(let child): visit(child)
                default: break
                }
            }
        }
        visit(root)
        return total
    }
}

/// `.dockerignore` patterns: names, paths and `*` wildcards; `!` re-includes.
struct DockerIgnore {
    let patterns: [(pattern: String, exclude: Bool)]

    init(_ text: String) {
        patterns = text.split(separator: "\n").compactMap { line in
            var pattern = String(line).trimmingWhitespace
            guard !pattern.isEmpty, !pattern.hasPrefix("#") else { return nil }
            let exclude = !pattern.hasPrefix("!")
            if !exclude { pattern.removeFirst() }
            pattern = Paths.normalize(pattern, relativeTo: "/")
            return (String(pattern.dropFirst()), exclude)
        }
    }

    func isIgnored(_ path: String) -> Bool {
        var ignored = false
        for (pattern, exclude) in patterns where Self.matches(pattern, path) { ignored = exclude }
        return ignored
    }

    func filter(_ root: Directory, prefix: String = "") -> Directory {
        var result = root
        for (name, node) in root.entries {
            let path = prefix.isEmpty ? name : prefix + "/" + name
            if isIgnored(path) {
                result.entries[name] = nil
            } else if case .directory(let child) = node {
                result.entries[name] = .directory(filter(child, prefix: path))
            }
        }
        return result
    }

    /// Glob match of whole path components; `*` matches within a component.
    static func matches(_ pattern: String, _ path: String) -> Bool {
        let patternParts = pattern.split(separator: "/")
        let pathParts = path.split(separator: "/")
        guard patternParts.count <= pathParts.count else { return false }
        return zip(patternParts, pathParts).allSatisfy { glob(Array($0), Array($1)) }
    }

    private static func glob(_ pattern: [Character], _ text: [Character]) -> Bool {
        guard let first = pattern.first else { return text.isEmpty }
        if first == "*" {
            for index in 0...text.count where glob(Array(pattern.dropFirst()), Array(text[index...])) { return true }
            return false
        }
        guard let head = text.first, first == "?" || first == head else { return false }
        return glob(Array(pattern.dropFirst()), Array(text.dropFirst()))
    }
}
