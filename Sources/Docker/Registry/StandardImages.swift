import Kernel
import Simulation
import Userland

/// The public images the book uses, as Docker Hub served them in early 2018.
public enum StandardImages {
    /// Every image, by name; each one's root file system is built only when it is first pulled.
    public static var all: [DeferredImage] {
        [DeferredImage(ImageName(path: "library/hello-world")) { helloWorld },
         DeferredImage(ImageName(path: "library/busybox")) { busybox },
         DeferredImage(ImageName(path: "library/alpine")) { alpine },
         DeferredImage(ImageName(path: "library/ubuntu")) { ubuntu },
         DeferredImage(ImageName(path: "library/node", tag: "7")) { node },
         DeferredImage(ImageName(path: "library/nginx", tag: "alpine")) { nginxAlpine },
         DeferredImage(ImageName(path: "library/mongo")) { mongo },
         DeferredImage(ImageName(path: "tutum/curl")) { tutumCurl },
         DeferredImage(ImageName(path: "tutum/dnsutils")) { tutumDNSUtils },
         DeferredImage(ImageName(path: "library/registry", tag: "2")) { registry },
         DeferredImage(ImageName(path: "luksa/kubia")) { luksaKubia },
         DeferredImage(ImageName(path: "luksa/kubia-unhealthy")) { luksaKubiaUnhealthy },
         DeferredImage(ImageName(path: "luksa/ssd-monitor")) { luksaSsdMonitor },
         DeferredImage(ImageName(path: "luksa/batch-job")) { luksaBatchJob }] + chapter9Images
    }

    static let path = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

    static func date(_ seconds: Int64) -> VirtualInstant { VirtualInstant(secondsSinceEpoch: seconds) }

    public static var helloWorld: BaseImageDefinition {
        let created = date(1_511_223_798) // 2017-11-21
        let root = RootFileSystems.helloWorld()
        return BaseImageDefinition(name: ImageName(path: "library/hello-world"), root: root, layerSizes: [1_848],
                                   layerCommands: [], metadataCommands: ["/bin/sh -c #(nop)  CMD [\"/hello\"]"],
                                   config: ContainerConfig(environment: [path], command: ["/hello"]), created: created)
    }

    public static var busybox: BaseImageDefinition {
        let created = date(1_518_051_600) // 2018-02-08
        let root = RootFileSystems.busybox()
        return BaseImageDefinition(name: ImageName(path: "library/busybox"), root: root, layerSizes: [1_146_369],
                                   layerCommands: [], metadataCommands: ["/bin/sh -c #(nop)  CMD [\"sh\"]"],
                                   config: ContainerConfig(environment: [path], command: ["sh"]), created: created)
    }

    public static var alpine: BaseImageDefinition {
        let created = date(1_515_508_800) // 2018-01-09
        let root = RootFileSystems.alpine()
        return BaseImageDefinition(name: ImageName(path: "library/alpine"), root: root, layerSizes: [4_147_781],
                                   layerCommands: [], metadataCommands: ["/bin/sh -c #(nop)  CMD [\"/bin/sh\"]"],
                                   config: ContainerConfig(environment: [path], command: ["/bin/sh"]), created: created)
    }

    public static var ubuntu: BaseImageDefinition {
        let created = date(1_519_862_400) // 2018-03-01
        let root = RootFileSystems.ubuntu()
        return BaseImageDefinition(
            name: ImageName(path: "library/ubuntu"), root: root,
            layerSizes: [111_980_000, 850, 528, 170, 0],
            layerCommands: [],
            metadataCommands: ["/bin/sh -c #(nop)  CMD [\"/bin/bash\"]"],
            config: ContainerConfig(environment: [path], command: ["/bin/bash"]), created: created)
    }

