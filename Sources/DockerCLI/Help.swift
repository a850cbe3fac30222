/// `docker <command> --help`: the usage line, the summary and the options, laid out as
/// cobra/pflag do (flags sorted by name, descriptions aligned three spaces after the longest).
enum Help {
    /// Type word and description of each flag, per command (Docker 17.12's texts).
    static let descriptions: [String: [String: (type: String, text: String)]] = {
        let container: [String: (type: String, text: String)] = [
            "detach": ("", "Run container in background and print container ID"),
            "entrypoint": ("string", "Overwrite the default ENTRYPOINT of the image"),
            "env": ("list", "Set environment variables"),
            "hostname": ("string", "Container host name"),
            "interactive": ("", "Keep STDIN open even if not attached"),
            "name": ("string", "Assign a name to the container"),
            "publish": ("list", "Publish a container's port(s) to the host"),
            "publish-all": ("", "Publish all exposed ports to random ports"),
            "restart": ("string", "Restart policy to apply when a container exits (default \"no\")"),
            "rm": ("", "Automatically remove the container when it exits"),
            "tty": ("", "Allocate a pseudo-TTY"),
            "user": ("string", "Username or UID (format: <name|uid>[:<group|gid>])"),
            "volume": ("list", "Bind mount a volume"),
            "workdir": ("string", "Working directory inside the container"),
        ]
        return [
            "run": container.merging(["sig-proxy": ("", "Proxy received signals to the process (default true)")]) { old, _ in old },
            "create": container,
            "start": ["attach": ("", "Attach STDOUT/STDERR and forward signals"),
                      "interactive": ("", "Attach container's STDIN")],
            "stop": ["time": ("int", "Seconds to wait for stop before killing it (default 10)")],
            "restart": ["time": ("int", "Seconds to wait for stop before killing the container (default 10)")],
            "kill": ["signal": ("string", "Signal to send to the container (default \"KILL\")")],
            "rm": ["force": ("", "Force the removal of a running container (uses SIGKILL)"),
                   "volumes": ("", "Remove the volumes associated with the container")],
            "logs": ["follow": ("", "Follow log output"),
                     "tail": ("string", "Number of lines to show from the end of the logs (default \"all\")"),
                     "timestamps": ("", "Show timestamps")],
            "exec": ["detach": ("", "Detached mode: run command in the background"),
                     "env": ("list", "Set environment variables"),
                     "interactive": ("", "Keep STDIN open even if not attached"),
                     "tty": ("", "Allocate a pseudo-TTY"),
                     "user": ("string", "Username or UID (format: <name|uid>[:<group|gid>])"),
                     "workdir": ("string", "Working directory inside the container")],
            "ps": ["all": ("", "Show all containers (default shows just running)"),
                   "latest": ("", "Show the latest created container (includes all states)"),
                   "no-trunc": ("", "Don't truncate output"),
                   "quiet": ("", "Only display numeric IDs")],
            "images": ["all": ("", "Show all images (default hides intermediate images)"),
                       "digests": ("", "Show digests"),
                       "no-trunc": ("", "Don't truncate output"),
                       "quiet": ("", "Only show numeric IDs")],
            "history": ["no-trunc": ("", "Don't truncate output"), "quiet": ("", "Only show numeric IDs")],
            "inspect": ["format": ("string", "Format the output using the given Go template"),
                        "size": ("", "Display total file sizes if the type is container"),
                        "type": ("string", "Return JSON for specified type")],
            "build": ["build-arg": ("list", "Set build-time variables"),
                      "file": ("string", "Name of the Dockerfile (Default is 'PATH/Dockerfile')"),
                      "no-cache": ("", "Do not use cache when building the image"),
                      "quiet": ("", "Suppress the build output and print image ID on success"),
                      "tag": ("list", "Name and optionally a tag in the 'name:tag' format")],
            "pull": ["all-tags": ("", "Download all tagged images in the repository")],
            "rmi": ["force": ("", "Force removal of the image"), "no-prune": ("", "Do not delete untagged parents")],
            "login": ["password": ("string", "Password"), "password-stdin": ("", "Take the password from stdin"),
                      "username": ("string", "Username")],
            "info": ["format": ("string", "Format the output using the given Go template")],
            "volume create": ["driver": ("string", "Specify volume driver name (default \"local\")"),
                              "label": ("list", "Set metadata for a volume"),
                              "opt": ("map", "Set driver specific options (default map[])")],
            "volume inspect": ["format": ("string", "Format the output using the given Go template")],
            "volume ls": ["filter": ("filter", "Provide filter values (e.g. 'dangling=true')"),
                          "format": ("string", "Pretty-print volumes using a Go template"),
                          "quiet": ("", "Only display volume names")],
            "volume prune": ["filter": ("filter", "Provide filter values (e.g. 'label=<label>')"),
                             "force": ("", "Do not prompt for confirmation")],
            "volume rm": ["force": ("", "Force the removal of one or more volumes")],
        ]
    }()

    static func text(for command: DockerCommand) -> String {
        var text = "\nUsage:\t\(command.usage)\n\n\(command.summary)\n"
        let known = descriptions[command.name] ?? [:]
        let flags = command.flags.filter { known[$0.long] != nil }.sorted { $0.long < $1.long }
        guard !flags.isEmpty else { return text }
        let heads = flags.map { flag -> String in
            let type = known[flag.long]?.type ?? ""
            let names = flag.short.map { "  -\($0), --\(flag.long)" } ?? "      --\(flag.long)"
            return type.isEmpty ? names : names + " " + type
        }
        let width = heads.map(\.count).max() ?? 0
        text += "\nOptions:\n"
        for (flag, head) in zip(flags, heads) {
            text += head + String(repeating: " ", count: width - head.count + 3) + (known[flag.long]?.text ?? "") + "\n"
        }
        return text
    }
}
