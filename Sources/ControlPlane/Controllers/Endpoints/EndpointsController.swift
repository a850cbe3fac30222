import KubernetesAPI
import Simulation

/// Keeps one Endpoints object per service with a selector: the IPs of the selected pods that have
/// one, ready pods under `addresses`, the rest under `notReadyAddresses` (`pkg/controller/endpoint`).
/// Services, pods and endpoints are read from the shared informers' listers.
public final class EndpointsController: Controller {
    private let client: any KubernetesClient
    private let loop: EventLoop
    private let serviceInformer: SharedInformer<Service>
    private let podInformer: SharedInformer<Pod>
    private let endpointsInformer: SharedInformer<Endpoints>
    private lazy var queue = WorkQueue(loop: loop) { [weak self] key in self?.sync(key) }
    private var handlers: [WatchHandle] = []
    private var services: [String: Service] = [:]
    private var servicesByNamespace: [String: Set<String>] = [:]
    /// The services each pod was last selected by, so a relabelled pod updates the old ones too.
    private var podServices: [String: Set<String>] = [:]

    public init(context: ControllerContext) {
        self.client = context.client
        self.loop = context.loop
        self.serviceInformer = context.informers.services
        self.podInformer = context.informers.pods
        self.endpointsInformer = context.informers.endpoints
    }

    public func start() throws(APIError) {
        handlers.append(try serviceInformer.addEventHandler { [weak self] event in self?.handle(event) })
        handlers.append(try podInformer.addEventHandler { [weak self] event in self?.handle(event) })
    }

    public func stop() {
        for handler in handlers { handler.stop() }
        handlers.removeAll()
        queue.stop()
    }

    private func handle(_ event: WatchEvent<Service>) {
        let service = event.object
        let key = ObjectKey.make(namespace: service.namespace, name: service.name)
        if event.type == .deleted {
            services[key] = nil
            servicesByNamespace[service.namespace]?.remove(key)
        } else {
            services[key] = service
            servicesByNamespace[service.namespace, default: []].insert(key)
        }
        queue.add(key)
    }

    private func handle(_ event: WatchEvent<Pod>) {
        let pod = event.object
        let podKey = ObjectKey.make(namespace: pod.namespace, name: pod.name)
        var selecting: Set<String> = []
        if event.type != .deleted {
            for key in servicesByNamespace[pod.namespace] ?? [] {
                guard let selector = services[key]?.spec?.selector, !selector.isEmpty else { continue }
                if selector.allSatisfy({ pod.labels[$0.key] == $0.value }) { selecting.insert(key) }
            }
        }
        let affected = selecting.union(podServices[podKey] ?? [])
        podServices[podKey] = selecting.isEmpty ? nil : selecting
        for key in affected.sorted() { queue.add(key) }
    }

    private func sync(_ key: String) {
        let (namespace, name) = ObjectKey.split(key)
        guard let service = serviceInformer.get(namespace: namespace, name: name) else {
            _ = try? client.delete(Endpoints.self, namespace: namespace, name: name)
            return
        }
        guard let selector = service.spec?.selector, !selector.isEmpty else { return }
        let pods = podInformer.list(namespace: namespace, labelSelector: Labels.Selector(matching: selector))
        let subsets = Self.subsets(for: service, pods: pods)
        if var current = endpointsInformer.get(namespace: namespace, name: name) {
            guard (current.subsets ?? []) != subsets || current.metadata.labels != service.metadata.labels else { return }
            current.subsets = subsets
            current.metadata.labels = service.metadata.labels
            _ = try? client.update(current)
        } else {
            let endpoints = Endpoints(metadata: ObjectMeta(name: name, namespace: namespace, labels: service.metadata.labels), subsets: subsets)
            _ = try? client.create(endpoints)
        }
    }

    /// The subsets of a service: one per distinct port set, addresses sorted by IP.
    static func subsets(for service: Service, pods: [Pod]) -> [EndpointSubset] {
        let tolerateUnready = service.spec?.publishNotReadyAddresses == true
        var groups: [[EndpointPort]: (ready: [EndpointAddress], notReady: [EndpointAddress])] = [:]
        var order: [[EndpointPort]] = []
        for pod in pods {
            guard let ip = pod.status?.podIP, !ip.isEmpty, pod.metadata.deletionTimestamp == nil || tolerateUnready else { continue }
            var ports: [EndpointPort] = []
            for servicePort in service.spec?.ports ?? [] {
                guard let port = resolve(servicePort.targetPort ?? .int(servicePort.port), in: pod) else { continue }
                ports.append(EndpointPort(name: servicePort.name, port: port, protocol: servicePort.protocol ?? "TCP"))
            }
            guard !ports.isEmpty else { continue }
            let address = EndpointAddress(
                ip: ip, nodeName: pod.spec?.nodeName,
                targetRef: ObjectReference(kind: "Pod", namespace: pod.namespace, name: pod.name, uid: pod.uid, resourceVersion: pod.metadata.resourceVersion))
            if groups[ports] == nil {
                groups[ports] = ([], [])
                order.append(ports)
            }
            if pod.isReady || tolerateUnready {
                groups[ports]?.ready.append(address)
            } else {
                groups[ports]?.notReady.append(address)
            }
        }
        return order.map { ports in
            let group = groups[ports] ?? ([], [])
            let byIP = { (lhs: EndpointAddress, rhs: EndpointAddress) in lhs.ip < rhs.ip }
            return EndpointSubset(
                addresses: group.ready.isEmpty ? nil : group.ready.sorted(by: byIP),
                notReadyAddresses: group.notReady.isEmpty ? nil : group.notReady.sorted(by: byIP),
                ports: ports)
        }
    }

    /// A target port as a number: itself, or the container port with that name.
    static func resolve(_ target: IntOrString, in pod: Pod) -> Int32? {
        switch target {
        case .int(let number):
            return number
        case .string(let name):
            for container in pod.spec?.containers ?? [] {
                if let port = container.ports?.first(where: { $0.name == name }) { return port.containerPort }
            }
            return nil
        }
    }
}
