import Kernel
import Simulation

/// The output side of `ls`: sorting, the long format's aligned columns, and the terminal's
/// column layout.
struct ListFormatter {
    let context: ProgramContext
    let settings: ListProgram.Settings
    let flavor: Flavor
    let users: UserDatabase

    init(context: ProgramContext, settings: ListProgram.Settings, flavor: Flavor) {
        self.context = context
        self.settings = settings
        self.flavor = flavor
        self.users = UserDatabase(fileSystem: context.machine.fileSystem)
    }

    /// Sorted as the locale collates: byte order under C/POSIX (containers), otherwise
    /// letters and digits compared without case first, as glibc's en_US does.
    func sorted(_ entries: [ListProgram.Entry]) -> [ListProgram.Entry] {
        let locale = context.environment["LC_ALL"] ?? context.environment["LC_COLLATE"] ?? context.environment["LANG"] ?? "C"
        // C, C.UTF-8 and POSIX compare code points; language locales collate.
        let collates = flavor == .gnu && locale != "C" && !locale.hasPrefix("C.") && locale != "POSIX" && !locale.isEmpty
        return entries.sorted { left, right in
            if collates {
                let leftKey = left.name.lowercased().filter { $0.isLetter || $0.isNumber }
                let rightKey = right.name.lowercased().filter { $0.isLetter || $0.isNumber }
                if leftKey != rightKey { return leftKey < rightKey }
            }
            return Array(left.name.utf8).lexicographicallyPrecedes(Array(right.name.utf8))
        }
    }

    func printEntries(_ entries: [ListProgram.Entry], total: Bool) {
        let quoting = flavor == .gnu && context.stdoutIsTerminal
        let anyQuoted = quoting && entries.contains { Self.needsQuoting($0.name) }
        if settings.long {
            printLong(entries, total: total, quoting: quoting, anyQuoted: anyQuoted)
        } else if settings.onePerLine {
            context.emit(entries.map { displayName($0, quoting: quoting, anyQuoted: anyQuoted) + "\n" }.joined())
        } else {
            printColumns(entries.map { displayName($0, quoting: quoting, anyQuoted: anyQuoted) })
        }
    }

    /// Characters that make GNU ls (8.25 and later) quote a name on a terminal.
    private static let specialCharacters: Set<Character> = [" ", "\t", "'", "\"", "$", "&", "(", ")", "*", ";", "<", ">",
                                                            "?", "[", "]", "\\", "`", "|", "!", "{", "}", "#", "~", "^"]

    static func needsQuoting(_ name: String) -> Bool {
        name.contains { specialCharacters.contains($0) }
    }

    /// The name as shown: quoted in shell style on a terminal when it needs it, and indented
    /// by one space when a neighbour is quoted, so the names line up.
    private func displayName(_ entry: ListProgram.Entry, quoting: Bool = false, anyQuoted: Bool = false) -> String {
        var name = entry.name
        if quoting, Self.needsQuoting(name) {
            name = name.contains("'") ? "\"" + name + "\"" : "'" + name + "'"
        } else if anyQuoted {
            name = " " + name
        }
        return classified(entry, name)
    }

    private func classified(_ entry: ListProgram.Entry, _ name: String) -> String {
        let entry = ListProgram.Entry(name: name, path: entry.path, status: entry.status)
        guard settings.classify else { return entry.name }
        switch entry.status.kind {
        case .directory: return entry.name + "/"
        case .symlink: return entry.name + "@"
        case .file where entry.status.isExecutable: return entry.name + "*"
        default: return entry.name
        }
    }

    // MARK: Long format

    static func modeString(_ status: FileStatus) -> String {
        let type: Character
        switch status.kind {
        case .directory: type = "d"
        case .symlink: type = "l"
        case .device: type = "c"
        case .file: type = "-"
        }
        let mode = status.metadata.mode
        var characters: [Character] = [type]
        let letters: [Character] = ["r", "w", "x"]
        for shift in stride(from: 6, through: 0, by: -3) {
            for (index, letter) in letters.enumerated() {
                let bit = UInt16(1) << UInt16(shift + 2 - index)
                characters.append(mode & bit != 0 ? letter : "-")
            }
        }
        // Set-user-ID, set-group-ID and sticky bits replace the execute letters.
        let specials: [(bit: UInt16, position: Int, letter: Character)] = [(0o4000, 3, "s"), (0o2000, 6, "s"), (0o1000, 9, "t")]
        for special in specials where mode & special.bit != 0 {
            let executable = characters[special.position] == "x"
            characters[special.position] = executable ? special.letter : Character(special.letter.uppercased())
        }
        return String(characters)
    }

    /// 1K blocks a file occupies on a 4K-block file system.
    static func blocks(_ status: FileStatus) -> Int {
        switch status.kind {
        case .directory: return 4
        case .symlink, .device: return 0
        case .file: return (status.size + 4095) / 4096 * 4
        }
    }

