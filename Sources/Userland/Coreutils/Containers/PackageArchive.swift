import Kernel

/// A package a simulated distribution can install: its version, sizes, dependencies and the
/// executables it puts into the file system.
public struct SoftwarePackage: Hashable, Sendable {
    public struct Executable: Hashable, Sendable {
        public var path: String
        public var program: String
        public var size: Int

        public init(path: String, program: String, size: Int) {
            self.path = path
            self.program = program
            self.size = size
        }
    }

    public var name: String
    public var version: String
    /// Download size in kilobytes.
    public var downloadKilobytes: Int
    /// Size once unpacked, in kilobytes.
    public var installedKilobytes: Int
    public var dependencies: [String]
    /// Virtual package names it stands for (`fortune` → `fortune-mod`).
    public var provides: [String]
    public var executables: [Executable]

    public init(name: String, version: String, downloadKilobytes: Int, installedKilobytes: Int,
                dependencies: [String] = [], provides: [String] = [], executables: [Executable] = []) {
        self.name = name
        self.version = version
        self.downloadKilobytes = downloadKilobytes
        self.installedKilobytes = installedKilobytes
        self.dependencies = dependencies
        self.provides = provides
        self.executables = executables
    }
}

/// The simulated package repository of one distribution release.
public struct PackageArchive: Hashable, Sendable {
    /// `Get:` lines of `apt-get update` (URL, suite, component, size text), or apk's index URLs.
    public var indexes: [(url: String, size: String)]
    /// Where `apt-get install` downloads from: `http://deb.debian.org/debian jessie/main`.
    public var pool: String
    public var packages: [SoftwarePackage]
    /// Bytes `apt-get update` fetches in total, as printed (`9,818 kB`).
    public var indexTotal: String

    public init(indexes: [(url: String, size: String)], pool: String, packages: [SoftwarePackage], indexTotal: String) {
        self.indexes = indexes
        self.pool = pool
        self.packages = packages
        self.indexTotal = indexTotal
    }

    public static func == (lhs: PackageArchive, rhs: PackageArchive) -> Bool {
        lhs.pool == rhs.pool && lhs.packages == rhs.packages
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(pool)
        hasher.combine(packages)
    }

    /// The package named `name`, or the one that provides it.
    func package(named name: String) -> SoftwarePackage? {
        packages.first { $0.name == name } ?? packages.first { $0.provides.contains(name) }
    }

    /// `name` and everything it needs, dependencies first.
    func closure(of name: String) -> [SoftwarePackage] {
        var ordered: [SoftwarePackage] = []
        func visit(_ name: String) {
            guard let package = package(named: name), !ordered.contains(where: { $0.name == package.name }) else { return }
            for dependency in package.dependencies { visit(dependency) }
            if !ordered.contains(where: { $0.name == package.name }) { ordered.append(package) }
        }
        visit(name)
        return ordered
    }

    private static let debianTools: [SoftwarePackage] = [
        SoftwarePackage(name: "curl", version: "7.38.0-4+deb8u8", downloadKilobytes: 201, installedKilobytes: 362,
                        dependencies: ["libcurl3"], executables: [.init(path: "/usr/bin/curl", program: "curl", size: 154_000)]),
        SoftwarePackage(name: "libcurl3", version: "7.38.0-4+deb8u8", downloadKilobytes: 262, installedKilobytes: 587),
        SoftwarePackage(name: "wget", version: "1.16-1+deb8u4", downloadKilobytes: 496, installedKilobytes: 1_863,
                        executables: [.init(path: "/usr/bin/wget", program: "wget", size: 404_000)]),
        SoftwarePackage(name: "dnsutils", version: "1:9.9.5.dfsg-9+deb8u15", downloadKilobytes: 402, installedKilobytes: 1_113,
                        executables: [.init(path: "/usr/bin/nslookup", program: "nslookup", size: 102_000)]),
    ]

    /// Debian 8 (jessie), the base of `node:7`.
    public static let debianJessie = PackageArchive(
        indexes: [("http://security.debian.org jessie/updates InRelease", "63.1 kB"),
                  ("http://deb.debian.org jessie-updates InRelease", "145 kB"),
                  ("http://deb.debian.org jessie Release.gpg", "2373 B"),
                  ("http://deb.debian.org jessie Release", "148 kB"),
                  ("http://security.debian.org jessie/updates/main amd64 Packages", "623 kB"),
                  ("http://deb.debian.org jessie-updates/main amd64 Packages", "23.1 kB"),
                  ("http://deb.debian.org jessie/main amd64 Packages", "9064 kB")],
        pool: "http://deb.debian.org/debian jessie/main",
        packages: [
            SoftwarePackage(name: "fortune-mod", version: "1:1.99.1-7", downloadKilobytes: 38, installedKilobytes: 99,
                            dependencies: ["librecode0", "fortunes-min"], provides: ["fortune"],
                            executables: [.init(path: "/usr/games/fortune", program: "fortune", size: 27_128)]),
            SoftwarePackage(name: "fortunes-min", version: "1:1.99.1-7", downloadKilobytes: 55, installedKilobytes: 241),
            SoftwarePackage(name: "librecode0", version: "3.6-21", downloadKilobytes: 519, installedKilobytes: 1_652),
        ] + debianTools,
        indexTotal: "10.1 MB")

