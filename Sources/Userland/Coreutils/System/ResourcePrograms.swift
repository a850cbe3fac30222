import Kernel

/// `df`: the root file system's size and use, in 1K blocks or `-h` human units.
public struct DiskFreeProgram: Program {
    public let flavor: Flavor
    public let profile: SystemProfile

    public init(flavor: Flavor = .gnu, profile: SystemProfile = .standard) {
        self.flavor = flavor
        self.profile = profile
    }

    public func run(_ context: ProgramContext) async throws -> Int32 {
        var specification = OptionSpecification(flags: Set("hkTaP"))
        specification.long = ["human-readable": "h"]
        guard let parsed = context.parseOptions(specification, flavor: flavor) else { return 1 }
        let human = parsed.has("h")
        let isContainer = context.machine.host != nil
        let used = profile.baselineDiskKilobytes + context.machine.fileSystem.usedKilobytes
        // ext4 keeps 5% for root: available is what is left after that.
        let available = max(0, profile.diskKilobytes - used - profile.diskKilobytes / 20)
        var rows: [(String, Int, Int, Int, String)] = []
        let memory = profile.memoryKilobytes / 2
        // Volumes and bind mounts: a tmpfs of its own, or a directory of the host's disk.
        let grafted = context.machine.fileSystem.mounts.map { mount in
            mount.type == "tmpfs"
                ? (mount.device, memory, 0, memory, mount.target)
                : (isContainer ? profile.rootDevice : mount.device, profile.diskKilobytes, used, available, mount.target)
        }
        if isContainer {
            // What Docker mounts into a container: its overlay root, a small /dev, the cgroup
            // tree, its volumes, the host's disk for /etc/hosts and friends, and a 64 MB /dev/shm.
            rows.append(("overlay", profile.diskKilobytes, used, available, "/"))
            rows.append(("tmpfs", 65_536, 0, 65_536, "/dev"))
            rows.append(("tmpfs", memory, 0, memory, "/sys/fs/cgroup"))
            rows += grafted
            rows.append((profile.rootDevice, profile.diskKilobytes, used, available, "/etc/hosts"))
            rows.append(("shm", 65_536, 0, 65_536, "/dev/shm"))
        } else {
            rows.append((profile.rootDevice, profile.diskKilobytes, used, available, "/"))
            rows.append(("udev", memory, 0, memory, "/dev"))
            rows.append(("tmpfs", memory, 0, memory, "/dev/shm"))
            rows += grafted
        }
        func size(_ kilobytes: Int) -> String {
            guard human else { return String(kilobytes) }
            return kilobytes == 0 ? "0" : ListFormatter.humanSize(kilobytes * 1024)
        }
        func percent(_ row: (String, Int, Int, Int, String)) -> String {
            let total = row.2 + row.3
            guard total > 0 else { return "0%" }
            return String((row.2 * 100 + total - 1) / total) + "%"
        }
        let header = [ "Filesystem", human ? "Size" : "1K-blocks", "Used", human ? "Avail" : "Available", "Use%", "Mounted on"]
        var table = [header] + rows.map { [ $0.0, size($0.1), size($0.2), size($0.3), percent($0), $0.4 ] }
        var output = ""
        if flavor == .busybox {
            table[0][3] = "Available"
            for (index, row) in table.enumerated() {
                let usePercent = index == 0 ? "Use%" : padLeft(row[4], 4)
                output += padRight(row[0], 20) + " " + padLeft(row[1], 9) + " " + padLeft(row[2], 9) + " " + padLeft(row[3], 9)
                    + " " + usePercent + " " + row[5] + "\n"
            }
        } else {
            let minimum = [14, 5, 5, 5, 4, 0]
            let widths = (0..<6).map { column in max(minimum[column], table.map { $0[column].count }.max() ?? 0) }
            for row in table {
                output += padRight(row[0], widths[0]) + " " + (1...4).map { padLeft(row[$0], widths[$0]) }.joined(separator: " ") + " " + row[5] + "\n"
            }
        }
        context.emit(output)
        return 0
    }
}

/// `free`: memory use in kilobytes, `-m` megabytes or `-h` human units (procps-ng layout).
public struct FreeProgram: Program {
    public let flavor: Flavor
    public let profile: SystemProfile

    public init(flavor: Flavor = .gnu, profile: SystemProfile = .standard) {
        self.flavor = flavor
        self.profile = profile
    }

    public func run(_ context: ProgramContext) async throws -> Int32 {
        var specification = OptionSpecification(flags: Set("bkmgh"))
        specification.long = ["human": "h", "mega": "m", "kilo": "k"]
        guard let parsed = context.parseOptions(specification, flavor: flavor) else { return 1 }
        let processes = context.machine.processes.allIncludingGuests
        let used = profile.baselineUsedKilobytes + processes.reduce(0) { $0 + $1.process.residentKilobytes }
        let total = profile.memoryKilobytes
        let cache = profile.bufferCacheKilobytes
        let free = max(0, total - used - cache)
        let available = free + cache * 8 / 10
        let unit = parsed.options.last { "bkmgh".contains($0.name) }?.name ?? "k"
        func show(_ kilobytes: Int) -> String {
            switch unit {
            case "b": return String(kilobytes * 1024)
            case "m": return String(kilobytes / 1024)
            case "g": return String(kilobytes / 1024 / 1024)
            case "h": return Self.human(kilobytes)
            default: return String(kilobytes)
            }
        }
        if flavor == .busybox {
            var output = "             total       used       free     shared    buffers     cached\n"
            output += "Mem:" + [total, used + cache, free, profile.sharedKilobytes, cache / 4, cache * 3 / 4].map { padLeft(show($0), 11) }.joined() + "\n"
            output += "-/+ buffers/cache:" + [used, free + cache].map { padLeft(show($0), 11) }.joined() + "\n"
            output += "Swap:" + [0, 0, 0].map { padLeft(show($0), 11) }.joined() + "\n"
            context.emit(output)
            return 0
        }
        var output = "              total        used        free      shared  buff/cache   available\n"
        output += padRight("Mem:", 7) + [total, used, free, profile.sharedKilobytes, cache, available].map { " " + padLeft(show($0), 11) }.joined() + "\n"
        output += padRight("Swap:", 7) + [0, 0, 0].map { " " + padLeft(show($0), 11) }.joined() + "\n"
        context.emit(output)
        return 0
    }

    /// procps's human format: `3.9G`, `402M`, `9.6M`, `0B`.
    static func human(_ kilobytes: Int) -> String {
        guard kilobytes > 0 else { return "0B" }
        var value = Double(kilobytes)
        for suffix in ["K", "M", "G", "T"] {
            if value < 1024 || suffix == "T" {
                if value < 10 { return ProcessStatusProgram.oneDecimal(value) + suffix }
                return String(Int(value.rounded())) + suffix
            }
            value /= 1024
        }
        return String(kilobytes) + "K"
    }
}
