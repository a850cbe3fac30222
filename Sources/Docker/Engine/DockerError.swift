/// A failure the engine reports, with the daemon's message of the era (Docker 17.12).
public enum DockerError: Error, Hashable, Sendable {
    case noSuchContainer(String)
    case noSuchImage(String)
    case noSuchObject(String)
    case imageNotFoundLocally(String)
    case pullAccessDenied(repository: String)
    case manifestNotFound(String)
    case nameConflict(name: String, containerID: String)
    case portAllocated(endpoint: String, containerID: String, port: Int)
    case portInUse(endpoint: String, containerID: String, port: Int)
    case containerNotRunning(String)
    case containerRunning(String)
    case removeRunningContainer(String)
    case executableNotFound(String)
    case permissionDenied(String)
    case accessDenied
    case imageUsedByContainer(reference: String, containerID: String, imageID: String)
    case imageUsedByRunningContainer(imageID: String, containerID: String)
    case imageReferencedInMultipleRepositories(String)
    case imageHasDependentChildren(String)
    case unauthorized
    case buildFailed(String)
    case other(String)

    /// The daemon's message, as printed after `Error response from daemon: `.
    public var message: String {
        switch self {
        case .noSuchContainer(let name): "No such container: \(name)"
        case .noSuchImage(let name): "No such image: \(name)"
        case .noSuchObject(let name): "No such object: \(name)"
        case .imageNotFoundLocally(let name): "An image does not exist locally with the tag: \(name)"
        case .pullAccessDenied(let repository):
            "pull access denied for \(repository), repository does not exist or may require 'docker login'"
        case .manifestNotFound(let name): "manifest for \(name) not found"
        case .nameConflict(let name, let id):
            "Conflict. The container name \"/\(name)\" is already in use by container \"\(id)\". You have to remove (or rename) that container to be able to reuse that name."
        case .portAllocated(let endpoint, let id, let port):
            "driver failed programming external connectivity on endpoint \(endpoint) (\(id)): Bind for 0.0.0.0:\(port) failed: port is already allocated"
        case .portInUse(let endpoint, let id, let port):
            "driver failed programming external connectivity on endpoint \(endpoint) (\(id)): Error starting userland proxy: listen tcp 0.0.0.0:\(port): bind: address already in use"
        case .containerNotRunning(let id): "Container \(id) is not running"
        case .containerRunning(let id): "Container \(id) is already running"
        case .removeRunningContainer(let id):
            "You cannot remove a running container \(id). Stop the container before attempting removal or force remove"
        case .executableNotFound(let name):
            "OCI runtime create failed: container_linux.go:296: starting container process caused \"exec: \\\"\(name)\\\": executable file not found in $PATH\": unknown"
        case .permissionDenied(let name):
            "OCI runtime create failed: container_linux.go:296: starting container process caused \"exec: \\\"\(name)\\\": permission denied\": unknown"
        case .accessDenied: "denied: requested access to the resource is denied"
        case .imageUsedByContainer(let reference, let container, let image):
            "conflict: unable to remove repository reference \"\(reference)\" (must force) - container \(container) is using its referenced image \(image)"
        case .imageUsedByRunningContainer(let image, let container):
            "conflict: unable to delete \(image) (cannot be forced) - image is being used by running container \(container)"
        case .imageReferencedInMultipleRepositories(let image):
            "conflict: unable to delete \(image) (must be forced) - image is referenced in multiple repositories"
        case .imageHasDependentChildren(let image):
            "conflict: unable to delete \(image) (cannot be forced) - image has dependent child images"
        case .unauthorized: "Get https://registry-1.docker.io/v2/: unauthorized: incorrect username or password"
        case .buildFailed(let text): text
        case .other(let text): text
        }
    }

    /// The exit status `docker run` ends with for this error.
    public var runExitStatus: Int32 {
        switch self {
        case .executableNotFound: 127
        case .permissionDenied: 126
        default: 125
        }
    }
}
