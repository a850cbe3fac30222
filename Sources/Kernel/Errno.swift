/// The Linux error numbers the simulated machines report, with their `strerror` texts.
public enum Errno: Int32, Error, Sendable {
    case EPERM = 1, ENOENT = 2, ESRCH = 3, EINTR = 4, EIO = 5, ENOEXEC = 8, EBADF = 9
    case EACCES = 13, EBUSY = 16, EEXIST = 17, EXDEV = 18, ENOTDIR = 20, EISDIR = 21, EINVAL = 22
    case ENOSPC = 28, EROFS = 30, EPIPE = 32, ENOTEMPTY = 39, ELOOP = 40, EADDRINUSE = 98
    case ECONNRESET = 104, ETIMEDOUT = 110, ECONNREFUSED = 111, EHOSTUNREACH = 113

    /// The message glibc's `strerror` gives.
    public var message: String {
        switch self {
        case .EPERM: "Operation not permitted"
        case .ENOENT: "No such file or directory"
        case .ESRCH: "No such process"
        case .EINTR: "Interrupted system call"
        case .EIO: "Input/output error"
        case .ENOEXEC: "Exec format error"
        case .EBADF: "Bad file descriptor"
        case .EACCES: "Permission denied"
        case .EBUSY: "Device or resource busy"
        case .EEXIST: "File exists"
        case .EXDEV: "Invalid cross-device link"
        case .ENOTDIR: "Not a directory"
        case .EISDIR: "Is a directory"
        case .EINVAL: "Invalid argument"
        case .ENOSPC: "No space left on device"
        case .EROFS: "Read-only file system"
        case .EPIPE: "Broken pipe"
        case .ENOTEMPTY: "Directory not empty"
        case .ELOOP: "Too many levels of symbolic links"
        case .EADDRINUSE: "Address already in use"
        case .ECONNRESET: "Connection reset by peer"
        case .ETIMEDOUT: "Connection timed out"
        case .ECONNREFUSED: "Connection refused"
        case .EHOSTUNREACH: "No route to host"
        }
    }

    /// The symbolic name, as node prints it in `err.code`.
    public var name: String { String(describing: self) }
}
