import Kernel

/// What `docker build` sends the daemon: the Dockerfile, the context tree and the options.
public struct BuildRequest {
    public var dockerfile: String
    /// The build context (already filtered by `.dockerignore`), rooted at the context directory.
    public var context: Directory
    public var tag: ImageName?
    public var noCache = false
    public var buildArguments: [String: String?] = [:]

    public init(dockerfile: String, context: Directory, tag: ImageName? = nil) {
        self.dockerfile = dockerfile
        self.context = context
        self.tag = tag
    }
}