    public static var node: BaseImageDefinition {
        let created = date(1_498_780_800) // 2017-06-30
        let root = RootFileSystems.node()
        return BaseImageDefinition(
            name: ImageName(path: "library/node", tag: "7"), root: root,
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
        let root = RootFileSystems.nginxAlpine()
        var config = ContainerConfig(exposedPorts: ["80/tcp"], environment: [path, "NGINX_VERSION=1.13.9"],
                                     command: ["nginx", "-g", "daemon off;"])
        config.stopSignal = "SIGTERM"
        return BaseImageDefinition(
            name: ImageName(path: "library/nginx", tag: "alpine"), root: root,
            layerSizes: [4_147_781, 13_500_000, 1_070, 750], layerCommands: [],
            metadataCommands: ["/bin/sh -c #(nop)  EXPOSE 80/tcp", "/bin/sh -c #(nop)  STOPSIGNAL [SIGTERM]",
                               "/bin/sh -c #(nop)  CMD [\"nginx\" \"-g\" \"daemon off;\"]"],
            config: config, created: created)
    }

    public static var mongo: BaseImageDefinition {
        let created = date(1_519_257_600) // 2018-02-22
        let root = RootFileSystems.mongo()
        return BaseImageDefinition(
            name: ImageName(path: "library/mongo"), root: root,
            layerSizes: [55_300_000, 1_200_000, 4_400_000, 6_900_000, 1_200, 200, 298_000_000, 1_300], layerCommands: [],
            metadataCommands: ["/bin/sh -c #(nop)  VOLUME [/data/db /data/configdb]", "/bin/sh -c #(nop)  EXPOSE 27017/tcp",
                               "/bin/sh -c #(nop)  CMD [\"mongod\"]"],
            config: ContainerConfig(exposedPorts: ["27017/tcp"], environment: [path, "MONGO_VERSION=3.6.3"], command: ["mongod"]),
            created: created)
    }

    public static var tutumCurl: BaseImageDefinition {
        let created = date(1_431_475_200) // 2015-05-13
        let root = RootFileSystems.ubuntu(extras: [InstalledProgram(path: "/usr/bin/curl", program: "curl", size: 187_120)])
        return BaseImageDefinition(
            name: ImageName(path: "tutum/curl"), root: root,
            layerSizes: [188_100_000, 194_500, 1_895, 0, 35_900_000], layerCommands: [],
            metadataCommands: ["/bin/sh -c #(nop) CMD [\"/bin/bash\"]"],
            config: ContainerConfig(environment: [path], command: ["/bin/bash"]), created: created)
    }

    /// `tutum/dnsutils`: Ubuntu trusty with bind's `dnsutils` (nslookup), the book's DNS probe (5.6);
    /// its Dockerfile is `FROM ubuntu:trusty` plus `apt-get install dnsutils`.
    public static var tutumDNSUtils: BaseImageDefinition {
        let created = date(1_426_550_400) // 2015-03-17
        let root = RootFileSystems.ubuntuTrusty(extras: [InstalledProgram(path: "/usr/bin/nslookup", program: Coreutils.ProgramName.nslookup, size: 102_136)])
        return BaseImageDefinition(
            name: ImageName(path: "tutum/dnsutils"), root: root,
            layerSizes: [188_100_000, 194_500, 1_895, 0, 10_300_000], layerCommands: [],
            metadataCommands: ["/bin/sh -c #(nop) CMD [\"/bin/bash\"]"],
            config: ContainerConfig(environment: [path], command: ["/bin/bash"]), created: created)
    }

    public static var registry: BaseImageDefinition {
        let created = date(1_515_715_200) // 2018-01-12
        let root = RootFileSystems.alpine(extras: [InstalledProgram(path: "/bin/registry", program: "registry", size: 22_000_000)])
        return BaseImageDefinition(
            name: ImageName(path: "library/registry", tag: "2"), root: root,
            layerSizes: [4_147_781, 300_000, 22_000_000, 160, 6_900_000], layerCommands: [],
            metadataCommands: ["/bin/sh -c #(nop)  VOLUME [/var/lib/registry]", "/bin/sh -c #(nop)  EXPOSE 5000/tcp",
                               "/bin/sh -c #(nop)  ENTRYPOINT [\"registry\"]",
                               "/bin/sh -c #(nop)  CMD [\"serve\" \"/etc/docker/registry/config.yml\"]"],
            config: ContainerConfig(exposedPorts: ["5000/tcp"], environment: [path], command: ["serve", "/etc/docker/registry/config.yml"],
                                    entrypoint: ["registry"]),
            created: created)
    }
}
