import ControlPlane
import Eras
import Kernel
import KubernetesAPI
import Simulation

/// `gcloud` (of the environment's era): GKE clusters (`container clusters create|list|delete`) and their VMs
/// (`compute instances list|stop|start`).
public struct GcloudProgram: Program {
    let reference: EnvironmentReference

    public init(environment: CloudEnvironment) {
        reference = EnvironmentReference(environment: environment)
    }

    public func run(_ context: ProgramContext) async throws -> Int32 {
        let arguments = Array(context.arguments.dropFirst())
        switch (arguments.first, arguments.dropFirst().first) {
        case ("container", "clusters"): return try await clusters(context, Array(arguments.dropFirst(2)))
        case ("compute", "instances"): return try await instances(context, Array(arguments.dropFirst(2)))
        case ("compute", "ssh"): return try await secureShell(context, Array(arguments.dropFirst(2)))
        case ("compute", "firewall-rules"): return try await firewallRules(context, Array(arguments.dropFirst(2)))
        case ("version", _), ("--version", _):
            context.print(reference.environment.era.gke.sdkVersions)
            return 0
        default:
            context.printError("ERROR: (gcloud) Invalid choice: '\(arguments.first ?? "")'.\nUsage: gcloud [optional flags] <group | command>\n")
            return 2
        }
    }

    /// Flags that take no value (gcloud's global `--quiet`, `-q`, and `--async`).
    static let booleanFlags: Set<String> = ["quiet", "async"]
    /// A round trip from the learner's machine to the zone's load balancers, as a nearby
    /// region answers: a curl there takes two (handshake, then request and answer).
    static let regionRoundTrip: Duration = .milliseconds(35)

