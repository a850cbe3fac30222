import Kernel
import KubernetesAPI
import Simulation

/// One SRV answer (`_http._tcp.kubia.default.svc.cluster.local`).
public struct SRVRecord: Hashable, Sendable {
    public var priority: Int
    public var weight: Int
    public var port: Int
    public var target: String
}

/// kube-dns: answers `service.namespace.svc.cluster.local` with the cluster IP, or with each
/// ready pod's IP for a headless service, plus SRV records per named port. Short names go
/// through the asking pod's search path. Services and endpoints come through the cluster's
/// shared informers.
public final class ClusterDNS {
    public let domain: String
    private let informers: SharedInformerFactory
    private var services: [String: Service] = [:]
    private var endpoints: [String: Endpoints] = [:]
    private var watches: [WatchHandle] = []

    public init(informers: SharedInformerFactory, domain: String = "cluster.local") {
        self.informers = informers
        self.domain = domain
    }

    public func start() throws(APIError) {
        watches.append(try informers.services.addEventHandler { [weak self] event in
            let key = event.object.namespace + "/" + event.object.name
            self?.services[key] = event.type == .deleted ? nil : event.object
        })
        watches.append(try informers.endpoints.addEventHandler { [weak self] event in
            let key = event.object.namespace + "/" + event.object.name
            self?.endpoints[key] = event.type == .deleted ? nil : event.object
        })
    }

    public func stop() {
        for watch in watches { watch.stop() }
        watches = []
    }

    /// The names a query is tried as: as given when it has 5 dots or more (`ndots:5`), else each search domain first.
    private func candidates(_ name: String, searchPath: [String]) -> [String] {
        let trimmed = name.hasSuffix(".") ? String(name.dropLast()) : name
        if name.hasSuffix(".") { return [trimmed.lowercased()] }
        let expanded = searchPath.map { (trimmed + "." + $0).lowercased() }
        return trimmed.split(separator: ".").count > 5 ? [trimmed.lowercased()] + expanded : expanded + [trimmed.lowercased()]
    }

    /// Where names outside the cluster's domain go (the node's resolver: the internet's DNS).
    public var upstream: ((String) -> NameAnswer?)?

    /// A records for `name`, or nil when the cluster does not know it.
    public func resolve(_ name: String, searchPath: [String] = []) -> [String]? {
        guard let addresses = lookup(name, searchPath: searchPath)?.addresses, !addresses.isEmpty else { return nil }
        return addresses
    }

    /// The answer for `name` tried along the search path: a service's cluster IP, a headless
    /// service's ready pods, an ExternalName service's CNAME (followed upstream), or what the
    /// upstream resolver says of a name outside the cluster's domain.
    public func lookup(_ name: String, searchPath: [String] = []) -> NameAnswer? {
        for candidate in candidates(name, searchPath: searchPath) {
            if let answer = answer(forFullName: candidate, depth: 0) { return answer }
        }
        return nil
    }

    private func answer(forFullName name: String, depth: Int) -> NameAnswer? {
        guard depth < DomainNameZone.maximumChain else { return nil }
        guard name == domain || name.hasSuffix("." + domain) else { return upstream?(name) }
        if let target = externalName(ofFullName: name) {
            let alias = NameAnswer.Alias(name: name, canonicalName: target)
            // kube-dns answers the CNAME, and chases the target (inside the cluster or upstream).
            let rest = answer(forFullName: target, depth: depth + 1)
            return NameAnswer(aliases: [alias] + (rest?.aliases ?? []), addresses: rest?.addresses ?? [])
        }
        guard let addresses = addresses(ofFullName: name), !addresses.isEmpty else { return nil }
        return NameAnswer(addresses: addresses)
    }

    /// The `externalName` of the ExternalName service `name` names, lowercased, without a root dot.
    private func externalName(ofFullName name: String) -> String? {
        let suffix = ".svc." + domain
        guard name.hasSuffix(suffix) else { return nil }
        let labels = name.dropLast(suffix.count).split(separator: ".").map(String.init)
        guard labels.count == 2, let service = services[labels[1] + "/" + labels[0]],
              service.spec?.type == ServiceSpec.externalName, let target = service.spec?.externalName, !target.isEmpty else { return nil }
        return (target.hasSuffix(".") ? String(target.dropLast()) : target).lowercased()
    }

    private func addresses(ofFullName name: String) -> [String]? {
        let suffix = ".svc." + domain
        guard name.hasSuffix(suffix) else { return nil }
        let labels = name.dropLast(suffix.count).split(separator: ".").map(String.init)
        switch labels.count {
        case 2:
            guard let service = services[labels[1] + "/" + labels[0]] else { return nil }
            if let clusterIP = service.spec?.clusterIP, clusterIP != "None", !clusterIP.isEmpty { return [clusterIP] }
            return readyAddresses(namespace: labels[1], service: labels[0]).map(\.ip)
        case 3:
            // A pod of a headless service by its hostname (stateful set pods).
            return readyAddresses(namespace: labels[2], service: labels[1]).filter { $0.hostname == labels[0] }.map(\.ip)
        default:
            return nil
        }
    }

    private func readyAddresses(namespace: String, service: String) -> [EndpointAddress] {
        let all = (endpoints[namespace + "/" + service]?.subsets ?? []).flatMap { $0.addresses ?? [] }
        var seen = Set<String>()
        return all.filter { seen.insert($0.ip).inserted }.sorted { $0.ip < $1.ip }
    }

    /// SRV records for `_port._proto.service.namespace.svc.cluster.local` (or the bare service name).
    public func resolveServiceRecords(_ name: String, searchPath: [String] = []) -> [SRVRecord]? {
        for candidate in candidates(name, searchPath: searchPath) {
            let suffix = ".svc." + domain
            guard candidate.hasSuffix(suffix) else { continue }
            var labels = candidate.dropLast(suffix.count).split(separator: ".").map(String.init)
            var portName: String?
            if labels.count == 4, labels[0].hasPrefix("_"), labels[1].hasPrefix("_") {
                portName = String(labels[0].dropFirst())
                labels.removeFirst(2)
            }
            guard labels.count == 2, let service = services[labels[1] + "/" + labels[0]] else { continue }
            let namespace = labels[1], serviceName = labels[0]
            let ports = (service.spec?.ports ?? []).filter { portName == nil || $0.name == portName }
            guard !ports.isEmpty else { continue }
            var records: [SRVRecord] = []
            let headless = service.spec?.clusterIP == "None"
            for port in ports {
                if headless {
                    for address in readyAddresses(namespace: namespace, service: serviceName) {
                        let host = address.hostname ?? address.ip.replacingOccurrences(of: ".", with: "-")
                        let endpointPort = endpoints[namespace + "/" + serviceName]?.subsets?.first?.ports?.first { $0.name == port.name }?.port ?? port.port
                        records.append(SRVRecord(priority: 10, weight: 100, port: Int(endpointPort), target: "\(host).\(serviceName).\(namespace).svc.\(domain)"))
                    }
                } else {
                    records.append(SRVRecord(priority: 10, weight: 100, port: Int(port.port), target: "\(serviceName).\(namespace).svc.\(domain)"))
                }
            }
            if !records.isEmpty { return records }
        }
        return nil
    }
}
