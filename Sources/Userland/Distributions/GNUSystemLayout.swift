import Kernel

/// Where Debian and Ubuntu put the programs of this module, and how big the binaries are.
enum GNUSystemLayout {
    /// Command name, directory and binary size of the Debian-packaged tools.
    static let tools: [(name: String, directory: String, size: Int)] = [
        ("cat", "/bin", 52_080), ("chmod", "/bin", 60_272), ("cp", "/bin", 146_880), ("date", "/bin", 104_608),
        ("dd", "/bin", 76_848), ("df", "/bin", 93_936), ("false", "/bin", 31_440), ("grep", "/bin", 211_224),
        ("hostname", "/bin", 14_832), ("kill", "/bin", 26_704), ("ln", "/bin", 56_240), ("ls", "/bin", 126_584),
        ("mkdir", "/bin", 76_848), ("more", "/bin", 39_632), ("mv", "/bin", 130_488), ("ps", "/bin", 96_480),
        ("rm", "/bin", 64_368), ("rmdir", "/bin", 47_984), ("sed", "/bin", 73_424), ("sleep", "/bin", 31_408),
        ("touch", "/bin", 64_432), ("true", "/bin", 31_408), ("uname", "/bin", 31_440),
        ("basename", "/usr/bin", 31_408), ("clear", "/usr/bin", 10_600), ("cut", "/usr/bin", 47_856),
        ("dirname", "/usr/bin", 27_248), ("env", "/usr/bin", 31_344), ("find", "/usr/bin", 233_696),
        ("free", "/usr/bin", 22_856), ("head", "/usr/bin", 43_664), ("id", "/usr/bin", 39_760),
        ("printenv", "/usr/bin", 31_344), ("seq", "/usr/bin", 47_856), ("sort", "/usr/bin", 110_048), ("stat", "/usr/bin", 80_304),
        ("tail", "/usr/bin", 68_208), ("tee", "/usr/bin", 31_408), ("tr", "/usr/bin", 47_856),
        ("tty", "/usr/bin", 31_376), ("uniq", "/usr/bin", 43_696), ("wc", "/usr/bin", 43_632),
        ("which", "/usr/bin", 946), ("whoami", "/usr/bin", 31_408), ("xargs", "/usr/bin", 62_992),
        ("yes", "/usr/bin", 31_408),
    ]

    /// More of Debian's coreutils, on the workstation only: the images' layers (and so the
    /// digests recorded transcripts show) stay as they were.
    static let workstationTools: [(name: String, directory: String, size: Int)] = [
        ("echo", "/bin", 31_408), ("pwd", "/bin", 35_504), ("expr", "/usr/bin", 39_664), ("printf", "/usr/bin", 51_856),
        ("tac", "/usr/bin", 39_600), ("test", "/usr/bin", 39_632), ("[", "/usr/bin", 43_728),
    ]

    static func installWorkstationTools(_ builder: TreeBuilder) {
        for tool in workstationTools {
            builder.program("\(tool.directory)/\(tool.name)", tool.name, size: tool.size)
        }
    }

    /// Installs the tools (all of them, or those named in `only`).
    static func installTools(_ builder: TreeBuilder, only: Set<String>? = nil) {
        for tool in tools where only?.contains(tool.name) ?? true {
            builder.program("\(tool.directory)/\(tool.name)", tool.name, size: tool.size)
        }
        if only?.contains("grep") ?? true {
            builder.program("/bin/egrep", "grep", size: 211_224)
            builder.program("/bin/fgrep", "grep", size: 211_224)
        }
    }

    /// bash as /bin/bash, and /bin/sh a link to dash (whose binary runs the shell module's `sh`).
    static func installShells(_ builder: TreeBuilder) {
        builder.program("/bin/bash", "bash", size: 1_099_016)
        builder.program("/bin/dash", "sh", size: 117_208)
        builder.symlink("/bin/sh", to: "dash")
    }

    static let systemAccounts = """
        root:x:0:0:root:/root:/bin/bash
        daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
        bin:x:2:2:bin:/bin:/usr/sbin/nologin
        sys:x:3:3:sys:/dev:/usr/sbin/nologin
        sync:x:4:65534:sync:/bin:/bin/sync
        games:x:5:60:games:/usr/games:/usr/sbin/nologin
        man:x:6:12:man:/var/cache/man:/usr/sbin/nologin
        lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin
        mail:x:8:8:mail:/var/mail:/usr/sbin/nologin
        news:x:9:9:news:/var/spool/news:/usr/sbin/nologin
        uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin
        proxy:x:13:13:proxy:/bin:/usr/sbin/nologin
        www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
        backup:x:34:34:backup:/var/backups:/usr/sbin/nologin
        list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin
        irc:x:39:39:ircd:/var/run/ircd:/usr/sbin/nologin
        gnats:x:41:41:Gnats Bug-Reporting System (admin):/var/lib/gnats:/usr/sbin/nologin
        nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
        _apt:x:100:65534::/nonexistent:/bin/false

        """

    static let systemGroups = """
        root:x:0:
        daemon:x:1:
        bin:x:2:
        sys:x:3:
        adm:x:4:
        tty:x:5:
        disk:x:6:
        lp:x:7:
        mail:x:8:
        news:x:9:
        uucp:x:10:
        man:x:12:
        proxy:x:13:
        kmem:x:15:
        dialout:x:20:
        fax:x:21:
        voice:x:22:
        cdrom:x:24:
        floppy:x:25:
        tape:x:26:
        sudo:x:27:
        audio:x:29:
        dip:x:30:
        www-data:x:33:
        backup:x:34:
        operator:x:37:
        list:x:38:
        irc:x:39:
        src:x:40:
        gnats:x:41:
        shadow:x:42:
        utmp:x:43:
        video:x:44:
        sasl:x:45:
        plugdev:x:46:
        staff:x:50:
        games:x:60:
        users:x:100:
        nogroup:x:65534:

        """

    /// The shadow entries of the accounts above (locked, no passwords).
    static func shadow(for passwd: String) -> String {
        passwd.split(separator: "\n").compactMap { line in
            line.split(separator: ":").first.map { "\($0):*:17590:0:99999:7:::\n" }
        }.joined()
    }

    /// The directories every Debian-like root has.
    static func baseDirectories(_ builder: TreeBuilder) {
        builder.directories(["/bin", "/boot", "/etc", "/home", "/lib", "/lib64", "/media", "/mnt", "/opt", "/run",
                             "/sbin", "/srv", "/usr/bin", "/usr/games", "/usr/include", "/usr/lib", "/usr/local/bin",
                             "/usr/local/lib", "/usr/local/sbin", "/usr/local/share", "/usr/sbin", "/usr/share",
                             "/var/backups", "/var/cache", "/var/lib/dpkg", "/var/lib/apt/lists/partial", "/var/local",
                             "/var/log", "/var/mail", "/var/opt", "/var/spool"])
        builder.directory("/root", mode: 0o700)
        builder.directory("/tmp", mode: 0o1777)
        builder.directory("/var/tmp", mode: 0o1777)
        builder.symlink("/var/run", to: "/run")
        builder.standardDevices()
    }
}
