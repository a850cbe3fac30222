import Docker
import Machine
import Simulation

/// A process that idles until it is killed: the pause container and the stand-ins for the
/// control-plane daemons the cluster runs in-process.
public struct IdleProgram: Program {
    public init() {}

    public func run(_ context: ProgramContext) async throws -> Int32 {
        while true { try await context.process.sleep(for: .seconds(3600)) }
    }
}

/// The images of `gcr.io/google_containers` the clusters run in kube-system.
public enum SystemImages {
    /// The program name the images' binaries run.
    public static let idleProgram = "kubelab-idle"

    static let images: [(path: String, tag: String, binary: String, size: Int)] = [
        ("google_containers/pause-amd64", "3.0", "/pause", 746_888),
        ("google_containers/etcd-amd64", "3.0.17", "/usr/local/bin/etcd", 168_900_000),
        ("google_containers/kube-apiserver-amd64", "v1.8.0", "/usr/local/bin/kube-apiserver", 194_500_000),
        ("google_containers/kube-controller-manager-amd64", "v1.8.0", "/usr/local/bin/kube-controller-manager", 129_300_000),
        ("google_containers/kube-scheduler-amd64", "v1.8.0", "/usr/local/bin/kube-scheduler", 55_000_000),
        ("google_containers/kube-proxy-amd64", "v1.8.0", "/usr/local/bin/kube-proxy", 93_200_000),
        ("google_containers/k8s-dns-kube-dns-amd64", "1.14.5", "/kube-dns", 49_400_000),
        ("google_containers/k8s-dns-dnsmasq-nanny-amd64", "1.14.5", "/dnsmasq-nanny", 41_400_000),
        ("google_containers/k8s-dns-sidecar-amd64", "1.14.5", "/sidecar", 41_800_000),
        ("google_containers/kubernetes-dashboard-amd64", "v1.7.1", "/dashboard", 128_000_000),
        ("google-containers/kube-addon-manager", "v6.4-beta.2", "/opt/kube-addons.sh", 79_200_000),
    ]

    /// `gcr.io` with the system images.
    public static func registry() -> Registry {
        let registry = Registry(host: "gcr.io")
        for image in images {
            let components = image.binary.split(separator: "/").map(String.init)
            var leaf = Directory()
            leaf.entries[components.last ?? "bin"] = .file(.program(name: idleProgram, size: 4096), FileMetadata(mode: 0o755))
            for component in components.dropLast().reversed() {
                var parent = Directory()
                parent.entries[component] = .directory(leaf)
                leaf = parent
            }
            let definition = BaseImageDefinition(
                name: ImageName(registry: "gcr.io", path: image.path, tag: image.tag), root: leaf, layerSizes: [image.size],
                layerCommands: [], metadataCommands: [],
                config: ContainerConfig(environment: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"], entrypoint: [image.binary]),
                created: VirtualInstant(secondsSinceEpoch: 1_506_816_000))
            registry.seed([definition])
        }
        return registry
    }

    public static func reference(_ path: String) -> String {
        guard let image = images.first(where: { $0.path.hasSuffix(path) }) else { return "gcr.io/google_containers/" + path }
        return "gcr.io/\(image.path):\(image.tag)"
    }
}
