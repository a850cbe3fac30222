import KubernetesAPI

/// How one node's kubelet presents itself: names, addresses, capacity and versions (the
/// versions and images come from the era of whoever made the node).
public struct KubeletConfiguration: Sendable {
    public var nodeName: String
    /// The address other machines reach the node by.
    public var internalIP: String
    public var externalIP: String?
    /// The range this node's pods take their IPs from (`10.244.0.0/24`).
    public var podCIDR: IPv4Range
    public var labels: [String: String]
    public var cpu: String
    public var memory: String
    public var maxPods: Int
    public var osImage: String
    public var kernelVersion: String
    public var containerRuntimeVersion: String
    public var kubeletVersion: String
    public var providerID: String?
    /// The image of each pod's network sandbox.
    public var pauseImage: String
    /// The cluster's DNS service address and domain, written into pods' resolv.conf.
    public var clusterDNS: String
    public var clusterDomain: String

    public init(nodeName: String, internalIP: String, externalIP: String? = nil, podCIDR: IPv4Range, labels: [String: String] = [:],
                cpu: String = "2", memory: String = "2048076Ki", maxPods: Int = 110,
                osImage: String, kernelVersion: String, containerRuntimeVersion: String, kubeletVersion: String,
                providerID: String? = nil, pauseImage: String,
                clusterDNS: String = "10.96.0.10", clusterDomain: String = "cluster.local") {
        self.nodeName = nodeName
        self.internalIP = internalIP
        self.externalIP = externalIP
        self.podCIDR = podCIDR
        self.labels = labels
        self.cpu = cpu
        self.memory = memory
        self.maxPods = maxPods
        self.osImage = osImage
        self.kernelVersion = kernelVersion
        self.containerRuntimeVersion = containerRuntimeVersion
        self.kubeletVersion = kubeletVersion
        self.providerID = providerID
        self.pauseImage = pauseImage
        self.clusterDNS = clusterDNS
        self.clusterDomain = clusterDomain
    }
}
