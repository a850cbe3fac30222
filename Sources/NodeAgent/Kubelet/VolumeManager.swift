import KubernetesAPI
import Kernel

/// Sets up a pod's volumes on the node and turns its containers' `volumeMounts` into binds
/// for the container engine, as the kubelet's volume manager and dockershim do.
///
/// An emptyDir is a directory under `/var/lib/kubelet/pods/<uid>/volumes/kubernetes.io~empty-dir/`
/// on the node (a tmpfs mounted there for `medium: Memory`): every container of the pod binds
/// the same directory, so they share its files, and a restarted container finds them again. It
/// goes when the pod goes. A hostPath binds the node's own directory.
struct VolumeManager {
    let node: Machine

    /// A volume's directory on the node, or nil for a kind this kubelet does not mount yet.
    func hostPath(for volume: Volume, podUID: String) -> String? {
        if let source = volume.hostPath { return Paths.normalize(source.path) }
        if volume.emptyDir != nil { return Self.podDirectory(podUID) + "/volumes/kubernetes.io~empty-dir/" + volume.name }
        return nil
    }

    static func podDirectory(_ uid: String) -> String {
        "/var/lib/kubelet/pods/" + uid
    }

    /// Makes the pod's emptyDirs (and `DirectoryOrCreate` hostPaths) on the node; returns the
    /// problems found, one message each, as `FailedMount` events report them. A missing plain
    /// hostPath is left to the engine, which creates it as `docker run -v` does.
    func setUp(_ pod: Pod) -> [String] {
        var problems: [String] = []
        let files = node.fileSystem
        for volume in pod.spec?.volumes ?? [] {
            guard let path = hostPath(for: volume, podUID: pod.uid) else { continue }
            if files.exists(path) { continue }
            do {
                if volume.emptyDir != nil {
                    // emptyDirs are world-writable, so a container of any user can share them.
                    try files.createDirectory(path, intermediates: true, mode: 0o750)
                    try files.setMode(path, 0o777)
                    if volume.emptyDir?.medium == "Memory" {
                        try files.mount(MountSource(fileSystem: FileSystem(clock: files.clock)), at: path, device: "tmpfs", type: "tmpfs",
                                        options: ["relatime"])
                        try files.setMode(path, 0o777)
                    }
                } else if volume.hostPath?.type == "DirectoryOrCreate" {
                    try files.createDirectory(path, intermediates: true)
                }
            } catch {
                problems.append("MountVolume.SetUp failed for volume \"\(volume.name)\" : \(error.code.message.lowercased())")
            }
        }
        return problems
    }

    /// The `-v` specs that mount `container`'s volumeMounts (`HOST:CONTAINER[:ro]`), with each
    /// subPath made under its volume first.
    func binds(for container: Container, in pod: Pod) -> [String] {
        let volumes = pod.spec?.volumes ?? []
        var binds: [String] = []
        for mount in container.volumeMounts ?? [] {
            guard let volume = volumes.first(where: { $0.name == mount.name }),
                  var path = hostPath(for: volume, podUID: pod.uid) else { continue }
            if let subPath = mount.subPath, !subPath.isEmpty {
                // Validation has refused absolute subPaths and `..`; normalize anyway so a
                // subPath cannot leave its volume.
                path = Paths.normalize(subPath, relativeTo: path)
                guard path.hasPrefix(Paths.normalize(hostPath(for: volume, podUID: pod.uid) ?? "/")) else { continue }
                if !node.fileSystem.exists(path) { try? node.fileSystem.createDirectory(path, intermediates: true) }
            }
            binds.append(path + ":" + mount.mountPath + (mount.readOnly == true ? ":ro" : ""))
        }
        return binds
    }

    /// Removes what the pod had on the node (its emptyDirs), unmounting tmpfs first.
    func tearDown(podUID: String) {
        let directory = Self.podDirectory(podUID)
        node.fileSystem.unmountAll(under: directory)
        try? node.fileSystem.remove(directory, recursive: true)
    }
}
