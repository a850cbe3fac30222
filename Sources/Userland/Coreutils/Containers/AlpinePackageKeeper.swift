import Kernel

/// `apk`: Alpine's package manager — `update` fetches the index, `add [--no-cache] NAME…`
/// installs. Without an index (neither `update` nor `--no-cache`) nothing can be found, as in
/// a fresh alpine image.
public struct AlpinePackageKeeper: Program {
    public let archive: PackageArchive

    public init(archive: PackageArchive = .alpine) {
        self.archive = archive
    }

    static let indexMarker = "/var/cache/apk/APKINDEX.tar.gz"
    static let database = "/lib/apk/db/installed"

    public func run(_ context: ProgramContext) async throws -> Int32 {
        var noCache = false
        var words: [String] = []
        for argument in context.arguments.dropFirst() {
            if argument == "--no-cache" { noCache = true } else if argument.hasPrefix("-") { continue } else { words.append(argument) }
        }
        guard let command = words.first else {
            context.emit("apk-tools 2.9.1, compiled for x86_64.\n\nusage: apk COMMAND [-h|--help] [-p|--root DIR] [-X|--repository REPO] ...\n")
            return 1
        }
        let fileSystem = context.machine.fileSystem
        guard context.user.isRoot || command == "info" else {
            context.printError("ERROR: Unable to lock database: Permission denied\nERROR: Failed to open apk database: Permission denied\n")
            return 99
        }
        switch command {
        case "update":
            context.emit(fetchLines())
            try await context.process.sleep(for: .seconds(1))
            var output = ""
            for entry in archive.indexes { output += "\(entry.size) [\(entry.url)]\n" }
            output += "OK: 9047 distinct packages available\n"
            context.emit(output)
            try? fileSystem.createDirectory("/var/cache/apk", intermediates: true)
            try? fileSystem.writeFile(Self.indexMarker, [])
            return 0
        case "add":
            let haveIndex = noCache || fileSystem.exists(Self.indexMarker)
            var output = noCache ? fetchLines() : ""
            let installed = installedPackages(fileSystem)
            var missing: [String] = []
            var plan: [SoftwarePackage] = []
            for name in words.dropFirst() {
                guard haveIndex, archive.package(named: name) != nil else {
                    missing.append(name)
                    continue
                }
                for package in archive.closure(of: name) where !installed.contains(package.name) && !plan.contains(package) {
                    plan.append(package)
                }
            }
            if !missing.isEmpty {
                if !haveIndex {
                    output += archive.indexes.map { entry in
                        "WARNING: Ignoring APKINDEX.\(entry.size.suffix(8)).tar.gz: No such file or directory\n"
                    }.joined()
                }
                context.emit(output)
                var errors = "ERROR: unsatisfiable constraints:\n"
                for name in missing { errors += "  \(name) (missing):\n    required by: world[\(name)]\n" }
                context.printError(errors)
                return Int32(missing.count)
            }
            try await context.process.sleep(for: .seconds(max(1, plan.count / 2)))
            for (index, package) in plan.enumerated() {
                output += "(\(index + 1)/\(plan.count)) Installing \(package.name) (\(package.version))\n"
                do {
                    try archive.install(package, into: fileSystem)
                } catch {
                    context.emit(output)
                    context.printError("ERROR: \(package.name)-\(package.version): \(error.code.message)\n")
                    return 1
                }
                try? fileSystem.createDirectory("/lib/apk/db", intermediates: true)
                try? fileSystem.writeFile(Self.database, Array("P:\(package.name)\nV:\(package.version)\n\n".utf8), append: true)
            }
            if plan.contains(where: { $0.name == "ca-certificates" }) {
                output += "Executing busybox-1.27.2-r7.trigger\nExecuting ca-certificates-20171114-r0.trigger\n"
            } else if !plan.isEmpty {
                output += "Executing busybox-1.27.2-r7.trigger\n"
            }
            let total = installedPackages(fileSystem)
            let sizeKilobytes = 4_096 + archive.packages.filter { total.contains($0.name) }.reduce(0) { $0 + $1.installedKilobytes }
            output += "OK: \(sizeKilobytes / 1024) MiB in \(total.count) packages\n"
            context.emit(output)
            return 0
        default:
            context.printError("apk: unsupported command '\(command)'\n")
            return 1
        }
    }

    private func fetchLines() -> String {
        archive.indexes.map { "fetch \($0.url)/x86_64/APKINDEX.tar.gz\n" }.joined()
    }

    private func installedPackages(_ fileSystem: FileSystem) -> Set<String> {
        guard let bytes = try? fileSystem.readFile(Self.database) else { return [] }
        return Set(String(decoding: bytes, as: UTF8.self).split(separator: "\n").compactMap { line in
            line.hasPrefix("P:") ? String(line.dropFirst(2)) : nil
        })
    }
}
