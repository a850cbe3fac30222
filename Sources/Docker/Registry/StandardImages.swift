import Machine
import Simulation

/// The public images the book uses, as Docker Hub served them in early 2018.
public enum StandardImages {
    public static var all: [BaseImageDefinition] {
        [helloWorld, busybox, alpine, ubuntu, node, nginxAlpine, mongo, tutumCurl, registry]
    }

    static let basicCommands = ["cat", "chmod", "cp", "date", "echo", "env", "false", "grep", "head", "hostname", "kill",
                                "ls", "mkdir", "mv", "ps", "pwd", "rm", "sleep", "tail", "tee", "touch", "true", "uname",
                                "wc"]
    static let path = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

    static func date(_ seconds: Int64) -> VirtualInstant { VirtualInstant(secondsSinceEpoch: seconds) }

    static func osRelease(_ name: String, _ version: String, _ id: String) -> String {
        "PRETTY_NAME=\"\(name)\"\nNAME=\"\(name.split(separator: " ").first.map(String.init) ?? name)\"\nVERSION_ID=\"\(version)\"\nID=\(id)\n"
    }

    /// A Debian-like tree with bash, coreutils and apt-get.
    static func debianTree(created: VirtualInstant, name: String, version: String, id: String) -> RootTreeBuilder {
        let tree = RootTreeBuilder(created: created)
        tree.programs(basicCommands + ["bash", "sh"], in: "/bin")
        tree.programs(["apt-get", "env", "id", "which"], in: "/usr/bin")
        tree.file("/etc/os-release", osRelease(name, version, id))
        tree.file("/etc/hostname", "localhost\n")
        tree.directory("/var/lib/apt/lists")
        return tree
    }

    public static var helloWorld: BaseImageDefinition {
        let created = date(1_511_223_798) // 2017-11-21
        let tree = RootTreeBuilder(created: created)
        tree.program("/hello", runs: "hello", size: 1_848)
        return BaseImageDefinition(name: ImageName(path: "library/hello-world"), root: tree.root, layerSizes: [1_848],
                                   layerCommands: [], metadataCommands: ["/bin/sh -c #(nop)  CMD [\"/hello\"]"],
                                   config: ContainerConfig(environment: [path], command: ["/hello"]), created: created)
    }

    public static var busybox: BaseImageDefinition {
        let created = date(1_518_051_600) // 2018-02-08
        let tree = RootTreeBuilder(created: created)
        tree.programs(basicCommands + ["sh", "wget", "dd", "busybox", "id", "which"], in: "/bin", size: 1_000_000)
        return BaseImageDefinition(name: ImageName(path: "library/busybox"), root: tree.root, layerSizes: [1_146_369],
                                   layerCommands: [], metadataCommands: ["/bin/sh -c #(nop)  CMD [\"sh\"]"],
                                   config: ContainerConfig(environment: [path], command: ["sh"]), created: created)
    }

    public static var alpine: BaseImageDefinition {
        let created = date(1_515_508_800) // 2018-01-09
        let tree = RootTreeBuilder(created: created)
        tree.programs(basicCommands + ["sh", "busybox"], in: "/bin", size: 800_000)
        tree.programs(["apk"], in: "/sbin")
        tree.programs(["wget", "id", "which", "env"], in: "/usr/bin")
        tree.file("/etc/os-release", osRelease("Alpine Linux v3.7", "3.7.0", "alpine"))
        return BaseImageDefinition(name: ImageName(path: "library/alpine"), root: tree.root, layerSizes: [4_147_781],
                                   layerCommands: [], metadataCommands: ["/bin/sh -c #(nop)  CMD [\"/bin/sh\"]"],
                                   config: ContainerConfig(environment: [path], command: ["/bin/sh"]), created: created)
    }

    public static var ubuntu: BaseImageDefinition {
        let created = date(1_519_862_400) // 2018-03-01
        let tree = debianTree(created: created, name: "Ubuntu 16.04.4 LTS", version: "16.04", id: "ubuntu")
        return BaseImageDefinition(
            name: ImageName(path: "library/ubuntu"), root: tree.root,
            layerSizes: [111_980_000, 850, 528, 170, 0],
            layerCommands: [],
            metadataCommands: ["/bin/sh -c #(nop)  CMD [\"/bin/bash\"]"],
            config: ContainerConfig(environment: [path], command: ["/bin/bash"]), created: created)
    }

    public static var node: BaseImageDefinition {
        let created = date(1_498_780_800) // 2017-06-30
        let tree = debianTree(created: created, name: "Debian GNU/Linux 8 (jessie)", version: "8", id: "debian")
        tree.program("/usr/local/bin/node", runs: "node", size: 32_000_000)
        tree.symlink("/usr/local/bin/npm", to: "../lib/node_modules/npm/bin/npm-cli.js")
        tree.file("/usr/local/lib/node_modules/npm/bin/npm-cli.js", "#!/usr/bin/env node\n", mode: 0o755)
        tree.programs(["git", "curl", "wget", "python", "make", "gcc"], in: "/usr/bin")
        return BaseImageDefinition(
            name: ImageName(path: "library/node", tag: "7"), root: tree.root,
            layerSizes: [124_600_000, 44_600_000, 122_800_000, 318_000_000, 4_100, 47_400_000, 2_700_000],
            layerCommands: [],
            metadataCommands: ["/bin/sh -c #(nop)  ENV NODE_VERSION=7.10.1", "/bin/sh -c #(nop)  ENV YARN_VERSION=0.24.6",
                               "/bin/sh -c #(nop)  CMD [\"node\"]"],
            config: ContainerConfig(environment: [path, "NPM_CONFIG_LOGLEVEL=info", "NODE_VERSION=7.10.1", "YARN_VERSION=0.24.6"],
                                    command: ["node"]),
            created: created, aliases: ["7.10", "7.10.1", "latest"])
    }

