import Formatting
import Kernel
import Simulation
import StructuredData

/// Volumes of the `local` driver and the mounts of containers (`docker run -v`, `VOLUME`).
extension DockerEngine {
    /// What `/proc/mounts` names as the device of a host directory mounted into a container.
    static let hostDevice = "/dev/sda1"

    // MARK: Volumes

    /// The volume called `name`, if any.
    public func volume(named name: String) -> DockerVolume? {
        volumes[name]
    }

    /// `docker volume create`: makes the volume, or returns the existing one of that name.
    /// `labels`/`options` nil marks a volume made implicitly by a container.
    @discardableResult
    public func createVolume(named requested: String?, labels: [String: String]? = [:], options: [String: String]? = [:]) throws(DockerError) -> DockerVolume {
        let name = requested ?? makeIdentifier()
        if let existing = volumes[name] { return existing }
        if name.count == 1 {
            throw .other("create \(name): volume name is too short, names should be at least two alphanumeric characters")
        }
        guard Self.isValidVolumeName(name) else {
            throw .other("create \(name): \(goQuoted(name)) includes invalid characters for a local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host directory, use absolute path")
        }
        let volume = DockerVolume(name: name, created: loop.now, labels: labels, options: options, isAnonymous: requested == nil)
        let fileSystem = host.fileSystem
        if !fileSystem.exists(DockerVolume.directory) {
            try? fileSystem.createDirectory("/var/lib/docker", intermediates: true, mode: 0o711)
            try? fileSystem.createDirectory(DockerVolume.directory, mode: 0o700)
        }
        try? fileSystem.createDirectory(DockerVolume.directory + "/" + name)
        try? fileSystem.createDirectory(volume.mountpoint)
        volumes[name] = volume
        return volume
    }

    /// The containers (running or not) that mount `volume`, in creation order.
    public func containers(using volume: DockerVolume) -> [Container] {
        containers.filter { container in container.mounts.contains { $0.kind == .volume && $0.name == volume.name } }
    }

    /// `docker volume rm`: refuses a volume some container still mounts.
    public func removeVolume(named name: String, force: Bool = false) throws(DockerError) {
        guard let volume = volumes[name] else {
            if force { return }
            throw .other("get \(name): no such volume")
        }
        let users = containers(using: volume)
        if !users.isEmpty {
            throw .other("unable to remove volume: remove \(name): volume is in use - [\(users.map(\.id).joined(separator: " "))]")
        }
        deleteVolume(volume)
    }

    /// `docker volume prune`: removes every volume no container mounts; returns their names
    /// and the bytes their files held.
    public func pruneVolumes() -> (removed: [String], reclaimedBytes: Int) {
        var removed: [String] = []
        var bytes = 0
        for name in volumes.keys.sorted() {
            guard let volume = volumes[name], containers(using: volume).isEmpty else { continue }
            bytes += Self.fileBytes(in: host.fileSystem, under: volume.mountpoint)
            deleteVolume(volume)
            removed.append(name)
        }
        return (removed, bytes)
    }

    /// The sizes of the regular files below `path` added up, as the daemon's `directory.Size`.
    static func fileBytes(in fileSystem: FileSystem, under path: String) -> Int {
        var total = 0
        var pending = [path]
        while let directory = pending.popLast() {
            for name in (try? fileSystem.listDirectory(directory)) ?? [] {
                let child = Paths.join(directory, name)
                guard let status = try? fileSystem.status(child, followSymlinks: false) else { continue }
                if status.kind == .directory { pending.append(child) } else if status.kind == .file { total += status.size }
            }
        }
        return total
    }

    private func deleteVolume(_ volume: DockerVolume) {
        volumes[volume.name] = nil
        try? host.fileSystem.remove(DockerVolume.directory + "/" + volume.name, recursive: true)
    }

    /// The volume as `docker volume inspect` prints it (17.12's `types.Volume`).
    public func inspectDocument(for volume: DockerVolume) -> JSONValue {
        func map(_ values: [String: String]?) -> JSONValue {
            guard let values else { return .null }
            return .object(JSONObject(pairs: values.keys.sorted().map { ($0, .string(values[$0] ?? "")) }))
        }
        return .object(JSONObject([
            "CreatedAt": .string(CivilTime(secondsSinceEpoch: Int64(volume.created.secondsSinceEpoch)).rfc3339),
            "Driver": "local",
            "Labels": map(volume.labels),
            "Mountpoint": .string(volume.mountpoint),
            "Name": .string(volume.name),
            "Options": map(volume.options),
            "Scope": "local",
        ]))
    }

    /// The container's mounts as `docker inspect` prints them (`types.MountPoint`).
    func mountsDocument(for container: Container) -> JSONValue {
        .array(container.mounts.map { mount in
            var object = JSONObject(["Type": .string(mount.kind.rawValue)])
            if !mount.name.isEmpty { object["Name"] = .string(mount.name) }
            object["Source"] = .string(mount.source)
            object["Destination"] = .string(mount.destination)
            if mount.kind == .volume { object["Driver"] = "local" }
            object["Mode"] = .string(mount.mode)
            object["RW"] = .bool(mount.readWrite)
            object["Propagation"] = .string(mount.propagation)
            return .object(object)
        })
    }

