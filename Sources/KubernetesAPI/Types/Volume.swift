/// A named volume of a pod (`v1.Volume`, with `v1.VolumeSource` inlined), sources in Go struct order.
public struct Volume: Hashable, Sendable, Codable {
    public var name: String
    public var hostPath: HostPathVolumeSource?
    public var emptyDir: EmptyDirVolumeSource?
    public var gcePersistentDisk: GCEPersistentDiskVolumeSource?
    public var awsElasticBlockStore: AWSElasticBlockStoreVolumeSource?
    public var gitRepo: GitRepoVolumeSource?
    public var secret: SecretVolumeSource?
    public var nfs: NFSVolumeSource?
    public var persistentVolumeClaim: PersistentVolumeClaimVolumeSource?
    public var downwardAPI: DownwardAPIVolumeSource?
    public var configMap: ConfigMapVolumeSource?

    public init(name: String, emptyDir: EmptyDirVolumeSource? = nil) {
        self.name = name
        self.emptyDir = emptyDir
    }

    /// The names of the sources that are set, in Go field order.
    public var sourceNames: [String] {
        var names: [String] = []
        if hostPath != nil { names.append("hostPath") }
        if emptyDir != nil { names.append("emptyDir") }
        if gcePersistentDisk != nil { names.append("gcePersistentDisk") }
        if awsElasticBlockStore != nil { names.append("awsElasticBlockStore") }
        if gitRepo != nil { names.append("gitRepo") }
        if secret != nil { names.append("secret") }
        if nfs != nil { names.append("nfs") }
        if persistentVolumeClaim != nil { names.append("persistentVolumeClaim") }
        if downwardAPI != nil { names.append("downwardAPI") }
        if configMap != nil { names.append("configMap") }
        return names
    }
}

/// A directory of the node (`v1.HostPathVolumeSource`).
public struct HostPathVolumeSource: Hashable, Sendable, Codable {
    public var path: String
    public var type: String?
}

/// A scratch directory living as long as the pod (`v1.EmptyDirVolumeSource`).
public struct EmptyDirVolumeSource: Hashable, Sendable, Codable {
    public var medium: String?
    public var sizeLimit: Quantity?

    public init(medium: String? = nil) {
        self.medium = medium
    }
}

/// A GCE persistent disk (`v1.GCEPersistentDiskVolumeSource`).
public struct GCEPersistentDiskVolumeSource: Hashable, Sendable, Codable {
    public var pdName: String
    public var fsType: String?
    public var partition: Int32?
    public var readOnly: Bool?
}

/// An AWS EBS volume (`v1.AWSElasticBlockStoreVolumeSource`).
public struct AWSElasticBlockStoreVolumeSource: Hashable, Sendable, Codable {
    public var volumeID: String
    public var fsType: String?
    public var partition: Int32?
    public var readOnly: Bool?
}

/// A git repository cloned at pod start (`v1.GitRepoVolumeSource`).
public struct GitRepoVolumeSource: Hashable, Sendable, Codable {
    public var repository: String
    public var revision: String?
    public var directory: String?
}

/// A Secret's keys as files (`v1.SecretVolumeSource`).
public struct SecretVolumeSource: Hashable, Sendable, Codable {
    public var secretName: String?
    public var items: [KeyToPath]?
    public var defaultMode: Int32?
    public var optional: Bool?
}

/// An NFS export (`v1.NFSVolumeSource`).
public struct NFSVolumeSource: Hashable, Sendable, Codable {
    public var server: String
    public var path: String
    public var readOnly: Bool?
}

/// A claim on a persistent volume (`v1.PersistentVolumeClaimVolumeSource`).
public struct PersistentVolumeClaimVolumeSource: Hashable, Sendable, Codable {
    public var claimName: String
    public var readOnly: Bool?
}

/// Pod fields as files (`v1.DownwardAPIVolumeSource`).
public struct DownwardAPIVolumeSource: Hashable, Sendable, Codable {
    public var items: [DownwardAPIVolumeFile]?
    public var defaultMode: Int32?
}

/// One file of a downward API volume (`v1.DownwardAPIVolumeFile`).
public struct DownwardAPIVolumeFile: Hashable, Sendable, Codable {
    public var path: String
    public var fieldRef: ObjectFieldSelector?
    public var resourceFieldRef: ResourceFieldSelector?
    public var mode: Int32?
}

/// A ConfigMap's keys as files (`v1.ConfigMapVolumeSource`).
public struct ConfigMapVolumeSource: Hashable, Sendable, Codable {
    public var name: String?
    public var items: [KeyToPath]?
    public var defaultMode: Int32?
    public var optional: Bool?
}

/// Maps a key to a file path (`v1.KeyToPath`).
public struct KeyToPath: Hashable, Sendable, Codable {
    public var key: String
    public var path: String
    public var mode: Int32?
}
