/// What `kubectl expose` reads from an object of an exposable kind: the selector of the pods
/// behind it and the ports they serve (kubectl's `MapBasedSelectorForObject` and
/// `PortsForObject`). A kind marked `.exposable` conforms; `KindDeclarationTests` checks both agree.
public protocol ExposableObject: APIObject {
    /// The pods' selector as the object states it; kubectl refuses set-based expressions.
    var exposedSelector: LabelSelector? { get }
    /// The ports a service in front of the object would target.
    var exposedPorts: [ContainerPort] { get }
}

extension PodSpec {
    /// Every container's declared ports, in order.
    var declaredPorts: [ContainerPort] { (containers ?? []).flatMap { $0.ports ?? [] } }
}

extension ReplicationController: ExposableObject {
    public var exposedSelector: LabelSelector? { spec?.selector.map { LabelSelector(matchLabels: $0) } }
    public var exposedPorts: [ContainerPort] { spec?.template?.spec?.declaredPorts ?? [] }
}

extension ReplicaSet: ExposableObject {
    public var exposedSelector: LabelSelector? { spec?.selector }
    public var exposedPorts: [ContainerPort] { spec?.template?.spec?.declaredPorts ?? [] }
}

extension Deployment: ExposableObject {
    public var exposedSelector: LabelSelector? { spec?.selector }
    public var exposedPorts: [ContainerPort] { spec?.template?.spec?.declaredPorts ?? [] }
}

extension Pod: ExposableObject {
    public var exposedSelector: LabelSelector? { metadata.labels.map { LabelSelector(matchLabels: $0) } }
    public var exposedPorts: [ContainerPort] { spec?.declaredPorts ?? [] }
}

extension Service: ExposableObject {
    public var exposedSelector: LabelSelector? { spec?.selector.map { LabelSelector(matchLabels: $0) } }
    public var exposedPorts: [ContainerPort] {
        (spec?.ports ?? []).map { ContainerPort(name: $0.name, containerPort: $0.port, protocol: $0.protocol) }
    }
}
