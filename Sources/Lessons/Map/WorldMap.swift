/// What the `map` command shows: the cluster kubectl reaches and the workstation's Docker.
public struct WorldMap: Hashable, Sendable {
    /// The cluster of kubectl's current context; nil when kubectl reaches none.
    public var cluster: Cluster?
    public var docker: Docker

    public init(cluster: Cluster?, docker: Docker) {
        self.cluster = cluster
        self.docker = docker
    }

    /// The objects of one namespace of a cluster.
    public struct Cluster: Hashable, Sendable {
        public var nodes: [Node]
        /// Pods no node has taken yet.
        public var unscheduledPods: [Pod]
        public var services: [Service]
        public var controllers: [Controller]

        public init(nodes: [Node], unscheduledPods: [Pod] = [], services: [Service] = [], controllers: [Controller] = []) {
            self.nodes = nodes
            self.unscheduledPods = unscheduledPods
            self.services = services
            self.controllers = controllers
        }
    }

    /// A node with the pods scheduled to it.
    public struct Node: Hashable, Sendable {
        public var name: String
        public var address: String
        public var pods: [Pod]

        public init(name: String, address: String, pods: [Pod]) {
            self.name = name
            self.address = address
            self.pods = pods
        }
    }

    /// A pod: its name, status and IP (empty until it has one).
    public struct Pod: Hashable, Sendable {
        public var name: String
        public var status: String
        public var address: String

        public init(name: String, status: String, address: String) {
            self.name = name
            self.status = status
            self.address = address
        }
    }

    /// A service and the pods its endpoints route to.
    public struct Service: Hashable, Sendable {
        public var name: String
        public var type: String
        public var clusterAddress: String
        public var targets: [String]

        public init(name: String, type: String, clusterAddress: String, targets: [String]) {
            self.name = name
            self.type = type
            self.clusterAddress = clusterAddress
            self.targets = targets
        }
    }

    /// A ReplicationController, ReplicaSet or Deployment and the objects it owns.
    public struct Controller: Hashable, Sendable {
        /// kubectl's short name of the kind: `rc`, `rs`, `deploy`.
        public var kind: String
        public var name: String
        public var ready: Int
        public var desired: Int
        public var owned: [String]

        public init(kind: String, name: String, ready: Int, desired: Int, owned: [String]) {
            self.kind = kind
            self.name = name
            self.ready = ready
            self.desired = desired
            self.owned = owned
        }
    }

    /// The workstation's Docker engine.
    public struct Docker: Hashable, Sendable {
        public var containers: [Container]
        /// Local images as `repository:tag`.
        public var images: [String]
        /// Registries and the repositories of theirs the engine has pulled from or pushed to.
        public var registries: [Registry]

        public init(containers: [Container] = [], images: [String] = [], registries: [Registry] = []) {
            self.containers = containers
            self.images = images
            self.registries = registries
        }
    }

    /// A container as `docker ps -a` lists it.
    public struct Container: Hashable, Sendable {
        public var name: String
        public var status: String
        public var image: String
        public var ports: String

        public init(name: String, status: String, image: String, ports: String) {
            self.name = name
            self.status = status
            self.image = image
            self.ports = ports
        }
    }

    /// A registry host and repositories in it.
    public struct Registry: Hashable, Sendable {
        public var host: String
        public var repositories: [String]

        public init(host: String, repositories: [String]) {
            self.host = host
            self.repositories = repositories
        }
    }
}