    // MARK: Container mounts

    /// Works out a new container's mounts from its binds and volumes, before anything is made:
    /// a bad spec leaves no volume or directory behind.
    func plannedMounts(binds: [String], volumes anonymous: [String]) throws(DockerError) -> [(VolumeSpecification, String)] {
        var planned: [(VolumeSpecification, String)] = []
        var destinations: Set<String> = []
        for raw in binds {
            let specification = try VolumeSpecification(parsing: raw)
            if destinations.contains(specification.destination) {
                throw .other("Duplicate mount point: \(specification.destination)")
            }
            if case .named(let name) = specification.source, volumes[name] == nil {
                if name.count == 1 {
                    throw .other("create \(name): volume name is too short, names should be at least two alphanumeric characters")
                }
                if !Self.isValidVolumeName(name) {
                    throw .other("create \(name): \(goQuoted(name)) includes invalid characters for a local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host directory, use absolute path")
                }
            }
            destinations.insert(specification.destination)
            planned.append((specification, raw))
        }
        for path in anonymous {
            let destination = VolumeSpecification.clean(path.hasPrefix("/") ? path : "/" + path)
            // A bind on the same destination wins over the image's VOLUME.
            guard !destinations.contains(destination), destination != "/" else { continue }
            destinations.insert(destination)
            planned.append((VolumeSpecification(source: .anonymous, destination: destination, mode: "", readWrite: true), ""))
        }
        // Shallow destinations first, as the daemon sorts them, so nested mounts stack.
        return planned.enumerated().sorted { left, right in
            let leftDepth = left.element.0.destination.split(separator: "/").count
            let rightDepth = right.element.0.destination.split(separator: "/").count
            return leftDepth != rightDepth ? leftDepth < rightDepth : left.offset < right.offset
        }.map(\.element)
    }

    /// Makes the volumes and host directories the plan needs and mounts them into the
    /// container's file system; an empty volume first gets what the image has there.
    func mount(_ planned: [(VolumeSpecification, String)], into container: Container) throws(DockerError) {
        let hostFiles = host.fileSystem
        let guestFiles = container.machine.fileSystem
        for (specification, raw) in planned {
            var mount: ContainerMount
            switch specification.source {
            case .hostPath(let path):
                if !hostFiles.exists(path) { try? hostFiles.createDirectory(path, intermediates: true) }
                mount = ContainerMount(kind: .bind, name: "", source: path, destination: specification.destination,
                                       mode: specification.mode, readWrite: specification.readWrite,
                                       propagation: specification.propagation)
            case .named(let name):
                let volume = try createVolume(named: name, labels: nil, options: nil)
                mount = ContainerMount(kind: .volume, name: volume.name, source: volume.mountpoint, destination: specification.destination,
                                       mode: specification.mode.isEmpty ? "z" : specification.mode,
                                       readWrite: specification.readWrite, propagation: "")
            case .anonymous:
                let volume = try createVolume(named: nil, labels: nil, options: nil)
                mount = ContainerMount(kind: .volume, name: volume.name, source: volume.mountpoint, destination: specification.destination,
                                       mode: "", readWrite: true, propagation: "")
            }
            let sourceIsDirectory = hostFiles.isDirectory(mount.source)
            if !guestFiles.exists(mount.destination) {
                if sourceIsDirectory {
                    try? guestFiles.createDirectory(mount.destination, intermediates: true)
                } else {
                    try? guestFiles.createDirectory(Paths.parent(mount.destination), intermediates: true)
                    try? guestFiles.writeFile(mount.destination, [])
                }
            } else if mount.kind == .volume, specification.copiesImageData {
                copyImageData(from: guestFiles, at: mount.destination, into: mount.source)
            }
            do {
                // A bind shows the file system its source is on: the host's disk, or a tmpfs
                // mounted there (a kubelet's emptyDir with `medium: Memory`).
                let underlying = hostFiles.mount(containing: mount.source)
                try guestFiles.mount(MountSource(fileSystem: hostFiles, path: mount.source), at: mount.destination,
                                     device: underlying?.device ?? Self.hostDevice, type: underlying?.type ?? "ext4",
                                     readOnly: !mount.readWrite, options: underlying?.options ?? ["relatime", "data=ordered"])
            } catch {
                throw .other("OCI runtime create failed: mounting \"\(mount.source)\" to rootfs at \"\(mount.destination)\": \(error.code.message.lowercased())")
            }
            container.mounts.append(mount)
            if !raw.isEmpty { container.binds.append(raw) }
        }
    }

