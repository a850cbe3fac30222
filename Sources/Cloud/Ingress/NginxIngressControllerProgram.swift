import KubernetesAPI
import Kernel
import Userland
import Simulation

/// The `nginx-ingress-controller` binary of the minikube ingress addon: it reads the cluster's
/// ingresses through the API server (as its pod's service account would), proxies HTTP on port
/// 80 (and HTTPS on 443) to the endpoints of the services their rules name, sends what no rule
/// takes to `--default-backend-service`, and reports its node's address in each ingress's status.
public struct NginxIngressControllerProgram: Program {
    let reference: EnvironmentReference

    public init(environment: CloudEnvironment) {
        reference = EnvironmentReference(environment: environment)
    }

    /// How often the controller writes its address into the ingresses' status (the status syncer's period).
    static let statusPeriod: Duration = .seconds(60)

    public func run(_ context: ProgramContext) async throws -> Int32 {
        var defaultBackend: String?
        for argument in context.arguments.dropFirst() {
            if argument.hasPrefix("--default-backend-service=") {
                defaultBackend = String(argument.dropFirst("--default-backend-service=".count))
            }
        }
        let environment = reference.environment
        guard let defaultBackend, defaultBackend.split(separator: "/").count == 2 else {
            context.printError("F\(Self.logHeader(context)) main.go:113] Please specify --default-backend-service\n")
            return 255
        }
        guard let cluster = environment.cluster(runningOn: context.machine) else {
            context.printError("F\(Self.logHeader(context)) main.go:145] error while initializing connection to Kubernetes apiserver. This most likely means that the cluster is misconfigured (e.g., it has invalid apiserver certificates or service accounts configuration).\n")
            return 255
        }
        let parts = defaultBackend.split(separator: "/").map(String.init)
        let proxy = IngressProxy(context: context, client: cluster.controlPlane.client(), nginxVersion: environment.era.minikube.ingressNginxVersion,
                                 defaultBackend: (parts[0], parts[1]))
        let loop = context.loop
        let stack = context.machine.networkStack
        do {
            for port in [80, 443] {
                _ = try stack.listen(port: port, owner: context.process) { connection in
                    loop.spawn { await proxy.serve(connection, port: port) }
                }
            }
            _ = try stack.listen(port: 10254, owner: context.process) { connection in
                loop.spawn { await IngressProxy.serveHealth(connection, loop: loop) }
            }
        } catch {
            context.printError("F\(Self.logHeader(context)) main.go:160] port 80 is already in use. Please check the flag --http-port\n")
            return 255
        }
        // The controller's ingress informer: each ingress of its class it learns of, or sees
        // change, gets an event (an existing one counts as new when the controller starts).
        let recorder = EventRecorder(client: cluster.controlPlane.client(), loop: loop, component: "nginx-ingress-controller")
        if let watch = try? cluster.controlPlane.client().watch(Ingress.self, handler: { event in
            guard IngressRoutes.isNginxClass(event.object) else { return }
            let reason = switch event.type {
            case .added: "CREATE"
            case .deleted: "DELETE"
            default: "UPDATE"
            }
            recorder.record(event.object, reason: reason, message: "Ingress \(event.object.namespace)/\(event.object.name)")
        }) {
            context.process.onExit { _ in watch.stop() }
        }
        do {
            while true {
                try await context.process.sleep(for: Self.statusPeriod)
                proxy.publishAddress(podName: context.environment["POD_NAME"], podNamespace: context.environment["POD_NAMESPACE"])
            }
        } catch {
            // On shutdown the controller takes its address out of the ingresses it served.
            proxy.withdrawAddress()
            throw error
        }
    }

    /// glog's `MMDD hh:mm:ss.uuuuuu pid` header.
    static func logHeader(_ context: ProgramContext) -> String {
        let time = CivilTime(context.loop.now)
        return CivilTime.padded(time.month, 2) + CivilTime.padded(time.day, 2) + " " + time.clock + ".000000       \(context.process.pid)"
    }
}
