import Kernel

/// `gcloud compute firewall-rules create|list|delete` (SDK of late 2017: rules have a direction
/// and a priority; the table shows ALLOW and DENY).
extension GcloudProgram {
    static let firewallHeader = ["NAME", "NETWORK", "DIRECTION", "PRIORITY", "ALLOW", "DENY"]

    private func row(_ rule: FirewallRule) -> [String] {
        [rule.name, "default", "INGRESS", String(rule.priority), rule.allowed.joined(separator: ","), ""]
    }

    func firewallRules(_ context: ProgramContext, _ arguments: [String]) async throws -> Int32 {
        let environment = reference.environment
        let (positionals, flags) = parse(arguments)
        let link = "https://www.googleapis.com/compute/v1/projects/\(environment.project)/global/firewalls/"
        switch positionals.first {
        case "create":
            guard positionals.count > 1 else {
                context.printError("ERROR: (gcloud.compute.firewall-rules.create) argument NAME: Must be specified.\n")
                return 2
            }
            let name = positionals[1]
            guard let allow = flags["allow"], !allow.isEmpty else {
                context.printError("ERROR: (gcloud.compute.firewall-rules.create) Exactly one of (--action | --allow) must be specified.\n")
                return 2
            }
            let allowed = allow.split(separator: ",").map(String.init)
            if let bad = allowed.first(where: { !FirewallRule.isValid($0) }) {
                context.printError("ERROR: (gcloud.compute.firewall-rules.create) Invalid value for [--allow]: Firewall rules must be of the form PROTOCOL[:PORT[-PORT]]; received [\(bad)].\n")
                return 1
            }
            guard environment.firewallRules.allSatisfy({ $0.name != name }) else {
                context.printError("ERROR: (gcloud.compute.firewall-rules.create) Could not fetch resource:\n - The resource 'projects/\(environment.project)/global/firewalls/\(name)' already exists\n\n")
                return 1
            }
            let sources = flags["source-ranges"] ?? "0.0.0.0/0"
            for (index, source) in sources.split(separator: ",", omittingEmptySubsequences: false).enumerated()
            where FirewallRule.range(String(source)) == nil {
                context.printError("ERROR: (gcloud.compute.firewall-rules.create) Could not fetch resource:\n - Invalid value for field 'resource.sourceRanges[\(index)]': '\(source)'. Must be a CIDR address range that is contained in the network.\n\n")
                return 1
            }
            let rule = FirewallRule(name: name, allowed: allowed, sourceRange: sources, priority: 1000)
            environment.firewallRules.append(rule)
            context.printError("Creating firewall...")
            try await context.process.sleep(for: .seconds(10), skippable: true)
            context.printError("Created [\(link)\(name)].\n")
            context.printError("done.\n")
            context.print(Self.table([Self.firewallHeader, row(rule)]))
            return 0
        case "list":
            let rules = environment.firewallRules.sorted { $0.name < $1.name }
            context.print(Self.table([Self.firewallHeader] + rules.map(row)))
            context.printError("\nTo show all fields of the firewall, please show in JSON format: --format=json\nTo show all fields in table format, please see the examples in --help.\n\n")
            return 0
        case "delete":
            let names = Array(positionals.dropFirst())
            guard !names.isEmpty else {
                context.printError("ERROR: (gcloud.compute.firewall-rules.delete) argument NAME [NAME ...]: Must be specified.\n")
                return 2
            }
            if flags["quiet"] == nil {
                context.printError("The following firewalls will be deleted:\n" + names.map { " - [\($0)]\n" }.joined() + "\n")
                guard try await Self.confirm(context) else {
                    context.printError("ERROR: (gcloud.compute.firewall-rules.delete) Aborted by user.\n")
                    return 1
                }
            }
            for name in names {
                guard environment.firewallRules.contains(where: { $0.name == name }) else {
                    context.printError("ERROR: (gcloud.compute.firewall-rules.delete) Could not fetch resource:\n - The resource 'projects/\(environment.project)/global/firewalls/\(name)' was not found\n\n")
                    return 1
                }
                environment.firewallRules.removeAll { $0.name == name }
                try await context.process.sleep(for: .seconds(5), skippable: true)
                context.printError("Deleted [\(link)\(name)].\n")
            }
            return 0
        default:
            context.printError("ERROR: (gcloud.compute.firewall-rules) Invalid choice: '\(positionals.first ?? "")'.\n")
            return 2
        }
    }
}
