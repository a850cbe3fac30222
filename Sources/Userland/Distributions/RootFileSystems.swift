import Kernel
import Simulation

/// Root file systems of the simulated machines: the learner's Debian workstation and the base
/// images the book's containers start from. Each takes the extra programs it should ship (the
/// docker and kubectl binaries of the workstation, an image's own server binary). Images carry
/// no /etc/hostname, /etc/hosts or /etc/resolv.conf: the container runtime writes those.
public enum RootFileSystems {
    /// When the images' files were last modified: their build dates, long before "now".
    static let workstationInstalled = VirtualInstant(secondsSinceEpoch: 1_518_431_000) // 2018-02-12
    static let jessieBuilt = VirtualInstant(secondsSinceEpoch: 1_509_407_280)         // 2017-10-30
    static let xenialBuilt = VirtualInstant(secondsSinceEpoch: 1_516_227_960)         // 2018-01-17
    static let trustyBuilt = VirtualInstant(secondsSinceEpoch: 1_424_390_400)         // 2015-02-20
    static let busyboxBuilt = VirtualInstant(secondsSinceEpoch: 1_518_705_240)        // 2018-02-15
    static let alpineBuilt = VirtualInstant(secondsSinceEpoch: 1_515_463_200)         // 2018-01-09
    static let helloBuilt = VirtualInstant(secondsSinceEpoch: 1_510_789_440)          // 2017-11-16

    /// The learner's user account.
    public static let learner = Credentials(uid: 1000, gid: 1000, userName: "learner", home: "/home/learner")

    // MARK: Workstation

    /// The workstation: Debian 9 with coreutils, bash, apt-get, the user `learner` (uid 1000,
    /// in sudo and docker) and a home directory.
    public static func workstation(hostname: String = "workstation", extras: [InstalledProgram] = []) -> Directory {
        let builder = TreeBuilder(modified: workstationInstalled)
        GNUSystemLayout.baseDirectories(builder)
        GNUSystemLayout.installShells(builder)
        GNUSystemLayout.installTools(builder)
        GNUSystemLayout.installWorkstationTools(builder)
        builder.program("/usr/bin/less", "less", size: 170_760)
        builder.program("/usr/bin/apt-get", Coreutils.ProgramName.aptGet, size: 219_544)
        builder.program("/usr/bin/nslookup", Coreutils.ProgramName.nslookup, size: 102_136)
        builder.program("/usr/bin/curl", "curl", size: 159_344)
        builder.program("/usr/bin/sudo", "sudo", size: 140_944)
        builder.program("/usr/bin/openssl", "openssl", size: 736_776)
        builder.file("/etc/sudoers.d/learner", "learner ALL=(ALL) NOPASSWD:ALL\n", mode: 0o440)
        let passwd = GNUSystemLayout.systemAccounts + "learner:x:1000:1000:KubeLab Learner,,,:/home/learner:/bin/bash\n"
        builder.file("/etc/passwd", passwd)
        builder.file("/etc/group", GNUSystemLayout.systemGroups.replacingAll("sudo:x:27:", with: "sudo:x:27:learner")
            + "learner:x:1000:\ndocker:x:999:learner\n")
        builder.file("/etc/shadow", GNUSystemLayout.shadow(for: passwd), mode: 0o640, group: 42)
        builder.file("/etc/hostname", hostname + "\n")
        builder.file("/etc/hosts", """
            127.0.0.1\tlocalhost
            127.0.1.1\t\(hostname)

            # The following lines are desirable for IPv6 capable hosts
            ::1     localhost ip6-localhost ip6-loopback
            ff02::1 ip6-allnodes
            ff02::2 ip6-allrouters

            """)
        builder.file("/etc/resolv.conf", "nameserver 10.0.2.3\n")
        builder.file("/etc/os-release", debianRelease(version: "9", codename: "stretch", secure: true))
        builder.file("/etc/debian_version", "9.4\n")
        builder.directory("/home/learner", owner: learner)
        builder.file("/home/learner/.bashrc", "# ~/.bashrc: executed by bash(1) for non-login shells.\nexport PATH=\"$HOME/bin:$PATH\"\n",
                     owner: 1000, group: 1000)
        builder.file("/home/learner/.profile", "# ~/.profile: executed by the command interpreter for login shells.\nif [ -n \"$BASH_VERSION\" ]; then\n    . \"$HOME/.bashrc\"\nfi\n",
                     owner: 1000, group: 1000)
        for extra in extras { builder.program(extra) }
        return builder.root
    }

    // MARK: Debian and Ubuntu images