    /// Splits `--flag value`, `--flag=value` and positionals.
    func parse(_ arguments: [String]) -> (positionals: [String], flags: [String: String]) {
        var positionals: [String] = []
        var flags: [String: String] = [:]
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "-q" {
                flags["quiet"] = ""
            } else if argument.hasPrefix("--"), Self.booleanFlags.contains(String(argument.dropFirst(2))) {
                flags[String(argument.dropFirst(2))] = ""
            } else if argument.hasPrefix("--") {
                let body = argument.dropFirst(2)
                if let equals = body.firstIndex(of: "=") {
                    flags[String(body[..<equals])] = String(body[body.index(after: equals)...])
                } else if index + 1 < arguments.count, !arguments[index + 1].hasPrefix("--") {
                    flags[String(body)] = arguments[index + 1]
                    index += 1
                } else {
                    flags[String(body)] = ""
                }
            } else {
                positionals.append(argument)
            }
            index += 1
        }
        return (positionals, flags)
    }

    /// gcloud's tables: columns padded to the widest cell plus two spaces.
    static func table(_ rows: [[String]]) -> String {
        guard let first = rows.first else { return "" }
        var widths = Array(repeating: 0, count: first.count)
        for row in rows { for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], cell.count) } }
        return rows.map { row in
            var line = ""
            for (index, cell) in row.enumerated() {
                line += index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count + 2)
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line + "\n"
        }.joined()
    }

    private func clusterRow(_ cluster: SimulatedCluster, machineType: String) -> [String] {
        let version = reference.environment.era.gke.version
        return [cluster.profile.name, reference.environment.zone, version, cluster.profile.configuration.masterAddress, machineType,
                version, String(cluster.nodes.count), "RUNNING"]
    }

    /// The era names the second column `ZONE` (gcloud of 2017) or `LOCATION` (regional clusters, 2018 on).
    private var clusterHeader: [String] {
        ["NAME", reference.environment.era.gke.locationColumn, "MASTER_VERSION", "MASTER_IP", "MACHINE_TYPE", "NODE_VERSION", "NUM_NODES", "STATUS"]
    }

    private func clusters(_ context: ProgramContext, _ arguments: [String]) async throws -> Int32 {
        let environment = reference.environment
        let (positionals, flags) = parse(arguments)
        let home = context.environment["HOME"] ?? context.user.home
        switch positionals.first {
        case "create":
            guard positionals.count > 1 else {
                context.printError("ERROR: (gcloud.container.clusters.create) argument NAME: Must be specified.\n")
                return 2
            }
            let name = positionals[1]
            guard environment.gke[name] == nil else {
                context.printError("ERROR: (gcloud.container.clusters.create) ResponseError: code=409, message=Already exists: projects/\(environment.project)/zones/\(environment.zone)/clusters/\(name).\n")
                return 1
            }
            let count = Int(flags["num-nodes"] ?? "3") ?? 3
            let machineType = flags["machine-type"] ?? "n1-standard-1"
            context.printError("Creating cluster \(name)...")
            let profile = makeProfile(name: name, nodes: max(count, 1), machineType: machineType)
            try await context.process.sleep(for: .seconds(180), skippable: true)
            let externalRange = IPv4Range(parsing: "35.187.0.0/16") ?? IPv4Range(base: 0x23BB_0000, prefixLength: 16)
            let addresses = SimulatedCloudProvider(name: "gce", externalRange: externalRange,
                                                   provisioningDelay: .seconds(45), random: environment.random.split())
            // Names GKE derives from the cluster; hashed from what is already drawn, so that
            // the world's random sequence stays as it was.
            let hash = Self.nameHash(name + "/" + (profile.nodes.first?.name ?? ""))
            let provider = GCELoadBalancers(addresses: addresses, environment: environment, clusterID: hash + Self.nameHash(hash))
            let cluster: SimulatedCluster
            do {
                cluster = try SimulatedCluster(profile: profile, environment: environment, cloudProvider: provider)
            } catch {
                context.printError("failed.\nERROR: (gcloud.container.clusters.create) \(error.message)\n")
                return 1
            }
            environment.gke[name] = cluster
            environment.machineTypes[name] = machineType
            let podRange = IPv4Range(base: profile.nodes.first?.podCIDR.base ?? 0, prefixLength: 14).description
            environment.firewallRules += FirewallRule.gkeCluster(name: name, hash: hash, podRange: podRange,
                                                                 master: profile.configuration.masterAddress)
            // The region's load balancers are across the internet from the workstation.
            environment.network.add(DistantRange(name: "gke-" + name, roundTrip: Self.regionRoundTrip) { address in
                IPv4Range.address(address).map(externalRange.contains) ?? false
            })
            context.printError("done.\n")
            context.printError("Created [https://container.googleapis.com/v1/projects/\(environment.project)/zones/\(environment.zone)/clusters/\(name)].\n")
            KubeconfigFile.add(context.machine.fileSystem, home: home, name: "gke_\(environment.project)_\(environment.zone)_\(name)", server: cluster.server, as: context.user)
            context.printError("kubeconfig entry generated for \(name).\n")
            context.print(Self.table([clusterHeader, clusterRow(cluster, machineType: machineType)]))
            return 0
        case "list":
            let rows = environment.gke.keys.sorted().compactMap { key in
                environment.gke[key].map { clusterRow($0, machineType: environment.machineTypes[key] ?? "n1-standard-1") }
            }
            if !rows.isEmpty { context.print(Self.table([clusterHeader] + rows)) }
            return 0
        case "get-credentials":
            guard positionals.count > 1 else {
                context.printError("ERROR: (gcloud.container.clusters.get-credentials) argument NAME: Must be specified.\n")
                return 2
            }
            let name = positionals[1]
            context.printError("Fetching cluster endpoint and auth data.\n")
            guard let cluster = environment.gke[name] else {
                context.printError("ERROR: (gcloud.container.clusters.get-credentials) ResponseError: code=404, message=Not found: projects/\(environment.project)/zones/\(environment.zone)/clusters/\(name).\n")
                return 1
            }
            KubeconfigFile.add(context.machine.fileSystem, home: home, name: "gke_\(environment.project)_\(environment.zone)_\(name)", server: cluster.server, as: context.user)
            context.printError("kubeconfig entry generated for \(name).\n")
            return 0
        case "delete":
            guard positionals.count > 1 else {
                context.printError("ERROR: (gcloud.container.clusters.delete) argument NAME [NAME ...]: Must be specified.\n")
                return 2
            }
            // gcloud asks before it looks the cluster up, unless told to assume yes.
            if environment.era.gke.deleteConfirms, flags["quiet"] == nil {
                context.printError("The following clusters will be deleted.\n - [\(positionals[1])] in [\(environment.zone)]\n\n")
                guard try await Self.confirm(context) else {
                    context.printError("ERROR: (gcloud.container.clusters.delete) Aborted by user.\n")
                    return 1
                }
            }
            guard let cluster = environment.gke[positionals[1]] else {
                context.printError("ERROR: (gcloud.container.clusters.delete) Some requests did not succeed:\n - ResponseError: code=404, message=Not found: projects/\(environment.project)/zones/\(environment.zone)/clusters/\(positionals.dropFirst().first ?? "").\n\n")
                return 1
            }
            let name = positionals[1]
            context.printError("Deleting cluster \(name)...")
            try await context.process.sleep(for: .seconds(120), skippable: true)
            cluster.shutDown()
            environment.gke[name] = nil
            environment.firewallRules.removeAll { $0.name.hasPrefix("gke-\(name)-") }
            environment.network.remove(distantRangeNamed: "gke-" + name)
            KubeconfigFile.remove(context.machine.fileSystem, home: home, name: "gke_\(environment.project)_\(environment.zone)_\(name)", as: context.user)
            context.printError("done.\nDeleted [https://container.googleapis.com/v1/projects/\(environment.project)/zones/\(environment.zone)/clusters/\(name)].\n")
            return 0
        default:
            context.printError("ERROR: (gcloud.container.clusters) Invalid choice: '\(positionals.first ?? "")'.\n")
            return 2
        }
    }

    /// gcloud's `Do you want to continue (Y/n)?` on standard error: Enter, end of input, `y` or
    /// `yes` go on; `n` or `no` stop; anything else asks again.
    static func confirm(_ context: ProgramContext) async throws -> Bool {
        let input = LineBuffer(context.stdin)
        context.printError("Do you want to continue (Y/n)?  ")
        while true {
            guard let line = try await input.readLine() else {
                context.printError("\n")
                return true
            }
            switch line.filter({ $0 != "\r" }).lowercased() {
            case "", "y", "yes":
                context.printError("\n")
                return true
            case "n", "no":
                context.printError("\n")
                return false
            default:
                context.printError("Please enter 'y' or 'n':  ")
            }
        }
    }

    /// Eight hex digits from `text` (FNV-1a), for the names GKE derives from a cluster.
    static func nameHash(_ text: String) -> String {
        var hash: UInt32 = 0x811C_9DC5
        for byte in text.utf8 { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }

    private func makeProfile(name: String, nodes count: Int, machineType: String) -> ClusterProfile {
        let environment = reference.environment
        let pool = environment.random.hexString(count: 8)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        let clusterIndex = UInt32(environment.gke.count)
        let base = 0x0A00_0000 + (clusterIndex << 18)
        var nodes: [ClusterProfile.NodeSpec] = []
        for index in 0..<count {
            let nodeName = "gke-\(name)-default-pool-\(pool)-" + environment.random.string(count: 4, alphabet: alphabet)
            let external = "35.\(187 + Int(clusterIndex)).\(environment.random.integer(in: 0...255)).\(environment.random.integer(in: 1...254))"
            nodes.append(ClusterProfile.NodeSpec(
                name: nodeName, internalIP: "10.132.\(clusterIndex).\(index + 2)", externalIP: external,
                podCIDR: IPv4Range(base: base + UInt32(index) << 8, prefixLength: 24),
                labels: ["cloud.google.com/gke-nodepool": "default-pool", "beta.kubernetes.io/instance-type": machineType,
                         "failure-domain.beta.kubernetes.io/region": String(environment.zone.dropLast(2)),
                         "failure-domain.beta.kubernetes.io/zone": environment.zone]))
        }
        let serviceRange = IPv4Range(base: base + 0x3_F000, prefixLength: 20)
        let master = "35.\(190 + Int(clusterIndex)).\(environment.random.integer(in: 0...255)).\(environment.random.integer(in: 1...254))"
        return ClusterProfile(
            name: name, version: "v" + environment.era.gke.version,
            configuration: ClusterConfiguration(serviceCIDR: serviceRange, masterAddress: master, securePort: 443),
            nodes: nodes, osImage: environment.era.gke.osImage, kernelVersion: environment.era.gke.kernelVersion, cpu: "1", memory: "600Mi",
            cloud: true, dashboard: false, clusterDNS: IPv4Range.format(serviceRange.address(at: 10)))
    }

    func secureShell(_ context: ProgramContext, _ arguments: [String]) async throws -> Int32 {
        let environment = reference.environment
        let (positionals, flags) = parse(arguments)
        guard let name = positionals.first else {
            context.printError("ERROR: (gcloud.compute.ssh) argument [USER@]INSTANCE: Must be specified.\n")
            return 2
        }
        let instance = name.split(separator: "@").last.map(String.init) ?? name
        let nodes = environment.gke.values.flatMap(\.nodes)
        guard let node = nodes.first(where: { $0.name == instance }) else {
            context.printError("ERROR: (gcloud.compute.ssh) Could not fetch resource:\n - The resource 'projects/\(environment.project)/zones/\(environment.zone)/instances/\(instance)' was not found\n\n")
            return 1
        }
        guard node.isReachable else {
            context.printError("ssh: connect to host \(node.kubelet.configuration.externalIP ?? instance) port 22: Connection timed out\nERROR: (gcloud.compute.ssh) [/usr/bin/ssh] exited with return code [255].\n")
            return 255
        }
        let userName = context.user.userName == "root" ? "root" : context.user.userName
        let home = userName == "root" ? "/root" : "/home/" + userName
        try? node.machine.fileSystem.createDirectory(home, intermediates: true)
        let user = userName == "root" ? Credentials.root : Credentials(uid: 1000, gid: 1000, userName: userName, home: home)
        let command = flags["command"].map { [$0] } ?? []
        let status = try await NodeShell.run(on: node.machine, node: node, host: node.kubelet.configuration.externalIP ?? instance,
                                             prompt: "\\u@\\h \\w \\$ ", user: user, command: command, context: context)
        // ssh's own failures end in 255, which gcloud reports.
        if status == 255 { context.printError("ERROR: (gcloud.compute.ssh) [/usr/bin/ssh] exited with return code [255].\n") }
        return status
    }

    private func instances(_ context: ProgramContext, _ arguments: [String]) async throws -> Int32 {
        let environment = reference.environment
        let (positionals, _) = parse(arguments)
        let all = environment.gke.keys.sorted().flatMap { key in (environment.gke[key]?.nodes ?? []).map { (key, $0) } }
        switch positionals.first {
        case "list":
            var rows = [["NAME", "ZONE", "MACHINE_TYPE", "PREEMPTIBLE", "INTERNAL_IP", "EXTERNAL_IP", "STATUS"]]
            for (key, node) in all.sorted(by: { $0.1.name < $1.1.name }) {
                rows.append([node.name, environment.zone, environment.machineTypes[key] ?? "n1-standard-1", "", node.kubelet.configuration.internalIP,
                             node.isRunning ? node.kubelet.configuration.externalIP ?? "" : "", node.isRunning ? "RUNNING" : "TERMINATED"])
            }
            if rows.count > 1 { context.print(Self.table(rows)) }
            return 0
        case "stop", "start":
            let verb = positionals[0]
            let names = Array(positionals.dropFirst())
            guard !names.isEmpty else {
                context.printError("ERROR: (gcloud.compute.instances.\(verb)) argument INSTANCE_NAMES [INSTANCE_NAMES ...]: Must be specified.\n")
                return 2
            }
            for name in names {
                guard let node = all.first(where: { $0.1.name == name })?.1 else {
                    context.printError("ERROR: (gcloud.compute.instances.\(verb)) HTTPError 404: The resource 'projects/\(environment.project)/zones/\(environment.zone)/instances/\(name)' was not found\n")
                    return 1
                }
                context.printError("\(verb == "stop" ? "Stopping" : "Starting") instance(s) \(name)...")
                try await context.process.sleep(for: .seconds(verb == "stop" ? 30 : 20), skippable: true)
                if verb == "stop" { node.kubelet.stop() } else { try? node.kubelet.start() }
                context.printError("done.\nUpdated [https://www.googleapis.com/compute/v1/projects/\(environment.project)/zones/\(environment.zone)/instances/\(name)].\n")
            }
            return 0
        case "reset":
            let names = Array(positionals.dropFirst())
            guard !names.isEmpty else {
                context.printError("ERROR: (gcloud.compute.instances.reset) argument INSTANCE_NAMES [INSTANCE_NAMES ...]: Must be specified.\n")
                return 2
            }
            for name in names {
                guard let node = all.first(where: { $0.1.name == name })?.1 else {
                    context.printError("ERROR: (gcloud.compute.instances.reset) HTTPError 404: The resource 'projects/\(environment.project)/zones/\(environment.zone)/instances/\(name)' was not found\n")
                    return 1
                }
                try await context.process.sleep(for: .seconds(3), skippable: true)
                // A reset is a hard power cycle of a running instance; a stopped one stays stopped.
                if node.isRunning { node.reset() }
                context.printError("Updated [https://www.googleapis.com/compute/v1/projects/\(environment.project)/zones/\(environment.zone)/instances/\(name)].\n")
            }
            return 0
        default:
            context.printError("ERROR: (gcloud.compute.instances) Invalid choice: '\(positionals.first ?? "")'.\n")
            return 2
        }
    }
}
