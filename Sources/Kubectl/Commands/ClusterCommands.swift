import Eras
import Formatting
import KubernetesAPI
import StructuredData

extension Commands {

    static let version = CommandSpec(
        name: "version",
        summary: "Print the client and server version information",
        description: "Print the client and server version information for the current context",
        examples: """
              # Print the client and server versions for the current context
              kubectl version
            """,
        usage: "kubectl version [options]",
        declareFlags: { flags in
            flags.add("client", "c", .bool, "Client version only (no server required).")
            flags.add("output", "o", .string, "One of 'yaml' or 'json'.")
            flags.add("short", nil, .bool, "Print just the version number.")
        },
        run: { invocation, flags in
            let short = flags.bool("short")
            let client = invocation.era.kubectl
            invocation.print(short ? "Client Version: \(client.version)\n"
                : "Client Version: \(Era.Kubectl.versionInfo(version: client.version, gitCommit: client.gitCommit, buildDate: client.buildDate, goVersion: client.goVersion))\n")
            if flags.bool("client") { return 0 }
            _ = try invocation.client()
            // The server's build is the era's; a directory may know a cluster's own version.
            let server = invocation.era.kubernetes
            let version = invocation.program.clusters.serverVersion(forServer: invocation.server) ?? server.version
            invocation.print(short ? "Server Version: \(version)\n"
                : "Server Version: \(Era.Kubectl.versionInfo(version: version, gitCommit: server.gitCommit, buildDate: server.buildDate, goVersion: server.goVersion))\n")
            return 0
        })

    static let clusterInfo = CommandSpec(
        name: "cluster-info",
        summary: "Display cluster info",
        description: "Display addresses of the master and services with label kubernetes.io/cluster-service=true To further debug and diagnose\ncluster problems, use 'kubectl cluster-info dump'.",
        examples: """
              # Print the address of the master and cluster services
              kubectl cluster-info
            """,
        usage: "kubectl cluster-info [options]",
        run: { invocation, _ in
            let client = try invocation.client()
            var text = "Kubernetes master is running at \(invocation.server)\n"
            let services = try client.list(Service.self, namespace: "kube-system", labelSelector: Labels.Selector(matching: ["kubernetes.io/cluster-service": "true"])).items
            for service in services {
                let name = service.labels["kubernetes.io/name"] ?? service.name
                text += "\(name) is running at \(invocation.server)/api/v1/namespaces/kube-system/services/\(service.name)/proxy\n"
            }
            text += "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n"
            invocation.print(text)
            return 0
        })

    static let apiVersions = CommandSpec(
        name: "api-versions",
        summary: "Print the supported API versions on the server, in the form of \"group/version\"",
        examples: """
              # Print the supported API versions
              kubectl api-versions
            """,
        usage: "kubectl api-versions [options]",
        run: { invocation, _ in
            _ = try invocation.client()
            let versions = Set(ResourceTypes.all.flatMap(\.resource.apiVersions)).subtracting(invocation.era.kubernetes.laterAPIVersions)
            invocation.print(versions.sorted().map { $0 + "\n" }.joined())
            return 0
        })

    static let apiResources = CommandSpec(
        name: "api-resources",
        summary: "Print the supported API resources on the server",
        examples: """
              # Print the supported API Resources
              kubectl api-resources
            """,
        usage: "kubectl api-resources [options]",
        run: { invocation, _ in
            _ = try invocation.client()
            var rows = [["NAME", "SHORTNAMES", "APIGROUP", "NAMESPACED", "KIND"]]
            let sorted = ResourceTypes.all.map(\.resource).sorted { ($0.group, $0.name) < ($1.group, $1.name) }
            for resource in sorted {
                rows.append([resource.name, resource.shortNames.joined(separator: ","), resource.group, resource.namespaced ? "true" : "false", resource.kind])
            }
            invocation.print(TabWriter.format(rows, with: invocation.era.kubectl.tables))
            return 0
        })
}
