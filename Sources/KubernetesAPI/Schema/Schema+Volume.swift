extension APISchema {
    static let volume = SchemaDefinition(
        "v1.Volume",
        "A named volume of a pod that its containers can mount. Exactly one source field must be set besides the name.",
        [
            SchemaField("awsElasticBlockStore", .definition(awsElasticBlockStore), "An AWS EBS disk attached to the node and exposed to the pod."),
            SchemaField("configMap", .definition(configMapVolume), "The keys of a ConfigMap, as files."),
            SchemaField("downwardAPI", .definition(downwardAPIVolume), "Information about the pod itself, as files."),
            SchemaField("emptyDir", .definition(emptyDirVolume), "An empty directory created when the pod starts and deleted with it."),
            SchemaField("gcePersistentDisk", .definition(gcePersistentDisk), "A GCE persistent disk attached to the node and exposed to the pod."),
            SchemaField("gitRepo", .definition(gitRepoVolume), "A directory holding a clone of a git repository, made when the pod starts."),
            SchemaField("hostPath", .definition(hostPathVolume), "A file or directory of the node, exposed directly to the container. Meant for system agents; most pods should not use it."),
            SchemaField("name", .string, "The volume's name, a DNS label unique within the pod. Volume mounts refer to it.", required: true),
            SchemaField("nfs", .definition(nfsVolume), "An NFS export mounted into the pod."),
            SchemaField("persistentVolumeClaim", .definition(persistentVolumeClaimVolume), "The persistent volume bound to a claim in the pod's namespace."),
            SchemaField("secret", .definition(secretVolume), "The keys of a Secret, as files."),
        ])

    static let hostPathVolume = SchemaDefinition(
        "v1.HostPathVolumeSource",
        "A path on the node.",
        [
            SchemaField("path", .string, "The path on the node. A symbolic link is followed to where it points.", required: true),
            SchemaField("type", .string, "What must exist at the path, such as Directory or File. Empty skips the check."),
        ])

    static let emptyDirVolume = SchemaDefinition(
        "v1.EmptyDirVolumeSource",
        "An empty directory that lives as long as the pod.",
        [
            SchemaField("medium", .string, "What backs the directory: empty for the node's default storage, or Memory for a tmpfs."),
            SchemaField("sizeLimit", .definition(quantity), "The most storage the directory may use."),
        ])

    static let gcePersistentDisk = SchemaDefinition(
        "v1.GCEPersistentDiskVolumeSource",
        "A persistent disk of Google Compute Engine. It must exist before it is mounted, in the same zone as the node.",
        [
            SchemaField("fsType", .string, "The filesystem on the disk, such as ext4; ext4 is assumed when empty."),
            SchemaField("partition", .integer, "The partition to mount; empty or 0 mounts the whole disk."),
            SchemaField("pdName", .string, "The name of the disk in GCE.", required: true),
            SchemaField("readOnly", .boolean, "Whether the disk is mounted read-only. Defaults to false."),
        ])

    static let awsElasticBlockStore = SchemaDefinition(
        "v1.AWSElasticBlockStoreVolumeSource",
        "An EBS volume of Amazon Web Services. It must exist before it is mounted, in the same zone as the node.",
        [
            SchemaField("fsType", .string, "The filesystem on the volume, such as ext4; ext4 is assumed when empty."),
            SchemaField("partition", .integer, "The partition to mount; empty or 0 mounts the whole volume."),
            SchemaField("readOnly", .boolean, "Whether the volume is mounted read-only. Defaults to false."),
            SchemaField("volumeID", .string, "The ID of the EBS volume.", required: true),
        ])

    static let gitRepoVolume = SchemaDefinition(
        "v1.GitRepoVolumeSource",
        "A directory filled with a clone of a git repository when the pod starts.",
        [
            SchemaField("directory", .string, "Where to clone, relative to the volume root; '.' clones into the root itself. Must not contain '..'."),
            SchemaField("repository", .string, "The URL of the repository.", required: true),
            SchemaField("revision", .string, "The commit to check out."),
        ])

    static let secretVolume = SchemaDefinition(
        "v1.SecretVolumeSource",
        "A Secret's keys as files, one file per key unless items say otherwise.",
        [
            SchemaField("defaultMode", .integer, "The permission bits of the files, 0644 by default."),
            SchemaField("items", .array(.definition(keyToPath)), "Which keys to project and under which paths. When given, only the listed keys appear."),
            SchemaField("optional", .boolean, "Whether the Secret or its keys may be missing."),
            SchemaField("secretName", .string, "The name of the Secret in the pod's namespace."),
        ])

    static let nfsVolume = SchemaDefinition(
        "v1.NFSVolumeSource",
        "An NFS export, which outlives the pod.",
        [
            SchemaField("path", .string, "The path the NFS server exports.", required: true),
            SchemaField("readOnly", .boolean, "Whether the export is mounted read-only. Defaults to false."),
            SchemaField("server", .string, "The host name or IP address of the NFS server.", required: true),
        ])

    static let persistentVolumeClaimVolume = SchemaDefinition(
        "v1.PersistentVolumeClaimVolumeSource",
        "Uses the persistent volume a claim in the same namespace is bound to.",
        [
            SchemaField("claimName", .string, "The name of the PersistentVolumeClaim.", required: true),
            SchemaField("readOnly", .boolean, "Whether the volume is mounted read-only. Defaults to false."),
        ])

    static let downwardAPIVolume = SchemaDefinition(
        "v1.DownwardAPIVolumeSource",
        "Files holding information about the pod.",
        [
            SchemaField("defaultMode", .integer, "The permission bits of the files, 0644 by default."),
            SchemaField("items", .array(.definition(downwardAPIVolumeFile)), "The files to create."),
        ])

    static let downwardAPIVolumeFile = SchemaDefinition(
        "v1.DownwardAPIVolumeFile",
        "One file of a downward API volume.",
        [
            SchemaField("fieldRef", .definition(objectFieldSelector), "A field of the pod to write into the file: its name, namespace, labels or annotations."),
            SchemaField("mode", .integer, "The permission bits of this file, overriding defaultMode."),
            SchemaField("path", .string, "The file's path relative to the volume root. It must not be absolute or contain '..'.", required: true),
            SchemaField("resourceFieldRef", .definition(resourceFieldSelector), "A resource limit or request of a container to write into the file."),
        ])

    static let configMapVolume = SchemaDefinition(
        "v1.ConfigMapVolumeSource",
        "A ConfigMap's keys as files, one file per key unless items say otherwise.",
        [
            SchemaField("defaultMode", .integer, "The permission bits of the files, 0644 by default."),
            SchemaField("items", .array(.definition(keyToPath)), "Which keys to project and under which paths. When given, only the listed keys appear."),
            SchemaField("name", .string, "The name of the ConfigMap."),
            SchemaField("optional", .boolean, "Whether the ConfigMap or its keys may be missing."),
        ])

    static let keyToPath = SchemaDefinition(
        "v1.KeyToPath",
        "Maps one key to a file path inside a volume.",
        [
            SchemaField("key", .string, "The key to project.", required: true),
            SchemaField("mode", .integer, "The permission bits of this file, overriding defaultMode."),
            SchemaField("path", .string, "The file's path relative to the volume root. It must not be absolute or contain '..'.", required: true),
        ])
}