    /// Ubuntu 16.04 (xenial), `ubuntu:latest` of the book's time.
    public static let ubuntuXenial = PackageArchive(
        indexes: [("http://archive.ubuntu.com/ubuntu xenial InRelease", "247 kB"),
                  ("http://security.ubuntu.com/ubuntu xenial-security InRelease", "102 kB"),
                  ("http://archive.ubuntu.com/ubuntu xenial-updates InRelease", "102 kB"),
                  ("http://archive.ubuntu.com/ubuntu xenial-backports InRelease", "102 kB"),
                  ("http://archive.ubuntu.com/ubuntu xenial/universe Sources", "9802 kB"),
                  ("http://archive.ubuntu.com/ubuntu xenial/main amd64 Packages", "1558 kB"),
                  ("http://archive.ubuntu.com/ubuntu xenial/universe amd64 Packages", "9827 kB"),
                  ("http://security.ubuntu.com/ubuntu xenial-security/main amd64 Packages", "617 kB")],
        pool: "http://archive.ubuntu.com/ubuntu xenial/universe",
        packages: [
            SoftwarePackage(name: "fortune-mod", version: "1:1.99.1-7", downloadKilobytes: 38, installedKilobytes: 99,
                            dependencies: ["librecode0", "fortunes-min"], provides: ["fortune"],
                            executables: [.init(path: "/usr/games/fortune", program: "fortune", size: 27_128)]),
            SoftwarePackage(name: "fortunes-min", version: "1:1.99.1-7", downloadKilobytes: 55, installedKilobytes: 241),
            SoftwarePackage(name: "librecode0", version: "3.6-22", downloadKilobytes: 523, installedKilobytes: 1_656),
        ] + debianTools.map { package in
            var renamed = package
            renamed.version = package.name.hasPrefix("curl") || package.name == "libcurl3" ? "7.47.0-1ubuntu2.6" : package.version
            return renamed
        },
        indexTotal: "22.4 MB")

    /// Alpine 3.7's main and community repositories, for `apk`.
    public static let alpine = PackageArchive(
        indexes: [("http://dl-cdn.alpinelinux.org/alpine/v3.7/main", "v3.7.0-67-g6a2a54d3b7"),
                  ("http://dl-cdn.alpinelinux.org/alpine/v3.7/community", "v3.7.0-62-gf8b6b6fbbd")],
        pool: "http://dl-cdn.alpinelinux.org/alpine/v3.7",
        packages: [
            SoftwarePackage(name: "curl", version: "7.58.0-r0", downloadKilobytes: 92, installedKilobytes: 200,
                            dependencies: ["ca-certificates", "libssh2", "libcurl"],
                            executables: [.init(path: "/usr/bin/curl", program: "curl", size: 150_000)]),
            SoftwarePackage(name: "ca-certificates", version: "20171114-r0", downloadKilobytes: 140, installedKilobytes: 560),
            SoftwarePackage(name: "libssh2", version: "1.8.0-r2", downloadKilobytes: 98, installedKilobytes: 230),
            SoftwarePackage(name: "libcurl", version: "7.58.0-r0", downloadKilobytes: 180, installedKilobytes: 380),
            SoftwarePackage(name: "bind-tools", version: "9.11.2_p1-r0", downloadKilobytes: 380, installedKilobytes: 1_400,
                            executables: [.init(path: "/usr/bin/nslookup", program: "nslookup", size: 100_000)]),
            SoftwarePackage(name: "fortune", version: "0.1-r0", downloadKilobytes: 20, installedKilobytes: 60,
                            executables: [.init(path: "/usr/bin/fortune", program: "fortune", size: 14_000)]),
        ],
        indexTotal: "")

    /// Puts the package's executables into the file system.
    func install(_ package: SoftwarePackage, into fileSystem: FileSystem) throws(FileSystemError) {
        for executable in package.executables {
            try fileSystem.createDirectory(Paths.parent(executable.path), intermediates: true)
            try fileSystem.setContent(executable.path, .program(name: executable.program, size: executable.size), mode: 0o755)
        }
    }
}
