import ImageReferences
import KubernetesAPI
import Simulation

/// What the kubelet knows of one container of a pod across its restarts.
final class ContainerRecord {
    let spec: Container
    /// The running (or last started) container.
    var current: (any RuntimeContainer)?
    /// The instance before the current one, for `logs --previous`.
    var previous: (any RuntimeContainer)?
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

    /// The status kubectl reads; the runtime reports the image and names the container ID.
    func status(runtime: any ContainerRuntime) -> ContainerStatus {
        let state = ContainerState(waiting: waiting, running: running, terminated: terminated)
        let last = lastTerminated.map { ContainerState(terminated: $0) } ?? ContainerState()
        return ContainerStatus(name: spec.name, state: state, lastState: last, ready: ready, restartCount: Int32(clamping: restartCount),
                               image: runtime.reportedImage(image), imageID: imageID,
                               containerID: current.map { runtime.name + "://" + $0.id })
    }

    /// Whether the image names a tag (`:latest` when none is written), as `applyDefaultImageTag`
    /// requires; nil when it does not parse or pins a digest.
    var imageTag: String? {
        guard let reference = try? ImageReference(parsing: image), reference.digest == nil else { return nil }
        return reference.tag ?? ImageReference.defaultTag
    }
}
