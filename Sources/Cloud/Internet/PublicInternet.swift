import Kernel
import Simulation
import Userland

/// The internet beyond the learner's machines, as far as the simulation has one: public DNS
/// records and a machine per site running nginx over the site's files. The workstation and the
/// cluster nodes ask its DNS; kube-dns forwards to it what is not the cluster's.
enum PublicInternet {
    /// Brings the sites up on `network` and enters their names in its zone; returns their machines.
    static func install(on network: Network, loop: EventLoop, programs: ProgramRegistry) -> [Machine] {
        var sites: [Machine] = []
        for site in PublicSites.all {
            let fileSystem = FileSystem(root: RootFileSystems.nginxAlpine())
            for (path, content) in site.files.sorted(by: { $0.key < $1.key }) {
                try? fileSystem.writeFile("/usr/share/nginx/html/" + path, Array(content.utf8))
            }
            let machine = Machine(hostname: site.names[0], loop: loop, fileSystem: fileSystem, programs: programs, network: network)
            network.assign(site.address, to: machine.networkStack)
            for name in site.names { network.zone.add(name: name, addresses: [site.address]) }
            _ = try? machine.start(["nginx", "-g", "daemon off;"], environment: ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin"],
                                   workingDirectory: "/", user: .root, stdin: EmptyReader(),
                                   stdout: DiscardingStream(), stderr: DiscardingStream())
            sites.append(machine)
        }
        return sites
    }
}
