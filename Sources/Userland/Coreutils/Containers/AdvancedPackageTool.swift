import Kernel

/// `apt-get`: `update` fetches the simulated index, `install [-y] NAME…` installs packages
/// (with dependencies) from it; `remove`, `clean` and `upgrade` do what little they need.
/// State lives in the file system: /var/lib/apt/lists and /var/lib/dpkg/status.
public struct AdvancedPackageTool: Program {
    public let archive: PackageArchive

    public init(archive: PackageArchive) {
        self.archive = archive
    }

    static let listsMarker = "/var/lib/apt/lists/lock"
    static let statusFile = "/var/lib/dpkg/status"

    public func run(_ context: ProgramContext) async throws -> Int32 {
        var assumeYes = false
        var quiet = false
        var words: [String] = []
        for argument in context.arguments.dropFirst() {
            switch argument {
            case "-y", "--yes", "--assume-yes", "-qy", "-yq": assumeYes = true; quiet = quiet || argument.contains("q")
            case "-q", "-qq", "--quiet": quiet = true
            case "--no-install-recommends", "--no-install-suggests", "-f", "--fix-missing": continue
            default:
                if argument.hasPrefix("-") {
                    context.printError("E: Command line option '\(argument.dropFirst().prefix(1))' [from \(argument)] is not understood in combination with the other options.\n")
                    return 100
                }
                words.append(argument)
            }
        }
        guard let command = words.first else {
            context.emit("apt 1.0.9.8.4 for amd64 compiled on Dec 11 2016 10:39:37\nUsage: apt-get [options] command\n")
            return 0
        }
        let terminal = context.stdoutIsTerminal
        switch command {
        case "update":
            guard context.user.isRoot else {
                context.printError("E: Could not open lock file /var/lib/apt/lists/lock - open (13: Permission denied)\nE: Unable to lock directory /var/lib/apt/lists/\n")
                return 100
            }
            return try await update(context, terminal: terminal, quiet: quiet)
        case "install":
            guard context.user.isRoot else {
                context.printError("E: Could not open lock file /var/lib/dpkg/lock - open (13: Permission denied)\nE: Unable to lock the administration directory (/var/lib/dpkg/), are you root?\n")
                return 100
            }
            return try await install(Array(words.dropFirst()), context, terminal: terminal, assumeYes: assumeYes)
        case "clean", "autoclean", "autoremove", "upgrade", "dist-upgrade":
            if command.hasSuffix("upgrade") || command == "autoremove" {
                context.emit(readingLines(terminal))
                if command != "autoremove" { context.emit("Calculating upgrade... Done\n") }
                context.emit("0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n")
            }
            return 0
        default:
            context.printError("E: Invalid operation \(command)\n")
            return 100
        }
    }

    private func readingLines(_ terminal: Bool) -> String {
        terminal ? "Reading package lists... Done\nBuilding dependency tree       \nReading state information... Done\n"
                 : "Reading package lists...\nBuilding dependency tree...\nReading state information...\n"
    }

    private func update(_ context: ProgramContext, terminal: Bool, quiet: Bool) async throws -> Int32 {
        var output = ""
        for (index, entry) in archive.indexes.enumerated() {
            output += "Get:\(index + 1) \(entry.url) [\(entry.size)]\n"
        }
        try await context.process.sleep(for: .seconds(3))
        output += "Fetched \(archive.indexTotal) in 3s (\(Self.rate(archive.indexTotal)))\n"
        output += terminal ? "Reading package lists... Done\n" : "Reading package lists...\n"
        if !quiet { context.emit(output) }
        let fileSystem = context.machine.fileSystem
        try? fileSystem.createDirectory("/var/lib/apt/lists", intermediates: true)
        try? fileSystem.writeFile(Self.listsMarker, [])
        return 0
    }

    static func rate(_ total: String) -> String {
        let parts = total.split(separator: " ")
        guard parts.count == 2, let value = Double(parts[0]) else { return "0 B/s" }
        let kilobytes = parts[1] == "MB" ? value * 1000 : value
        return "\(grouped(Int(kilobytes / 3))) kB/s"
    }

