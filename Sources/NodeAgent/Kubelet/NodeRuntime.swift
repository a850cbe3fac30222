import KubernetesAPI
import Kernel
import Simulation

/// Serves `kubectl logs`, `exec` and `port-forward` for a cluster by finding the pod's kubelet.
public final class NodeRuntime: PodRuntime {
    private let client: any KubernetesClient
    private var kubelets: [String: Kubelet] = [:]

    public init(client: any KubernetesClient) {
        self.client = client
    }

    public func add(_ kubelet: Kubelet) {
        kubelets[kubelet.configuration.nodeName] = kubelet
    }

    public func remove(node name: String) {
        kubelets[name] = nil
    }

    private func lookup(namespace: String, pod name: String, container: String) throws(APIError) -> (Pod, ContainerRecord) {
        let pod = try client.get(Pod.self, namespace: namespace, name: name)
        guard let node = pod.spec?.nodeName, let kubelet = kubelets[node], kubelet.isRunning,
              let worker = kubelet.worker(namespace: namespace, name: name) else {
            throw APIError.badRequest("pod \(name) does not have a host assigned")
        }
        guard let record = worker.records.first(where: { $0.spec.name == container }) else {
            throw APIError.badRequest("container \(container) is not valid for pod \(name)")
        }
        return (pod, record)
    }

    private static func waitingMessage(_ record: ContainerRecord, pod: String) -> String {
        let reason = record.waiting?.reason ?? "ContainerCreating"
        let detail = switch reason {
        case "ImagePullBackOff": "trying and failing to pull image"
        case "ErrImagePull": "image can't be pulled"
        default: reason
        }
        return "container \"\(record.spec.name)\" in pod \"\(pod)\" is waiting to start: \(detail)"
    }

    public func logs(namespace: String, pod name: String, container: String, options: PodLogOptions) throws(APIError) -> any ReadableStream {
        let (_, record) = try lookup(namespace: namespace, pod: name, container: container)
        let source: any RuntimeContainer
        if options.previous {
            let previous = record.running == nil && record.terminated == nil ? record.current : record.previous
            guard let previous, record.restartCount > 0 || record.running == nil else {
                throw APIError.badRequest("previous terminated container \"\(container)\" in pod \"\(name)\" not found")
            }
            source = previous
        } else {
            guard let current = record.current else { throw APIError.badRequest(Self.waitingMessage(record, pod: name)) }
            source = current
        }
        return source.logs(tailLines: options.tailLines, follow: options.follow)
    }

    public func exec(namespace: String, pod name: String, container: String, command: [String], tty: Bool,
                     stdin: (any ReadableStream)?, stdout: any WritableStream, stderr: any WritableStream,
                     signals: ExecSignalRelay?) async throws -> Int32 {
        let (pod, record) = try lookup(namespace: namespace, pod: name, container: container)
        if pod.isTerminated {
            throw APIError.badRequest("cannot exec into a container in a completed pod; current phase is \(pod.status?.phase?.rawValue ?? "")")
        }
        guard let current = record.current, current.isRunning else {
            throw APIError.badRequest("container not found (\"\(container)\")")
        }
        let process: SimulatedProcess
        do {
            process = try current.exec(command, tty: tty, stdin: stdin ?? EmptyReader(), stdout: stdout, stderr: stderr)
        } catch {
            // The runtime could not start the command (not in the image): its message comes
            // back on the stream and the exec ends with runc's 126.
            try? stderr.write(Array((error.message + "\n").utf8))
            return 126
        }
        signals?.attach(process)
        return try await process.waitForExit()
    }

    public func portForward(namespace: String, pod name: String) throws(APIError) -> any PortForwardStream {
        let pod = try client.get(Pod.self, namespace: namespace, name: name)
        guard let node = pod.spec?.nodeName, let kubelet = kubelets[node] else {
            throw APIError.badRequest("pod \(name) does not have a host assigned")
        }
        guard kubelet.isRunning else {
            // The API server cannot reach the kubelet's port on a node that is down.
            throw APIError(reason: .internalError, code: 500,
                           message: "error dialing backend: dial tcp \(kubelet.configuration.internalIP):10250: i/o timeout")
        }
        guard let worker = kubelet.workers[pod.uid] else {
            throw APIError.badRequest("pod \(name) does not have a host assigned")
        }
        let sandboxID = worker.sandbox?.id ?? worker.records.first?.current?.id ?? pod.uid
        return KubeletPortForward(kubelet: kubelet, uid: pod.uid, sandboxID: sandboxID)
    }
}
