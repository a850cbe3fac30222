import Kernel
import Simulation

/// `ls`: lists directory contents, in columns on a terminal, one per line otherwise, or in
/// the long format of GNU coreutils (`-l`) with owners, sizes and dates.
public struct ListProgram: Program {
    public let flavor: Flavor

    public init(flavor: Flavor = .gnu) {
        self.flavor = flavor
    }

    struct Settings {
        var long = false
        var all = false
        var almostAll = false
        var onePerLine = false
        var directoriesThemselves = false
        var recursive = false
        var humanReadable = false
        var classify = false
    }

    /// One thing to show: its name as printed, the path it lives at, and its status.
    struct Entry {
        var name: String
        var path: String
        var status: FileStatus
    }

    public func run(_ context: ProgramContext) async throws -> Int32 {
        var specification = OptionSpecification(flags: Set("laA1dRhFC"))
        specification.long = ["all": "a", "almost-all": "A", "directory": "d", "recursive": "R",
                              "human-readable": "h", "classify": "F", "color": "\u{1}"]
        guard let parsed = context.parseOptions(specification, flavor: flavor) else { return flavor == .gnu ? 2 : 1 }
        var settings = Settings()
        for (option, _) in parsed.options {
            switch option {
            case "l": settings.long = true
            case "a": settings.all = true
            case "A": settings.almostAll = true
            case "1": settings.onePerLine = true
            case "C": settings.onePerLine = false
            case "d": settings.directoriesThemselves = true
            case "R": settings.recursive = true
            case "h": settings.humanReadable = true
            case "F": settings.classify = true
            default: break
            }
        }
        if !context.stdoutIsTerminal { settings.onePerLine = true }
        let formatter = ListFormatter(context: context, settings: settings, flavor: flavor)

        var status: Int32 = 0
        let operands = parsed.operands.isEmpty ? ["."] : parsed.operands
        var files: [Entry] = []
        var directories: [Entry] = []
        for operand in operands {
            let path = context.resolve(operand)
            do {
                let linkStatus = try context.machine.fileSystem.status(path, followSymlinks: false, as: context.user)
                var shown = linkStatus
                // A link to a directory named on the command line is followed, except by -l and -d.
                if linkStatus.kind == .symlink, !settings.directoriesThemselves, !settings.long || operand.hasSuffix("/"),
                   let target = try? context.machine.fileSystem.status(path, as: context.user), target.kind == .directory {
                    shown = target
                }
                let entry = Entry(name: operand, path: path, status: shown)
                if shown.kind == .directory, !settings.directoriesThemselves {
                    directories.append(entry)
                } else {
                    files.append(entry)
                }
            } catch {
                if flavor == .gnu {
                    context.complain("cannot access \(quoted(operand)): \(error.code.message)")
                    status = 2
                } else {
                    context.complain("\(operand): \(error.code.message)")
                    status = 1
                }
            }
        }
        files = formatter.sorted(files)
        directories = formatter.sorted(directories)
        var printedSomething = false
        if !files.isEmpty {
            formatter.printEntries(files, total: false)
            printedSomething = true
        }
        let showHeaders = settings.recursive || operands.count > 1
        var pending = directories
        while !pending.isEmpty {
            let directory = pending.removeFirst()
            if printedSomething { context.emit("\n") }
            if showHeaders { context.emit("\(directory.name):\n") }
            printedSomething = true
            let names: [String]
            do {
                names = try context.machine.fileSystem.listDirectory(directory.path, as: context.user)
            } catch {
                if flavor == .gnu {
                    context.complain("cannot open directory \(quoted(directory.name)): \(error.code.message)")
                } else {
                    context.complain("can't open '\(directory.name)': \(error.code.message)")
                }
                status = flavor == .gnu ? 2 : 1
                continue
            }
            var entries: [Entry] = []
            if settings.all {
                for dot in [".", ".."] {
                    let path = Paths.normalize(dot, relativeTo: directory.path)
                    if let dotStatus = try? context.machine.fileSystem.status(path, as: context.user) {
                        entries.append(Entry(name: dot, path: path, status: dotStatus))
                    }
                }
            }
            for name in names where settings.all || settings.almostAll || !name.hasPrefix(".") {
                let path = Paths.join(directory.path, name)
                guard let entryStatus = try? context.machine.fileSystem.status(path, followSymlinks: false, as: context.user) else { continue }
                entries.append(Entry(name: name, path: path, status: entryStatus))
            }
            entries = formatter.sorted(entries)
            formatter.printEntries(entries, total: true)
            if settings.recursive {
                let subdirectories = entries.filter { $0.status.kind == .directory && $0.name != "." && $0.name != ".." }.map {
                    Entry(name: directory.name == "/" ? "/" + $0.name : Paths.join(directory.name, $0.name), path: $0.path, status: $0.status)
                }
                pending.insert(contentsOf: subdirectories, at: 0)
            }
        }
        return status
    }
}
