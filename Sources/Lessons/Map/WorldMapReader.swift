import Foundation
import StructuredData

/// Builds a `WorldMap` the way the learner could: read-only `kubectl get … -o json` and
/// `docker ps`/`docker images` commands, run out of sight by `run`.
public struct WorldMapReader {
    /// Runs a command line silently, giving its exit status and output.
    public var run: (String) -> (status: Int32, output: String)

    public init(run: @escaping (String) -> (status: Int32, output: String)) {
        self.run = run
    }

    public func read() -> WorldMap {
        WorldMap(cluster: readCluster(), docker: readDocker())
    }

    // MARK: The cluster

    /// The objects kubectl lists; nil when it reaches no cluster.
    func readCluster() -> WorldMap.Cluster? {
        guard let nodes = items("nodes") else { return nil }
        let pods = items("pods") ?? []
        let endpoints = items("endpoints") ?? []
        var podsByNode: [String: [WorldMap.Pod]] = [:]
        var unscheduled: [WorldMap.Pod] = []
        for pod in pods {
            let shown = WorldMap.Pod(name: name(of: pod), status: Self.status(of: pod), address: pod["status"]?["podIP"]?.stringValue ?? "")
            if let node = pod["spec"]?["nodeName"]?.stringValue, !node.isEmpty {
                podsByNode[node, default: []].append(shown)
            } else {
                unscheduled.append(shown)
            }
        }
        let mapNodes = nodes.map { node in
            let addresses = node["status"]?["addresses"]?.arrayValue ?? []
            let internalAddress = addresses.first { $0["type"]?.stringValue == "InternalIP" }?["address"]?.stringValue
            return WorldMap.Node(name: name(of: node), address: internalAddress ?? "", pods: podsByNode[name(of: node)] ?? [])
        }
        let services = (items("services") ?? []).map { service in
            let serviceName = name(of: service)
            let endpoint = endpoints.first { name(of: $0) == serviceName }
            let targets = (endpoint?["subsets"]?.arrayValue ?? []).flatMap { subset in
                (subset["addresses"]?.arrayValue ?? []).map { address in
                    address["targetRef"]?["name"]?.stringValue ?? address["ip"]?.stringValue ?? ""
                }
            }
            return WorldMap.Service(name: serviceName, type: service["spec"]?["type"]?.stringValue ?? "",
                                    clusterAddress: service["spec"]?["clusterIP"]?.stringValue ?? "",
                                    targets: targets.filter { !$0.isEmpty })
        }
        return WorldMap.Cluster(nodes: mapNodes, unscheduledPods: unscheduled, services: services, controllers: readControllers(pods: pods))
    }

    /// The items of `kubectl get resource -o json`, nil when kubectl fails.
    func items(_ resource: String) -> [JSONValue]? {
        let result = run("kubectl get \(resource) -o json")
        guard result.status == 0, let list = try? JSONValue.parse(result.output) else { return nil }
        return list["items"]?.arrayValue ?? []
    }

    func name(of object: JSONValue) -> String {
        object["metadata"]?["name"]?.stringValue ?? ""
    }

    /// What kubectl's STATUS column would say, near enough: terminating, a container's waiting or
    /// terminated reason, else the phase.
    static func status(of pod: JSONValue) -> String {
        if let deletion = pod["metadata"]?["deletionTimestamp"], !deletion.isNull { return "Terminating" }
        for container in pod["status"]?["containerStatuses"]?.arrayValue ?? [] {
            if let reason = container["state"]?["waiting"]?["reason"]?.stringValue { return reason }
            if let reason = container["state"]?["terminated"]?["reason"]?.stringValue { return reason }
        }
        return pod["status"]?["phase"]?.stringValue ?? "Unknown"
    }

    // MARK: Docker

    func readDocker() -> WorldMap.Docker {
        var docker = WorldMap.Docker()
        let containers = run("docker ps -a")
        if containers.status == 0 {
            docker.containers = Self.table(containers.output, columns: ["CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"])
                .map { WorldMap.Container(name: $0[6], status: $0[4], image: $0[1], ports: $0[5]) }
        }
        let images = run("docker images")
        guard images.status == 0 else { return docker }
        let rows = Self.table(images.output, columns: ["REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"])
        docker.images = rows.filter { $0[0] != "<none>" }.map { $0[1] == "<none>" ? $0[0] : $0[0] + ":" + $0[1] }
        // An image's repository digests name the registry repositories it was pulled from or pushed to.
        var repositories: [String: [String]] = [:]
        let inspected = docker.images.isEmpty ? nil : run("docker inspect --type image " + docker.images.joined(separator: " "))
        if let inspected, inspected.status == 0, let objects = (try? JSONValue.parse(inspected.output))?.arrayValue {
            for digest in objects.flatMap({ $0["RepoDigests"]?.arrayValue ?? [] }).compactMap(\.stringValue) {
                let repository = String(digest.split(separator: "@").first ?? "")
                let (host, path) = Self.registryLocation(of: repository)
                if !(repositories[host]?.contains(path) ?? false) { repositories[host, default: []].append(path) }
            }
        }
        docker.registries = repositories.keys.sorted().map { WorldMap.Registry(host: $0, repositories: repositories[$0] ?? []) }
        return docker
    }

    /// The registry host and repository path an image repository name refers to (Docker's rules:
    /// a first component with a dot or colon, or `localhost`, is a host; otherwise Docker Hub).
    static func registryLocation(of repository: String) -> (host: String, path: String) {
        let parts = repository.split(separator: "/", maxSplits: 1).map(String.init)
        if parts.count == 2, parts[0].contains(".") || parts[0].contains(":") || parts[0] == "localhost" {
            return (parts[0], parts[1])
        }
        return ("docker.io", parts.count == 2 ? repository : "library/" + repository)
    }

    /// The cells of a table docker printed, cut at where each of `columns` starts in the header.
    static func table(_ text: String, columns: [String]) -> [[String]] {
        let lines = text.split(separator: "\n").map { Array(String($0)) }
        guard let header = lines.first.map({ String($0) }) else { return [] }
        var starts: [Int] = []
        for title in columns {
            guard let range = header.range(of: title) else { return [] }
            starts.append(header.distance(from: header.startIndex, to: range.lowerBound))
        }
        return lines.dropFirst().map { line in
            starts.indices.map { index in
                let start = min(starts[index], line.count)
                let end = index + 1 < starts.count ? min(starts[index + 1], line.count) : line.count
                return String(line[start..<end]).trimmingCharacters(in: .whitespaces)
            }
        }
    }
}
