/// `which [-a] name…`: the executables a `PATH` search finds, one per line; status 1 when
/// any name is not found (nothing is printed for it, as Debian's `which` does).
public struct WhichProgram: Program {
    public init() {}

    public func run(_ context: ProgramContext) async throws -> Int32 {
        var names = Array(context.arguments.dropFirst())
        var all = false
        if names.first == "-a" {
            all = true
            names.removeFirst()
        }
        guard !names.isEmpty else { return 1 }
        let searchPath = context.environment["PATH"] ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
        let fileSystem = context.machine.fileSystem
        var status: Int32 = 0
        for name in names {
            var found: [String] = []
            if name.contains("/") {
                let path = context.resolve(name)
                if let file = try? fileSystem.status(path, as: context.user), file.kind == .file, file.isExecutable {
                    found.append(name)
                }
            } else {
                for directory in searchPath.split(separator: ":", omittingEmptySubsequences: false) {
                    let candidate = Paths.join(directory.isEmpty ? "." : String(directory), name)
                    guard let file = try? fileSystem.status(context.resolve(candidate), as: context.user),
                          file.kind == .file, file.isExecutable else { continue }
                    found.append(candidate)
                    if !all { break }
                }
            }
            if found.isEmpty { status = 1 }
            for path in found { context.print(path + "\n") }
        }
        return status
    }
}
