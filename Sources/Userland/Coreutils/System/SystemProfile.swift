import Kernel

/// Facts about the simulated hardware and kernel that `uname`, `free`, `df` and `ps` report.
public struct SystemProfile: Hashable, Sendable {
    public var kernelName = "Linux"
    public var kernelRelease = "4.9.0-6-amd64"
    public var kernelVersion = "#1 SMP Debian 4.9.82-1+deb9u3 (2018-03-02)"
    public var hardware = "x86_64"
    public var operatingSystem = "GNU/Linux"
    /// Physical memory in kilobytes (4 GB).
    public var memoryKilobytes = 4_045_988
    /// Memory the kernel and caches take before any process counts.
    public var baselineUsedKilobytes = 412_316
    public var bufferCacheKilobytes = 1_285_432
    public var sharedKilobytes = 9_872
    /// The root file system's device and size in 1K blocks.
    public var rootDevice = "/dev/sda1"
    public var diskKilobytes = 30_830_592
    /// What the operating system itself occupies on the disk, beyond the simulated files.
    public var baselineDiskKilobytes = 3_842_156

    public init() {}

    /// The workstation and the containers that share its kernel.
    public static let standard = SystemProfile()
}

extension FileSystem {
    /// Kilobytes the files of the tree occupy, counted in 4K blocks.
    var usedKilobytes: Int {
        func walk(_ directory: Directory) -> Int {
            directory.entries.values.reduce(4) { total, node in
                switch node {
                case .directory(let child): total + walk(child)
                case .file(let content, _): total + (content.size + 4095) / 4096 * 4
                default: total
                }
            }
        }
        return walk(root)
    }
}
