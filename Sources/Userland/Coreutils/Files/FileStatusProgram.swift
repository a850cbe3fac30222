import Kernel
import Simulation

/// `stat`: a file's status in coreutils' verbose layout, or in a `-c FORMAT` of `%n %s %a %A
/// %F %u %U %g %G %h %i %b %y %Y`.
public struct FileStatusProgram: Program {
    public let flavor: Flavor

    public init(flavor: Flavor = .gnu) {
        self.flavor = flavor
    }

    public func run(_ context: ProgramContext) async throws -> Int32 {
        var specification = OptionSpecification(flags: Set("Lt"), valued: Set("c"))
        specification.long = ["dereference": "L", "format": "c", "terse": "t"]
        specification.longValued = ["format"]
        guard let parsed = context.parseOptions(specification, flavor: flavor) else { return 1 }
        guard !parsed.operands.isEmpty else {
            context.complain("missing operand")
            context.printUsageHint(flavor: flavor)
            return 1
        }
        let users = UserDatabase(fileSystem: context.machine.fileSystem)
        var status: Int32 = 0
        var output = ""
        for operand in parsed.operands {
            let path = context.resolve(operand)
            let entry: FileStatus
            do {
                entry = try context.machine.fileSystem.status(path, followSymlinks: parsed.has("L"), as: context.user)
            } catch {
                context.complain("\(flavor.cannot) stat \(quoted(operand)): \(error.code.message)")
                status = 1
                continue
            }
            let fields = Fields(name: operand, path: path, status: entry, users: users, flavor: flavor)
            if let format = parsed.value("c") {
                output += fields.render(format) + "\n"
            } else {
                output += fields.render(entry.kind == .device ? Fields.deviceLayout(flavor) : Fields.layout(flavor))
            }
        }
        context.emit(output)
        return status
    }

    /// The values of one file's format directives.
    struct Fields {
        let name: String
        let path: String
        let status: FileStatus
        let users: UserDatabase
        let flavor: Flavor

        static func layout(_ flavor: Flavor) -> String {
            "  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\nDevice: %Dh/%dd\tInode: %-10i  Links: %h\n"
                + "Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\nAccess: %x\nModify: %y\nChange: %z\n"
                + (flavor == .gnu ? " Birth: -\n" : "")
        }

        static func deviceLayout(_ flavor: Flavor) -> String {
            layout(flavor).replacingAll("Links: %h\n", with: "Links: %-5h Device type: %t,%T\n")
        }

        /// A stable inode number derived from the path (the simulated file system has none).
        var inode: Int {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in path.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            return 100_000 + Int(hash % 2_900_000)
        }

        var typeName: String {
            switch status.kind {
            case .directory: "directory"
            case .symlink: "symbolic link"
            case .device: "character special file"
            case .file: status.size == 0 ? "regular empty file" : "regular file"
            }
        }

        var time: String {
            let text = CivilTime(status.metadata.modified).format("%Y-%m-%d %H:%M:%S.%N")
            return flavor == .gnu ? text + " +0000" : text
        }

        var deviceNumbers: (major: String, minor: String) {
            switch Paths.lastComponent(path) {
            case "zero": ("1", "5")
            case "random": ("1", "8")
            case "urandom": ("1", "9")
            case "tty": ("5", "0")
            default: ("1", "3")
            }
        }

        func value(_ directive: Character) -> String {
            let metadata = status.metadata
            switch directive {
            case "n": return name
            case "N":
                if let target = status.symlinkTarget { return quoted(name) + " -> " + quoted(target) }
                return quoted(name)
            case "s": return String(status.size)
            case "b": return String(ListFormatter.blocks(status) * 2)
            case "B": return "512"
            case "o": return "4096"
            case "F": return typeName
            case "D": return "801"
            case "d": return "2049"
            case "i": return String(inode)
            case "h": return String(status.linkCount)
            case "a": return String(metadata.mode & 0o7777, radix: 8)
            case "A": return ListFormatter.modeString(status)
            case "u": return String(metadata.owner)
            case "U": return users.userLabel(metadata.owner)
            case "g": return String(metadata.group)
            case "G": return users.groupLabel(metadata.group)
            case "x", "y", "z": return time
            case "X", "Y", "Z": return String(status.metadata.modified.secondsSinceEpoch)
            case "w": return "-"
            case "W": return "0"
            case "t": return deviceNumbers.major
            case "T": return deviceNumbers.minor
            default: return "?"
            }
        }

        /// Expands `%[-][0][width][.precision]X` directives.
        func render(_ format: String) -> String {
            var output = ""
            var characters = Array(format)[...]
            while let character = characters.popFirst() {
                guard character == "%" else {
                    output.append(character)
                    continue
                }
                var flags = ""
                while let flag = characters.first, flag == "-" || flag == "0" { flags.append(flag); characters.removeFirst() }
                var width = ""
                while let digit = characters.first, digit.isNumber { width.append(digit); characters.removeFirst() }
                var precision: Int?
                if characters.first == "." {
                    characters.removeFirst()
                    var digits = ""
                    while let digit = characters.first, digit.isNumber { digits.append(digit); characters.removeFirst() }
                    precision = Int(digits)
                }
                guard let directive = characters.popFirst() else {
                    output.append("%")
                    break
                }
                if directive == "%" {
                    output.append("%")
                    continue
                }
                var text = value(directive)
                if let precision { text = String(text.prefix(precision)) }
                let size = Int(width) ?? 0
                if flags.contains("-") {
                    text = padRight(text, size)
                } else if flags.contains("0") {
                    text = String(repeating: "0", count: max(0, size - text.count)) + text
                } else {
                    text = padLeft(text, size)
                }
                output += text
            }
            return output
        }
    }
}