    /// The kernel file systems runc mounts before the container's own mounts, and the files
    /// Docker binds from its container directory after them, listed in the container's table
    /// (`/proc/mounts`); the container's own files stand in for their contents.
    func listMounts(of container: Container) {
        let files = container.machine.fileSystem
        let layerDigests = images[container.imageID]?.config.layerDigests ?? []
        let id = container.id
        files.listedMounts = ListedMounts(root: {
            let directory = "/var/lib/docker/overlay2/" + id
            let lower = ([Self.overlayLink(id + "init")] + layerDigests.reversed().map { Self.overlayLink($0) })
                .map { "/var/lib/docker/overlay2/l/" + $0 }
            return Mount(device: "overlay", target: "/", type: "overlay",
                         options: ["relatime", "lowerdir=" + lower.joined(separator: ":"), "upperdir=\(directory)/diff", "workdir=\(directory)/work"],
                         source: nil)
        }, before: Self.kernelMounts, after: Self.runtimeMounts)
        // Only where the image has a /proc: the recorded `ls /` of images without one must not change.
        if files.isDirectory("/proc") {
            try? files.install(.device(.mountTable, FileMetadata(mode: 0o444)), at: "/proc/mounts")
        }
    }

    /// proc, /dev, devpts, sysfs, the cgroup tree and mqueue, as runc mounts them. (Rows
    /// without a source hold no file system, only strings: immutable and safe to share.)
    nonisolated(unsafe) static let kernelMounts: [Mount] = [
        Mount(device: "proc", target: "/proc", type: "proc", options: ["nosuid", "nodev", "noexec", "relatime"], source: nil),
        Mount(device: "tmpfs", target: "/dev", type: "tmpfs", options: ["nosuid", "size=65536k", "mode=755"], source: nil),
        Mount(device: "devpts", target: "/dev/pts", type: "devpts",
              options: ["nosuid", "noexec", "relatime", "gid=5", "mode=620", "ptmxmode=666"], source: nil),
        Mount(device: "sysfs", target: "/sys", type: "sysfs", readOnly: true, options: ["nosuid", "nodev", "noexec", "relatime"], source: nil),
        Mount(device: "tmpfs", target: "/sys/fs/cgroup", type: "tmpfs", readOnly: true,
              options: ["nosuid", "nodev", "noexec", "relatime", "mode=755"], source: nil),
        Mount(device: "cgroup", target: "/sys/fs/cgroup/memory", type: "cgroup", readOnly: true,
              options: ["nosuid", "nodev", "noexec", "relatime", "memory"], source: nil),
        Mount(device: "mqueue", target: "/dev/mqueue", type: "mqueue", options: ["nosuid", "nodev", "noexec", "relatime"], source: nil),
    ]

    /// resolv.conf, hostname and hosts from the container's directory, and the IPC tmpfs.
    nonisolated(unsafe) static let runtimeMounts: [Mount] = ["/etc/resolv.conf", "/etc/hostname", "/etc/hosts"].map {
        Mount(device: hostDevice, target: $0, type: "ext4", options: ["relatime", "data=ordered"], source: nil)
    } + [Mount(device: "shm", target: "/dev/shm", type: "tmpfs", options: ["nosuid", "nodev", "noexec", "relatime", "size=65536k"], source: nil)]

    /// overlay2's short link name for a layer: 26 base32 characters taken from its ID's hex.
    static func overlayLink(_ identifier: String) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        let hex = Array(ContentDigest.hexPart(identifier).filter(\.isHexDigit))
        guard hex.count >= 52 else { return String(repeating: "A", count: 26) }
        return String((0..<26).map { index in
            alphabet[((hex[2 * index].hexDigitValue ?? 0) << 1 | (hex[2 * index + 1].hexDigitValue ?? 0) >> 3) & 31]
        })
    }

    /// Fills an empty volume with the image's files at its destination, as the daemon's
    /// copy-up does for a fresh volume.
    private func copyImageData(from guestFiles: FileSystem, at destination: String, into source: String) {
        let hostFiles = host.fileSystem
        guard let names = try? hostFiles.listDirectory(source), names.isEmpty,
              case .directory(let directory)? = try? guestFiles.node(at: destination), !directory.entries.isEmpty else { return }
        for (name, node) in directory.entries {
            try? hostFiles.install(node, at: Paths.join(source, name))
        }
    }

    /// Lets go of a removed container's volumes; with `removeAnonymous` (`rm -v`, `--rm`) its
    /// anonymous ones go too, unless another container still mounts them.
    func releaseVolumes(of container: Container, removeAnonymous: Bool) {
        guard removeAnonymous else { return }
        for mount in container.mounts where mount.kind == .volume {
            guard let volume = volumes[mount.name], volume.isAnonymous, containers(using: volume).isEmpty else { continue }
            deleteVolume(volume)
        }
    }

    // MARK: Names

    /// `[a-zA-Z0-9][a-zA-Z0-9_.-]+`, the local driver's rule.
    static func isValidVolumeName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard bytes.count >= 2, let first = bytes.first, isAlphanumeric(first) else { return false }
        return bytes.dropFirst().allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
}
