import Docker
import KubernetesAPI
import Simulation

/// What the kubelet knows of one container of a pod across its restarts.
final class ContainerRecord {
    let spec: Container
    /// The running (or last started) Docker container.
    var current: Docker.Container?
    /// The instance before the current one, for `logs --previous`.
    var previous: Docker.Container?
    var restartCount = 0
    /// Set while the container is not running: `ContainerCreating`, `ErrImagePull`, `CrashLoopBackOff` ….
    var waiting: ContainerStateWaiting? = ContainerStateWaiting(reason: "ContainerCreating")
    var running: ContainerStateRunning?
    /// When the running container started, in virtual time (probes wait `initialDelaySeconds` from it).
    var startedInstant: VirtualInstant?
    var terminated: ContainerStateTerminated?
    var lastTerminated: ContainerStateTerminated?
    var ready = false
    var everStarted = false
    var imageID = ""
    var pullBackOff = BackOff()
    var crashBackOff = BackOff()
    var probes: [ProbeRunner] = []
    var stateToken: Int?
    /// Whether the kubelet itself is stopping the container (liveness, deletion).
    var killing = false

    init(spec: Container) {
        self.spec = spec
    }

    var image: String { spec.image ?? "" }

    /// The status kubectl reads.
    func status() -> ContainerStatus {
        let state = ContainerState(waiting: waiting, running: running, terminated: terminated)
        let last = lastTerminated.map { ContainerState(terminated: $0) } ?? ContainerState()
        return ContainerStatus(name: spec.name, state: state, lastState: last, ready: ready, restartCount: Int32(clamping: restartCount),
                               image: ContainerRecord.displayImage(image), imageID: imageID,
                               containerID: current.map { "docker://" + $0.id })
    }

    /// Docker reports images with their tag (`luksa/kubia:latest`).
    static func displayImage(_ image: String) -> String {
        guard let name = ImageName(parsing: image) else { return image }
        let familiar = name.familiarRepository
        return familiar + ":" + name.tag
    }
}
