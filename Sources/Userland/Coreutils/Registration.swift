import Kernel
import Shell

/// Every program of this folder, by the name its binaries carry (`FileContent.program`).
public enum Coreutils {
    /// The coreutils, procps and friends in one flavour, by command name.
    public static func programs(flavor: Flavor) -> [String: any Program] {
        var programs: [String: any Program] = [
            "ls": ListProgram(flavor: flavor),
            "cat": ConcatenateProgram(flavor: flavor),
            "head": HeadProgram(flavor: flavor),
            "tail": TailProgram(flavor: flavor),
            "mkdir": MakeDirectoryProgram(flavor: flavor),
            "rmdir": RemoveDirectoryProgram(flavor: flavor),
            "rm": RemoveProgram(flavor: flavor),
            "cp": CopyMoveProgram(.copy, flavor: flavor),
            "mv": CopyMoveProgram(.move, flavor: flavor),
            "touch": TouchProgram(flavor: flavor),
            "ln": LinkProgram(flavor: flavor),
            "chmod": ChangeModeProgram(flavor: flavor),
            "stat": FileStatusProgram(flavor: flavor),
            "wc": WordCountProgram(flavor: flavor),
            "sort": SortProgram(flavor: flavor),
            "uniq": UniqueProgram(flavor: flavor),
            "cut": CutProgram(flavor: flavor),
            "tr": TranslateProgram(flavor: flavor),
            "grep": GrepProgram(flavor: flavor),
            "sed": StreamEditorProgram(flavor: flavor),
            "basename": BaseNameProgram(),
            "dirname": DirectoryNameProgram(),
            "date": DateProgram(flavor: flavor),
            "sleep": SleepProgram(flavor: flavor),
            "env": EnvironmentProgram(),
            "printenv": PrintEnvironmentProgram(),
            "which": WhichProgram(),
            "id": IdentityProgram(flavor: flavor),
            "whoami": WhoAmIProgram(),
            "uname": UnameProgram(flavor: flavor),
            "hostname": HostnameProgram(),
            "ps": ProcessStatusProgram(flavor: flavor),
            "kill": KillProgram(flavor: flavor),
            "df": DiskFreeProgram(flavor: flavor),
            "free": FreeProgram(flavor: flavor),
            "tee": TeeProgram(flavor: flavor),
            "dd": DataDuplicatorProgram(flavor: flavor),
            "yes": YesProgram(),
            "seq": SequenceProgram(),
            "true": ConstantStatusProgram(status: 0),
            "false": ConstantStatusProgram(status: 1),
            "clear": ClearProgram(),
            "tty": TerminalNameProgram(),
            "find": FindProgram(flavor: flavor),
            "xargs": ArgumentsProgram(flavor: flavor),
            "less": PagerProgram(),
            "more": PagerProgram(),
        ]
        if flavor == .gnu {
            // BusyBox has these applets too, but adding them would change the busybox and alpine
            // image layers (and so the digests recorded transcripts show).
            programs["tac"] = ReverseLinesProgram(flavor: flavor)
            programs["expr"] = ExpressionProgram(flavor: flavor)
            // Only the workstation has the binary.
            programs["sudo"] = SudoProgram()
        }
        if flavor == .busybox {
            programs["nslookup"] = NameLookupProgram(flavor: .busybox)
            programs["wget"] = WgetProgram()
        }
        return programs
    }

    /// Registry names of the container extras (the names are what image binaries refer to).
    public enum ProgramName {
        public static let busybox = "busybox"
        public static let fortune = "fortune"
        public static let hello = "hello"
        public static let nslookup = "nslookup"
        public static let aptGet = "apt-get"
        public static let aptGetUbuntu = "apt-get-xenial"
        public static let apk = "apk"
    }
}

/// Registers every program of the coreutils folder: the GNU tools under their command names,
/// `busybox` (whose applets are the BusyBox-flavoured tools), and the container extras.
public func registerCoreutils(in registry: ProgramRegistry) {
    for (name, program) in Coreutils.programs(flavor: .gnu) {
        registry.register(name, program)
    }
    // /bin/echo, /bin/pwd, /usr/bin/printf, test and [ of the GNU layout.
    for (name, program) in ShellUtilityProgram.all { registry.register(name, program) }
    registry.register(Coreutils.ProgramName.busybox, BusyBoxProgram(applets: Coreutils.programs(flavor: .busybox)))
    registry.register(Coreutils.ProgramName.fortune, FortuneProgram())
    registry.register(Coreutils.ProgramName.hello, HelloWorldProgram())
    registry.register(Coreutils.ProgramName.nslookup, NameLookupProgram(flavor: .gnu))
    registry.register(Coreutils.ProgramName.aptGet, AdvancedPackageTool(archive: .debianJessie))
    registry.register(Coreutils.ProgramName.aptGetUbuntu, AdvancedPackageTool(archive: .ubuntuXenial))
    registry.register(Coreutils.ProgramName.apk, AlpinePackageKeeper(archive: .alpine))
}
