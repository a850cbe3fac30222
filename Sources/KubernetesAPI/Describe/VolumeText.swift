/// The `Type:` and source lines `kubectl describe` prints under each volume.
enum VolumeText {
    static func lines(_ volume: Volume) -> [(String, String)] {
        if let source = volume.hostPath {
            return [("Type", "HostPath (bare host directory volume)"), ("Path", source.path), ("HostPathType", source.type ?? "")]
        }
        if let source = volume.emptyDir {
            return [("Type", "EmptyDir (a temporary directory that shares a pod's lifetime)"), ("Medium", source.medium ?? "")]
        }
        if let source = volume.gcePersistentDisk {
            return [("Type", "GCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)"), ("PDName", source.pdName),
                    ("FSType", source.fsType ?? ""), ("Partition", String(source.partition ?? 0)), ("ReadOnly", String(source.readOnly ?? false))]
        }
        if let source = volume.awsElasticBlockStore {
            return [("Type", "AWSElasticBlockStore (a Persistent Disk resource in AWS)"), ("VolumeID", source.volumeID),
                    ("FSType", source.fsType ?? ""), ("Partition", String(source.partition ?? 0)), ("ReadOnly", String(source.readOnly ?? false))]
        }
        if let source = volume.gitRepo {
            return [("Type", "GitRepo (a volume that is pulled from git when the pod is created)"), ("Repository", source.repository), ("Revision", source.revision ?? "")]
        }
        if let source = volume.secret {
            return [("Type", "Secret (a volume populated by a Secret)"), ("SecretName", source.secretName ?? ""), ("Optional", String(source.optional ?? false))]
        }
        if let source = volume.nfs {
            return [("Type", "NFS (an NFS mount that lasts the lifetime of a pod)"), ("Server", source.server)]
        }
        if let source = volume.persistentVolumeClaim {
            return [("Type", "PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)"), ("ClaimName", source.claimName), ("ReadOnly", String(source.readOnly ?? false))]
        }
        if volume.downwardAPI != nil {
            return [("Type", "DownwardAPI (a volume populated by information about the pod)")]
        }
        if let source = volume.configMap {
            return [("Type", "ConfigMap (a volume populated by a ConfigMap)"), ("Name", source.name ?? ""), ("Optional", String(source.optional ?? false))]
        }
        return [("Type", "<unknown>")]
    }
}