    /// `debian:jessie` (the base of `node:7` and `mongo` in the book's time).
    public static func debian(extras: [InstalledProgram] = []) -> Directory {
        let builder = TreeBuilder(modified: jessieBuilt)
        debianLike(builder, aptGet: Coreutils.ProgramName.aptGet)
        builder.file("/etc/os-release", """
            PRETTY_NAME="Debian GNU/Linux 8 (jessie)"
            NAME="Debian GNU/Linux"
            VERSION_ID="8"
            VERSION="8 (jessie)"
            ID=debian
            HOME_URL="http://www.debian.org/"
            SUPPORT_URL="http://www.debian.org/support"
            BUG_REPORT_URL="https://bugs.debian.org/"

            """)
        builder.file("/etc/debian_version", "8.10\n")
        for extra in extras { builder.program(extra) }
        return builder.root
    }

    /// `node:7`: Debian jessie with node in /usr/local/bin. It is built on buildpack-deps:jessie,
    /// so the tools that image installs come along: `curl` and `wget` among them (chapter 5 runs
    /// `kubectl exec POD -- curl …` in kubia pods).
    public static func node(extras: [InstalledProgram] = []) -> Directory {
        debian(extras: [InstalledProgram(path: "/usr/local/bin/node", program: "node", size: 31_254_528),
                        InstalledProgram(path: "/usr/bin/curl", program: "curl", size: 159_344),
                        InstalledProgram(path: "/usr/bin/wget", program: "wget", size: 424_344),
                        // buildpack-deps brings inetutils-ping: the book pings from a kubia pod.
                        InstalledProgram(path: "/bin/ping", program: "ping", size: 62_792)] + extras)
    }

    /// `mongo`: Debian jessie with the MongoDB server and shell, and its data directories.
    public static func mongo(extras: [InstalledProgram] = []) -> Directory {
        var root = debian(extras: [InstalledProgram(path: "/usr/bin/mongod", program: "mongod", size: 46_326_408),
                                   InstalledProgram(path: "/usr/bin/mongo", program: "mongo", size: 23_622_176)] + extras)
        let fileSystem = FileSystem(root: root, clock: { jessieBuilt })
        try? fileSystem.createDirectory("/data/db", intermediates: true)
        try? fileSystem.createDirectory("/data/configdb", intermediates: true)
        root = fileSystem.root
        return root
    }

    /// `ubuntu:latest` of early 2018: Ubuntu 16.04 (xenial).
    public static func ubuntu(extras: [InstalledProgram] = []) -> Directory {
        let builder = TreeBuilder(modified: xenialBuilt)
        debianLike(builder, aptGet: Coreutils.ProgramName.aptGetUbuntu)
        builder.file("/etc/os-release", """
            NAME="Ubuntu"
            VERSION="16.04.3 LTS (Xenial Xerus)"
            ID=ubuntu
            ID_LIKE=debian
            PRETTY_NAME="Ubuntu 16.04.3 LTS"
            VERSION_ID="16.04"
            HOME_URL="http://www.ubuntu.com/"
            SUPPORT_URL="http://help.ubuntu.com/"
            BUG_REPORT_URL="http://bugs.launchpad.net/ubuntu/"
            VERSION_CODENAME=xenial
            UBUNTU_CODENAME=xenial

            """)
        builder.file("/etc/debian_version", "stretch/sid\n")
        for extra in extras { builder.program(extra) }
        return builder.root
    }

    /// `ubuntu:trusty` of early 2015: Ubuntu 14.04.2, what the tutum images were built on.
    public static func ubuntuTrusty(extras: [InstalledProgram] = []) -> Directory {
        let builder = TreeBuilder(modified: trustyBuilt)
        debianLike(builder, aptGet: Coreutils.ProgramName.aptGetUbuntu)
        builder.file("/etc/os-release", """
            NAME="Ubuntu"
            VERSION="14.04.2 LTS, Trusty Tahr"
            ID=ubuntu
            ID_LIKE=debian
            PRETTY_NAME="Ubuntu 14.04.2 LTS"
            VERSION_ID="14.04"
            HOME_URL="http://www.ubuntu.com/"
            SUPPORT_URL="http://help.ubuntu.com/"
            BUG_REPORT_URL="http://bugs.launchpad.net/ubuntu/"

            """)
        builder.file("/etc/debian_version", "jessie/sid\n")
        builder.file("/etc/lsb-release", "DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=14.04\nDISTRIB_CODENAME=trusty\nDISTRIB_DESCRIPTION=\"Ubuntu 14.04.2 LTS\"\n")
        for extra in extras { builder.program(extra) }
        return builder.root
    }

