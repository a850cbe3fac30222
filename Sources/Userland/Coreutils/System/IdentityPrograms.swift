import Kernel

/// `id`: user and group ids with names (`uid=1000(learner) gid=1000(learner) groups=…`), or
/// one of them with `-u`, `-g`, `-G`, names with `-n`.
public struct IdentityProgram: Program {
    public let flavor: Flavor

    public init(flavor: Flavor = .gnu) {
        self.flavor = flavor
    }

    public func run(_ context: ProgramContext) async throws -> Int32 {
        let specification = OptionSpecification(flags: Set("ugGnr"))
        guard let parsed = context.parseOptions(specification, flavor: flavor) else { return 1 }
        let database = UserDatabase(fileSystem: context.machine.fileSystem)
        var uid = context.user.uid
        var gid = context.user.gid
        var name = database.userName(uid) ?? context.user.userName
        if let wanted = parsed.operands.first {
            guard let user = database.user(named: wanted) ?? UInt32(wanted).flatMap({ id in database.users.first { $0.uid == id } }) else {
                context.complain(flavor == .gnu ? "\(quoted(wanted)): no such user" : "unknown user \(wanted)")
                return 1
            }
            uid = user.uid
            gid = user.gid
            name = user.name
        }
        let groups = database.groupIDs(of: name, primary: gid)
        let names = parsed.has("n")
        if parsed.has("u") {
            context.emit((names ? database.userLabel(uid) : String(uid)) + "\n")
        } else if parsed.has("g") {
            context.emit((names ? database.groupLabel(gid) : String(gid)) + "\n")
        } else if parsed.has("G") {
            context.emit(groups.map { names ? database.groupLabel($0) : String($0) }.joined(separator: " ") + "\n")
        } else {
            func labelled(_ id: UInt32, _ label: String?) -> String { label.map { "\(id)(\($0))" } ?? String(id) }
            let groupList = groups.map { labelled($0, database.groupName($0)) }.joined(separator: ",")
            context.emit("uid=\(labelled(uid, database.userName(uid))) gid=\(labelled(gid, database.groupName(gid))) groups=\(groupList)\n")
        }
        return 0
    }
}

/// `whoami`: the effective user's name.
public struct WhoAmIProgram: Program {
    public init() {}

    public func run(_ context: ProgramContext) async throws -> Int32 {
        let database = UserDatabase(fileSystem: context.machine.fileSystem)
        guard let name = database.userName(context.user.uid) else {
            context.complain("cannot find name for user ID \(context.user.uid)")
            return 1
        }
        context.emit(name + "\n")
        return 0
    }
}

/// `uname`: kernel and machine names (`-s`, `-n`, `-r`, `-v`, `-m`, `-o`, `-a`).
public struct UnameProgram: Program {
    public let flavor: Flavor
    public let profile: SystemProfile

    public init(flavor: Flavor = .gnu, profile: SystemProfile = .standard) {
        self.flavor = flavor
        self.profile = profile
    }

    public func run(_ context: ProgramContext) async throws -> Int32 {
        var specification = OptionSpecification(flags: Set("asnrvmpio"))
        specification.long = ["all": "a", "kernel-name": "s", "nodename": "n", "kernel-release": "r",
                              "kernel-version": "v", "machine": "m", "operating-system": "o"]
        guard let parsed = context.parseOptions(specification, flavor: flavor) else { return 1 }
        if let extra = parsed.operands.first {
            context.complain("extra operand \(quoted(extra))")
            context.printUsageHint(flavor: flavor)
            return 1
        }
        let all = parsed.has("a")
        var selected = Set(parsed.options.map(\.name))
        if selected.isEmpty { selected = ["s"] }
        var fields: [String] = []
        if all || selected.contains("s") { fields.append(profile.kernelName) }
        if all || selected.contains("n") { fields.append(context.machine.hostname) }
        if all || selected.contains("r") { fields.append(profile.kernelRelease) }
        if all || selected.contains("v") { fields.append(profile.kernelVersion) }
        if all || selected.contains("m") { fields.append(profile.hardware) }
        // GNU leaves "unknown" processor and platform out of -a.
        if !all, selected.contains("p") { fields.append(flavor == .gnu ? "unknown" : profile.hardware) }
        if !all, selected.contains("i") { fields.append(flavor == .gnu ? "unknown" : profile.hardware) }
        if all || selected.contains("o") { fields.append(profile.operatingSystem) }
        context.emit(fields.joined(separator: " ") + "\n")
        return 0
    }
}

/// `hostname`: the machine's name; `-i` its address; setting it needs root.
public struct HostnameProgram: Program {
    public init() {}

    public func run(_ context: ProgramContext) async throws -> Int32 {
        let arguments = Array(context.arguments.dropFirst())
        switch arguments.first {
        case nil, "-s", "--short":
            let name = context.machine.hostname
            context.emit((arguments.isEmpty ? name : String(name.prefix { $0 != "." })) + "\n")
        case "-i", "--ip-address", "-I", "--all-ip-addresses":
            let addresses = context.machine.networkStack.addresses.filter { !$0.hasPrefix("127.") }
            context.emit((addresses.isEmpty ? "127.0.1.1" : addresses.joined(separator: " ")) + (arguments.first == "-I" ? " \n" : "\n"))
        case let name? where !name.hasPrefix("-"):
            guard context.user.isRoot else {
                context.complain("you must be root to change the host name")
                return 1
            }
            context.machine.hostname = name
        case let option?:
            context.complain("invalid option -- '\(option.dropFirst().prefix(1))'")
            return 1
        }
        return 0
    }
}

/// `tty`: the terminal on standard input, or `not a tty` (exit 1).
public struct TerminalNameProgram: Program {
    public init() {}

    public func run(_ context: ProgramContext) async throws -> Int32 {
        guard let terminal = context.process.terminal else {
            context.emit("not a tty\n")
            return 1
        }
        context.emit("/dev/" + terminal + "\n")
        return 0
    }
}

/// `clear`: the terminal's clear-screen sequence (home, erase screen, erase scrollback).
public struct ClearProgram: Program {
    public init() {}

    public func run(_ context: ProgramContext) async throws -> Int32 {
        context.emit("\u{1B}[H\u{1B}[2J\u{1B}[3J")
        return 0
    }
}