    /// `1,992`: thousands separated by commas, as apt prints sizes.
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }

    private func installedPackages(_ fileSystem: FileSystem) -> Set<String> {
        guard let bytes = try? fileSystem.readFile(Self.statusFile) else { return [] }
        return Set(String(decoding: bytes, as: UTF8.self).split(separator: "\n").compactMap { line in
            line.hasPrefix("Package: ") ? String(line.dropFirst(9)) : nil
        })
    }

    private func install(_ names: [String], _ context: ProgramContext, terminal: Bool, assumeYes: Bool) async throws -> Int32 {
        let fileSystem = context.machine.fileSystem
        var output = readingLines(terminal)
        let haveLists = fileSystem.exists(Self.listsMarker)
        var requested: [SoftwarePackage] = []
        for name in names {
            guard haveLists, let package = archive.package(named: name) else {
                context.emit(output)
                context.printError("E: Unable to locate package \(name)\n")
                return 100
            }
            if package.name != name { output += "Note, selecting '\(package.name)' instead of '\(name)'\n" }
            requested.append(package)
        }
        let installed = installedPackages(fileSystem)
        var plan: [SoftwarePackage] = []
        for package in requested {
            if installed.contains(package.name) {
                output += "\(package.name) is already the newest version (\(package.version)).\n"
                continue
            }
            for needed in archive.closure(of: package.name) where !installed.contains(needed.name) && !plan.contains(needed) {
                plan.append(needed)
            }
        }
        guard !plan.isEmpty else {
            context.emit(output + "0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n")
            return 0
        }
        let requestedNames = Set(requested.map(\.name))
        let additional = plan.filter { !requestedNames.contains($0.name) }
        if !additional.isEmpty {
            output += "The following additional packages will be installed:\n" + Self.wrapped(additional.map(\.name))
        }
        output += "The following NEW packages will be installed:\n" + Self.wrapped(plan.map(\.name).sorted())
        output += "0 upgraded, \(plan.count) newly installed, 0 to remove and 0 not upgraded.\n"
        let download = plan.reduce(0) { $0 + $1.downloadKilobytes }
        let unpacked = plan.reduce(0) { $0 + $1.installedKilobytes }
        output += "Need to get \(Self.grouped(download)) kB of archives.\n"
        output += "After this operation, \(Self.grouped(unpacked)) kB of additional disk space will be used.\n"
        if !additional.isEmpty, !assumeYes {
            output += "Do you want to continue? [Y/n] "
            context.emit(output)
            output = ""
            let answer = try await LineBuffer(context.stdin).readLine()
            guard let answer, answer.isEmpty || answer.lowercased().hasPrefix("y") else {
                context.emit("Abort.\n")
                return 1
            }
        }
        for (index, package) in plan.enumerated() {
            output += "Get:\(index + 1) \(archive.pool) amd64 \(package.name) amd64 \(package.version) [\(Self.grouped(package.downloadKilobytes)) kB]\n"
        }
        context.emit(output)
        let seconds = max(1, download / 500)
        try await context.process.sleep(for: .seconds(seconds))
        output = "debconf: delaying package configuration, since apt-utils is not installed\n"
        output += "Fetched \(Self.grouped(download)) kB in \(seconds)s (\(Self.grouped(download / seconds)) kB/s)\n"
        var database = 4_768 + installed.count * 37
        for (index, package) in plan.enumerated() {
            output += "Selecting previously unselected package \(package.name).\n"
            if index == 0 { output += "(Reading database ... \(database) files and directories currently installed.)\n" }
            // Archive names keep the epoch, URL-encoded: fortune-mod_1%3a1.99.1-7.
            let archiveName = package.name + "_" + package.version.replacingAll(":", with: "%3a")
            output += "Preparing to unpack .../\(archiveName)_amd64.deb ...\n"
            output += "Unpacking \(package.name) (\(package.version)) ...\n"
            database += 12
        }
        for package in plan {
            do {
                try archive.install(package, into: fileSystem)
            } catch {
                context.emit(output)
                context.printError("dpkg: error processing archive \(package.name) (--unpack):\n unable to create '\(error.path)': \(error.code.message)\n")
                return 100
            }
            output += "Setting up \(package.name) (\(package.version)) ...\n"
            try? fileSystem.createDirectory("/var/lib/dpkg", intermediates: true)
            try? fileSystem.writeFile(Self.statusFile, Array("Package: \(package.name)\nStatus: install ok installed\nVersion: \(package.version)\n\n".utf8), append: true)
        }
        context.emit(output)
        return 0
    }

    /// Package names indented by two spaces, wrapped before 80 columns.
    static func wrapped(_ names: [String]) -> String {
        var lines: [String] = []
        var line = " "
        for name in names {
            if line.count + name.count + 1 > 79, line != " " {
                lines.append(line)
                line = " "
            }
            line += " " + name
        }
        lines.append(line)
        return lines.joined(separator: "\n") + "\n"
    }
}