    /// GNU's `-h`: one decimal below 10, rounded up, with K, M, G suffixes.
    static func humanSize(_ size: Int) -> String {
        if size < 1024 { return String(size) }
        var value = Double(size)
        for suffix in ["K", "M", "G", "T", "P"] {
            value /= 1024
            if value < 1024 || suffix == "P" {
                if value < 10 {
                    let tenths = (value * 10).rounded(.up) / 10
                    if tenths < 10 {
                        let whole = Int(tenths)
                        let fraction = Int((tenths * 10).rounded()) % 10
                        return "\(whole).\(fraction)\(suffix)"
                    }
                    return "10\(suffix)"
                }
                return "\(Int(value.rounded(.up)))\(suffix)"
            }
        }
        return String(size)
    }

    private func dateText(_ instant: VirtualInstant) -> String {
        let now = context.machine.loop.now
        let time = CivilTime(instant)
        // GNU: recent means within the last six months (and not in the future).
        let sixMonths: Int64 = 31_556_952 / 2
        let age = now.secondsSinceEpoch - instant.secondsSinceEpoch
        if age >= 0 && age < sixMonths {
            return time.format("%b %e %H:%M")
        }
        return time.format("%b %e  %Y")
    }

    private func deviceNumbers(_ path: String) -> String {
        switch Paths.lastComponent(path) {
        case "null": "1, 3"
        case "zero": "1, 5"
        case "random": "1, 8"
        case "urandom": "1, 9"
        case "tty": "5, 0"
        case "console": "5, 1"
        default: "1, 3"
        }
    }

    private func printLong(_ entries: [ListProgram.Entry], total: Bool, quoting: Bool, anyQuoted: Bool) {
        let rows: [[String]] = entries.map { entry in
            let metadata = entry.status.metadata
            let size: String
            if entry.status.kind == .device {
                size = deviceNumbers(entry.path)
            } else {
                size = settings.humanReadable ? Self.humanSize(entry.status.size) : String(entry.status.size)
            }
            var name = displayName(entry, quoting: quoting, anyQuoted: anyQuoted)
            if entry.status.kind == .symlink, let target = entry.status.symlinkTarget { name += " -> " + target }
            return [Self.modeString(entry.status), String(entry.status.linkCount), users.userLabel(metadata.owner),
                    users.groupLabel(metadata.group), size, dateText(metadata.modified), name]
        }
        var output = ""
        if total {
            let blocks = entries.reduce(0) { $0 + Self.blocks($1.status) }
            output += "total " + (settings.humanReadable ? Self.humanSize(blocks * 1024) : String(blocks)) + "\n"
        }
        let widths = (0..<5).map { column in rows.map { $0[column].count }.max() ?? 0 }
        for (index, row) in rows.enumerated() {
            if flavor == .gnu {
                output += row[0] + " " + padLeft(row[1], widths[1]) + " " + padRight(row[2], widths[2]) + " "
                    + padRight(row[3], widths[3]) + " " + padLeft(row[4], widths[4]) + " " + row[5] + " " + row[6] + "\n"
            } else {
                // BusyBox: fixed widths, `%-10s %4lu %-8.8s %-8.8s %9u` (devices `%4u, %3u`).
                var size = padLeft(row[4], 9)
                if entries[index].status.kind == .device {
                    let numbers = row[4].split(separator: ",").map { $0.trimmingCharacters(in: " ") }
                    size = padLeft(numbers.first ?? "", 4) + ", " + padLeft(numbers.last ?? "", 3)
                }
                output += padRight(row[0], 10) + " " + padLeft(row[1], 4) + " " + padRight(String(row[2].prefix(8)), 8) + " "
                    + padRight(String(row[3].prefix(8)), 8) + " " + size + " " + row[5] + " " + row[6] + "\n"
            }
        }
        context.emit(output)
    }

    // MARK: Columns

    /// Lays names out down columns, as many columns as fit the terminal's width, each as wide
    /// as its longest name plus two spaces (the last column without).
    private func printColumns(_ names: [String]) {
        guard !names.isEmpty else { return }
        let width = context.terminalWidth
        let lengths = names.map(\.count)
        var chosen = (rows: names.count, widths: [lengths.max() ?? 0])
        for columns in stride(from: min(names.count, max(1, width / 3)), through: 1, by: -1) {
            let rows = (names.count + columns - 1) / columns
            guard (columns - 1) * rows < names.count else { continue }
            var widths: [Int] = []
            for column in 0..<columns {
                let slice = lengths[(column * rows)..<min(names.count, (column + 1) * rows)]
                widths.append((slice.max() ?? 0) + (column == columns - 1 ? 0 : 2))
            }
            if widths.reduce(0, +) < width {
                chosen = (rows, widths)
                break
            }
        }
        var output = ""
        for row in 0..<chosen.rows {
            var line = ""
            for column in 0..<chosen.widths.count {
                let index = column * chosen.rows + row
                guard index < names.count else { break }
                let isLast = column == chosen.widths.count - 1 || (column + 1) * chosen.rows + row >= names.count
                line += isLast ? names[index] : padRight(names[index], chosen.widths[column])
            }
            output += line + "\n"
        }
        context.emit(output)
    }
}
