import Docker

extension Commands {
    /// `docker diff`: the changes in a container's writable layer, one `C|A|D PATH` a line.
    static var diff: DockerCommand {
        DockerCommand(name: "diff", usage: "docker diff CONTAINER",
                      summary: "Inspect changes to files or directories on a container's filesystem", flags: [],
                      minimumArguments: 1, maximumArguments: 1, readsOnly: true) { invocation in
            let name = invocation.arguments.positional[0]
            // The 17.x client passes the daemon's 404 through unwrapped (unlike `inspect`).
            guard let container = invocation.engine.container(named: name) else {
                invocation.err("Error response from daemon: No such container: \(name)\n")
                return 1
            }
            invocation.out(invocation.engine.changes(in: container).map { "\($0.kind.rawValue) \($0.path)\n" }.joined())
            return 0
        }
    }
}
