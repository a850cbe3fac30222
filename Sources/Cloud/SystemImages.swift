import Docker
import Eras
import Kernel
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

    /// The program the ingress addon's controller image runs (`/nginx-ingress-controller`).
    public static let ingressControllerProgram = "nginx-ingress-controller"
    /// The program of the default backend image (`/server`, the 404 server).
    public static let defaultBackendProgram = "kubelab-default-backend"

    /// The images with the era's tags: binary, size, and the program the binary runs
    /// (the idle program unless named); `entrypoint` false: the binary is the image's `CMD`.
    static func images(_ era: Era) -> [(path: String, tag: String, binary: String, size: Int, program: String, entrypoint: Bool)] {
        let tags = era.kubernetes
        let idle: [(path: String, tag: String, binary: String, size: Int)] = [

            ("google_containers/pause-amd64", tags.pauseImageTag, "/pause", 746_888),
            ("google_containers/etcd-amd64", tags.etcdImageTag, "/usr/local/bin/etcd", 168_900_000),
            ("google_containers/kube-apiserver-amd64", tags.version, "/usr/local/bin/kube-apiserver", 194_500_000),
            ("google_containers/kube-controller-manager-amd64", tags.version, "/usr/local/bin/kube-controller-manager", 129_300_000),
            ("google_containers/kube-scheduler-amd64", tags.version, "/usr/local/bin/kube-scheduler", 55_000_000),
            ("google_containers/kube-proxy-amd64", tags.version, "/usr/local/bin/kube-proxy", 93_200_000),
            ("google_containers/k8s-dns-kube-dns-amd64", tags.dnsImageTag, "/kube-dns", 49_400_000),
            ("google_containers/k8s-dns-dnsmasq-nanny-amd64", tags.dnsImageTag, "/dnsmasq-nanny", 41_400_000),
            ("google_containers/k8s-dns-sidecar-amd64", tags.dnsImageTag, "/sidecar", 41_800_000),
            ("google_containers/kubernetes-dashboard-amd64", tags.dashboardImageTag, "/dashboard", 128_000_000),
            ("google-containers/kube-addon-manager", tags.addonManagerImageTag, "/opt/kube-addons.sh", 79_200_000),
        ]
        let idleImages = idle.map { (path: $0.path, tag: $0.tag, binary: $0.binary, size: $0.size, program: idleProgram, entrypoint: true) }
        return idleImages + [
            ("google_containers/nginx-ingress-controller", era.minikube.ingressControllerImageTag, "/nginx-ingress-controller", 121_400_000,
             ingressControllerProgram, false),
            ("google_containers/defaultbackend", era.minikube.defaultBackendImageTag, "/server", 5_850_000, defaultBackendProgram, true),
        ]
    }

    /// `gcr.io` with the system images.
    public static func registry(era: Era) -> Registry {
        let registry = Registry(host: "gcr.io", publishersDockerVersion: era.docker.version)
        for image in images(era) {
            let components = image.binary.split(separator: "/").map(String.init)
            var leaf = Directory()
            leaf.entries[components.last ?? "bin"] = .file(.program(name: image.program, size: 4096), FileMetadata(mode: 0o755))
            for component in components.dropLast().reversed() {
                var parent = Directory()
                parent.entries[component] = .directory(leaf)
                leaf = parent
            }
            let definition = BaseImageDefinition(
                name: ImageName(registry: "gcr.io", path: image.path, tag: image.tag), root: leaf, layerSizes: [image.size],
                layerCommands: [], metadataCommands: [],
                config: ContainerConfig(environment: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
                                       command: image.entrypoint ? nil : [image.binary], entrypoint: image.entrypoint ? [image.binary] : nil),
                created: VirtualInstant(secondsSinceEpoch: 1_506_816_000))
            registry.seed([definition])
        }
        return registry
    }

    public static func reference(_ path: String, era: Era) -> String {
        guard let image = images(era).first(where: { $0.path.hasSuffix(path) }) else { return "gcr.io/google_containers/" + path }
        return "gcr.io/\(image.path):\(image.tag)"
    }
}