    private static func debianLike(_ builder: TreeBuilder, aptGet: String) {
        GNUSystemLayout.baseDirectories(builder)
        GNUSystemLayout.installShells(builder)
        GNUSystemLayout.installTools(builder)
        builder.program("/usr/bin/apt-get", aptGet, size: 219_544)
        builder.file("/etc/passwd", GNUSystemLayout.systemAccounts)
        builder.file("/etc/group", GNUSystemLayout.systemGroups)
        builder.file("/etc/shadow", GNUSystemLayout.shadow(for: GNUSystemLayout.systemAccounts), mode: 0o640, group: 42)
    }

    private static func debianRelease(version: String, codename: String, secure: Bool) -> String {
        let scheme = secure ? "https" : "http"
        return """
            PRETTY_NAME="Debian GNU/Linux \(version) (\(codename))"
            NAME="Debian GNU/Linux"
            VERSION_ID="\(version)"
            VERSION="\(version) (\(codename))"
            ID=debian
            HOME_URL="\(scheme)://www.debian.org/"
            SUPPORT_URL="\(scheme)://www.debian.org/support"
            BUG_REPORT_URL="https://bugs.debian.org/"

            """
    }

    // MARK: BusyBox and Alpine

    /// Where BusyBox's applets live (alpine's split; the busybox image puts all in /bin).
    static let busyboxApplets: [(name: String, directory: String)] = {
        let userBin: Set<String> = ["basename", "clear", "cut", "dirname", "env", "find", "free", "head", "id", "less",
                                    "nslookup", "printenv", "seq", "sort", "stat", "tail", "tee", "tr", "tty", "uniq", "wc", "wget",
                                    "which", "whoami", "xargs", "yes"]
        let names = Coreutils.programs(flavor: .busybox).keys.sorted() + ["sh", "ash", "echo", "printf", "pwd", "test"]
        return names.map { ($0, userBin.contains($0) ? "/usr/bin" : "/bin") }
    }()

    static let busyboxAccounts = """
        root:x:0:0:root:/root:/bin/sh
        daemon:x:1:1:daemon:/usr/sbin:/bin/false
        bin:x:2:2:bin:/bin:/bin/false
        sys:x:3:3:sys:/dev:/bin/false
        sync:x:4:100:sync:/bin:/bin/sync
        mail:x:8:8:mail:/var/spool/mail:/bin/false
        www-data:x:33:33:www-data:/var/www:/bin/false
        operator:x:37:37:Operator:/var:/bin/false
        nobody:x:65534:65534:nobody:/home:/bin/false

        """

    /// `busybox`: one binary, every applet a copy of it in /bin.
    public static func busybox(extras: [InstalledProgram] = []) -> Directory {
        let builder = TreeBuilder(modified: busyboxBuilt)
        builder.directories(["/bin", "/etc", "/home", "/usr/sbin", "/var/spool/mail", "/var/www"])
        builder.directory("/root", mode: 0o700)
        builder.directory("/tmp", mode: 0o1777)
        builder.standardDevices()
        builder.program("/bin/busybox", Coreutils.ProgramName.busybox, size: 1_001_112)
        for applet in busyboxApplets {
            builder.program("/bin/\(applet.name)", Coreutils.ProgramName.busybox, size: 1_001_112)
        }
        builder.file("/etc/passwd", busyboxAccounts)
        builder.file("/etc/group", "root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nlp:x:7:\nmail:x:8:\nkmem:x:9:\nwheel:x:10:root\ncdrom:x:11:\ndialout:x:18:\nfloppy:x:19:\nvideo:x:28:\naudio:x:29:\ntape:x:32:\nwww-data:x:33:\noperator:x:37:\nutmp:x:43:\nplugdev:x:46:\nstaff:x:50:\nlock:x:54:\nnetdev:x:82:\nusers:x:100:\nnogroup:x:65534:\n")
        builder.file("/etc/shadow", "root:*:10933:0:99999:7:::\n", mode: 0o600)
        for extra in extras { builder.program(extra) }
        return builder.root
    }

    /// Alpine's base packages, as /lib/apk/db/installed records them.
    static let alpineBasePackages = [("musl", "1.1.18-r2"), ("busybox", "1.27.2-r7"), ("alpine-baselayout", "3.0.5-r2"),
                                     ("alpine-keys", "2.1-r1"), ("libressl2.6-libcrypto", "2.6.3-r0"),
                                     ("libressl2.6-libssl", "2.6.3-r0"), ("zlib", "1.2.11-r1"), ("apk-tools", "2.8.2-r0"),
                                     ("scanelf", "1.2.2-r1"), ("musl-utils", "1.1.18-r2"), ("libc-utils", "0.7.1-r0")]