    public static var nginxAlpine: BaseImageDefinition {
        let created = date(1_518_566_400) // 2018-02-14
        let tree = RootTreeBuilder(created: created)
        tree.programs(basicCommands + ["sh", "busybox"], in: "/bin", size: 800_000)
        tree.program("/usr/sbin/nginx", runs: "nginx", size: 1_200_000)
        tree.file("/etc/nginx/nginx.conf", "user  nginx;\nworker_processes  1;\n\nevents {\n    worker_connections  1024;\n}\n\nhttp {\n    include /etc/nginx/conf.d/*.conf;\n}\n")
        tree.file("/etc/nginx/conf.d/default.conf", "server {\n    listen       80;\n    server_name  localhost;\n\n    location / {\n        root   /usr/share/nginx/html;\n        index  index.html index.htm;\n    }\n}\n")
        tree.file("/usr/share/nginx/html/index.html", "<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n</body>\n</html>\n")
        var config = ContainerConfig(exposedPorts: ["80/tcp"], environment: [path, "NGINX_VERSION=1.13.9"],
                                     command: ["nginx", "-g", "daemon off;"])
        config.stopSignal = "SIGTERM"
        return BaseImageDefinition(
            name: ImageName(path: "library/nginx", tag: "alpine"), root: tree.root,
            layerSizes: [4_147_781, 13_500_000, 1_070, 750], layerCommands: [],
            metadataCommands: ["/bin/sh -c #(nop)  EXPOSE 80/tcp", "/bin/sh -c #(nop)  STOPSIGNAL [SIGTERM]",
                               "/bin/sh -c #(nop)  CMD [\"nginx\" \"-g\" \"daemon off;\"]"],
            config: config, created: created)
    }

    public static var mongo: BaseImageDefinition {
        let created = date(1_519_257_600) // 2018-02-22
        let tree = debianTree(created: created, name: "Debian GNU/Linux 9 (stretch)", version: "9", id: "debian")
        tree.programs(["mongod", "mongo"], in: "/usr/bin")
        tree.directory("/data/db")
        tree.directory("/data/configdb")
        return BaseImageDefinition(
            name: ImageName(path: "library/mongo"), root: tree.root,
            layerSizes: [55_300_000, 1_200_000, 4_400_000, 6_900_000, 1_200, 200, 298_000_000, 1_300], layerCommands: [],
            metadataCommands: ["/bin/sh -c #(nop)  VOLUME [/data/db /data/configdb]", "/bin/sh -c #(nop)  EXPOSE 27017/tcp",
                               "/bin/sh -c #(nop)  CMD [\"mongod\"]"],
            config: ContainerConfig(exposedPorts: ["27017/tcp"], environment: [path, "MONGO_VERSION=3.6.3"], command: ["mongod"]),
            created: created)
    }

    public static var tutumCurl: BaseImageDefinition {
        let created = date(1_431_475_200) // 2015-05-13
        let tree = debianTree(created: created, name: "Ubuntu 14.04.2 LTS", version: "14.04", id: "ubuntu")
        tree.programs(["curl"], in: "/usr/bin")
        return BaseImageDefinition(
            name: ImageName(path: "tutum/curl"), root: tree.root,
            layerSizes: [188_100_000, 194_500, 1_895, 0, 35_900_000], layerCommands: [],
            metadataCommands: ["/bin/sh -c #(nop) CMD [\"/bin/bash\"]"],
            config: ContainerConfig(environment: [path], command: ["/bin/bash"]), created: created)
    }

    public static var registry: BaseImageDefinition {
        let created = date(1_515_715_200) // 2018-01-12
        let tree = RootTreeBuilder(created: created)
        tree.programs(basicCommands + ["sh", "busybox"], in: "/bin", size: 800_000)
        tree.program("/bin/registry", runs: "registry", size: 22_000_000)
        tree.file("/etc/docker/registry/config.yml", "version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: /var/lib/registry\nhttp:\n  addr: :5000\n")
        tree.directory("/var/lib/registry")
        return BaseImageDefinition(
            name: ImageName(path: "library/registry", tag: "2"), root: tree.root,
            layerSizes: [4_147_781, 300_000, 22_000_000, 160, 6_900_000], layerCommands: [],
            metadataCommands: ["/bin/sh -c #(nop)  VOLUME [/var/lib/registry]", "/bin/sh -c #(nop)  EXPOSE 5000/tcp",
                               "/bin/sh -c #(nop)  ENTRYPOINT [\"registry\"]",
                               "/bin/sh -c #(nop)  CMD [\"serve\" \"/etc/docker/registry/config.yml\"]"],
            config: ContainerConfig(exposedPorts: ["5000/tcp"], environment: [path], command: ["serve", "/etc/docker/registry/config.yml"],
                                    entrypoint: ["registry"]),
            created: created)
    }
}
