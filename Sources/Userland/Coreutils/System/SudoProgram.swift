import Kernel
/// `sudo` as Debian 9 ships it (1.8.19p1), for a user the sudoers file lets run anything
/// without a password (`/etc/sudoers.d/`): runs a command as root (or `-u USER`) with sudo's
/// reset environment and secure path; `-s`/`-i` open a root shell.
public struct SudoProgram: Program {
    public init() {}

    static let usage = """
        usage: sudo -h | -K | -k | -V
        usage: sudo -v [-AknS] [-g group] [-h host] [-p prompt] [-u user]
        usage: sudo -l [-AknS] [-g group] [-h host] [-p prompt] [-U user] [-u user] [command]
        usage: sudo [-AbEHknPS] [-r role] [-t type] [-C num] [-g group] [-h host] [-p prompt] [-T timeout] [-u user] [VAR=value] [-i|-s] [<command>]
        usage: sudo -e [-AknS] [-r role] [-t type] [-C num] [-g group] [-h host] [-p prompt] [-T timeout] [-u user] file ...

        """

    /// Debian's `secure_path`.
    static let securePath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

    public func run(_ context: ProgramContext) async throws -> Int32 {
        var arguments = Array(context.arguments.dropFirst())[...]
        var targetName = "root"
        var shell = false, login = false, preserve = false
        while let first = arguments.first, first.hasPrefix("-"), first != "-" {
            arguments = arguments.dropFirst()
            if first == "--" { break }
            switch first {
            case "-u", "--user":
                guard let name = arguments.popFirst() else {
                    context.printError("sudo: option requires an argument -- 'u'\n" + Self.usage)
                    return 1
                }
                targetName = name
            case "-s", "--shell": shell = true
            case "-i", "--login": login = true
            case "-E", "--preserve-env": preserve = true
            case "-H", "--set-home", "-n", "--non-interactive", "-k", "-S", "--stdin": break
            case "-V", "--version":
                context.emit("Sudo version 1.8.19p1\nSudoers policy plugin version 1.8.19p1\nSudoers file grammar version 45\nSudoers I/O plugin version 1.8.19p1\n")
                return 0
            case "-h", "--help":
                context.emit("sudo - execute a command as another user\n\n" + Self.usage)
                return 0
            default:
                if first.hasPrefix("-u"), first.count > 2 {
                    targetName = String(first.dropFirst(2))
                } else {
                    context.printError("sudo: invalid option -- '\(first.dropFirst().prefix(1))'\n" + Self.usage)
                    return 1
                }
            }
        }
        let users = UserDatabase(fileSystem: context.machine.fileSystem)
        if targetName.hasPrefix("#"), let uid = UInt32(targetName.dropFirst()), let name = users.userName(uid) {
            targetName = name
        }
        guard let target = users.user(named: targetName) else {
            context.printError("sudo: unknown user: \(targetName)\nsudo: unable to initialize policy plugin\n")
            return 1
        }
        let sudoGroup = users.groups.first { $0.name == "sudo" }
        guard context.user.isRoot || sudoGroup.map({ users.groupIDs(of: context.user.userName, primary: context.user.gid).contains($0.gid) }) == true else {
            context.printError("\(context.user.userName) is not in the sudoers file.  This incident will be reported.\n")
            return 1
        }
        var environment: [String: String] = preserve ? context.environment : [:]
        for name in ["TERM", "DISPLAY", "COLORS", "LS_COLORS", "HOME", "LANG", "LANGUAGE"] where !preserve {
            if let value = context.environment[name] { environment[name] = value }
        }
        environment["PATH"] = Self.securePath
        environment["MAIL"] = "/var/mail/" + target.name
        environment["LOGNAME"] = target.name
        environment["USER"] = target.name
        environment["USERNAME"] = target.name
        environment["SHELL"] = target.shell
        environment["SUDO_COMMAND"] = ([arguments.first.map { Self.resolved($0, context: context) } ?? target.shell] + arguments.dropFirst()).joined(separator: " ")
        environment["SUDO_USER"] = context.user.userName
        environment["SUDO_UID"] = String(context.user.uid)
        environment["SUDO_GID"] = String(context.user.gid)
        while let first = arguments.first, let equals = first.firstIndex(of: "="), equals != first.startIndex {
            environment[String(first[..<equals])] = String(first[first.index(after: equals)...])
            arguments = arguments.dropFirst()
        }
        var command = Array(arguments)
        var workingDirectory = context.workingDirectory
        if login {
            environment["HOME"] = target.home
            workingDirectory = target.home
            command = command.isEmpty ? [target.shell, "--login"] : [target.shell, "--login", "-c", command.joined(separator: " ")]
        } else if shell {
            command = command.isEmpty ? [target.shell] : [target.shell, "-c", command.joined(separator: " ")]
        }
        guard !command.isEmpty else {
            context.printError(Self.usage)
            return 1
        }
        let credentials = Credentials(uid: target.uid, gid: target.gid, userName: target.name, home: target.home)
        let process: SimulatedProcess
        do {
            process = try context.machine.start(command, environment: environment, workingDirectory: workingDirectory, user: credentials,
                                                stdin: context.stdin, stdout: context.stdout, stderr: context.stderr, parent: context.process)
        } catch {
            if error.code == .ENOENT, !(command.first ?? "").contains("/") {
                context.printError("sudo: \(command.first ?? ""): command not found\n")
            } else {
                context.printError("sudo: \(command.first ?? ""): \(error.code.message)\n")
            }
            return 1
        }
        return try await process.waitForExit()
    }

    private static func resolved(_ name: String, context: ProgramContext) -> String {
        guard !name.contains("/") else { return name }
        for directory in securePath.split(separator: ":") {
            let path = "\(directory)/\(name)"
            if let entry = try? context.machine.fileSystem.status(path), entry.kind == .file, entry.isExecutable { return path }
        }
        return name
    }
}