    /// `alpine:3.7`: BusyBox applets as links to /bin/busybox, plus apk.
    public static func alpine(extras: [InstalledProgram] = []) -> Directory {
        let builder = TreeBuilder(modified: alpineBuilt)
        builder.directories(["/bin", "/etc/apk", "/home", "/lib/apk/db", "/media", "/mnt", "/proc", "/run", "/sbin", "/srv",
                             "/usr/bin", "/usr/lib", "/usr/local/bin", "/usr/sbin", "/usr/share", "/var/cache/apk", "/var/log",
                             "/var/spool", "/var/lib"])
        builder.directory("/root", mode: 0o700)
        builder.directory("/tmp", mode: 0o1777)
        builder.standardDevices()
        builder.program("/bin/busybox", Coreutils.ProgramName.busybox, size: 796_312)
        for applet in busyboxApplets {
            builder.symlink("\(applet.directory)/\(applet.name)", to: "/bin/busybox")
        }
        builder.program("/sbin/apk", Coreutils.ProgramName.apk, size: 223_592)
        builder.file("/etc/passwd", busyboxAccounts.replacingAll("root:/bin/sh", with: "root:/bin/ash"))
        builder.file("/etc/group", "root:x:0:root\nbin:x:1:root,bin,daemon\ndaemon:x:2:root,bin,daemon\nsys:x:3:root,bin,adm\nadm:x:4:root,adm,daemon\ntty:x:5:\nwheel:x:10:root\nwww-data:x:82:\nnogroup:x:65533:\nnobody:x:65534:\n")
        builder.file("/etc/shadow", "root:!::0:::::\n", mode: 0o640, group: 42)
        builder.file("/etc/os-release", """
            NAME="Alpine Linux"
            ID=alpine
            VERSION_ID=3.7.0
            PRETTY_NAME="Alpine Linux v3.7"
            HOME_URL="http://alpinelinux.org"
            BUG_REPORT_URL="http://bugs.alpinelinux.org"

            """)
        builder.file("/etc/alpine-release", "3.7.0\n")
        builder.file("/etc/apk/repositories", "http://dl-cdn.alpinelinux.org/alpine/v3.7/main\nhttp://dl-cdn.alpinelinux.org/alpine/v3.7/community\n")
        builder.file("/lib/apk/db/installed", alpineBasePackages.map { "P:\($0.0)\nV:\($0.1)\n\n" }.joined())
        for extra in extras { builder.program(extra) }
        return builder.root
    }

    /// `nginx:alpine`: alpine with nginx, its configuration and its default pages.
    public static func nginxAlpine(extras: [InstalledProgram] = []) -> Directory {
        let fileSystem = FileSystem(root: alpine(extras: [InstalledProgram(path: "/usr/sbin/nginx", program: "nginx", size: 1_166_552)] + extras),
                                    clock: { alpineBuilt })
        let builder = TreeBuilder(fileSystem: fileSystem)
        builder.file("/usr/share/nginx/html/index.html", NginxDefaults.indexPage)
        builder.file("/usr/share/nginx/html/50x.html", NginxDefaults.errorPage)
        builder.file("/etc/nginx/nginx.conf", NginxDefaults.mainConfiguration)
        builder.file("/etc/nginx/conf.d/default.conf", NginxDefaults.siteConfiguration)
        builder.file("/etc/nginx/mime.types", NginxDefaults.mimeTypes)
        builder.directory("/var/cache/nginx")
        builder.directory("/var/log/nginx")
        builder.symlink("/var/log/nginx/access.log", to: "/dev/stdout")
        builder.symlink("/var/log/nginx/error.log", to: "/dev/stderr")
        let passwd = (try? fileSystem.readFile("/etc/passwd")).map { String(decoding: $0, as: UTF8.self) } ?? ""
        builder.file("/etc/passwd", passwd + "nginx:x:100:101:nginx:/var/cache/nginx:/sbin/nologin\n")
        return builder.root
    }

    // MARK: hello-world

    /// `hello-world`: a single static binary, /hello, and nothing else — not even a shell.
    public static func helloWorld() -> Directory {
        let builder = TreeBuilder(modified: helloBuilt)
        builder.program("/hello", Coreutils.ProgramName.hello, size: 1_840)
        return builder.root
    }
}

extension TreeBuilder {
    init(fileSystem: FileSystem) {
        self.fileSystem = fileSystem
    }
}
