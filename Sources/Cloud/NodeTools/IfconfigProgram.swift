import Kernel

/// net-tools' `ifconfig IFACE up|down` on a cluster node. Taking `eth0` down cuts the node off
/// the network: its kubelet stops reaching the API server and SSH sessions to it hang. Listing
/// interfaces prints their flags and IPv4 address only (no counters are kept).
struct IfconfigProgram: Program {
    let reference: EnvironmentReference

    func run(_ context: ProgramContext) async throws -> Int32 {
        let arguments = Array(context.arguments.dropFirst()).filter { $0 != "-a" }
        guard let node = reference.environment.node(running: context.machine) else {
            context.printError("ifconfig: no network interfaces\n")
            return 1
        }
        let interfaces = ["eth0", "lo"]
        guard let name = arguments.first else {
            context.print(interfaces.map { describe($0, node: node) }.joined())
            return 0
        }
        guard interfaces.contains(name) else {
            context.printError("\(name): error fetching interface information: Device not found\n")
            return 1
        }
        guard arguments.count > 1 else {
            context.print(describe(name, node: node))
            return 0
        }
        guard context.user.uid == 0 else {
            context.printError("SIOCSIFFLAGS: Operation not permitted\n")
            return 1
        }
        for word in arguments.dropFirst() {
            switch word {
            case "down":
                if name == "eth0" { node.takeInterfaceDown() }
            case "up":
                break
            default:
                context.printError("\(word): Unknown host\nifconfig: `--help' gives usage information.\n")
                return 1
            }
        }
        return 0
    }

    private func describe(_ name: String, node: ClusterNode) -> String {
        if name == "lo" {
            return "lo: flags=73<UP,LOOPBACK,RUNNING>  mtu 65536\n        inet 127.0.0.1  netmask 255.0.0.0\n\n"
        }
        let up = node.isInterfaceUp
        let flags = up ? "4163<UP,BROADCAST,RUNNING,MULTICAST>" : "4098<BROADCAST,MULTICAST>"
        return "eth0: flags=\(flags)  mtu 1460\n        inet \(node.kubelet.configuration.internalIP)  netmask 255.255.255.255  broadcast 0.0.0.0\n\n"
    }
}
