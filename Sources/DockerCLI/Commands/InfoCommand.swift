import Docker
import Kernel

extension Commands {
    static var info: DockerCommand {
        DockerCommand(name: "info", usage: "docker info [OPTIONS]", summary: "Display system-wide information",
                      flags: [FlagSpec("format", "f", value: true)], minimumArguments: 0, maximumArguments: 0, readsOnly: true) { invocation in
            let engine = invocation.engine
            let running = engine.containers.filter(\.isRunning).count
            let fileSystem = engine.host.fileSystem
            let osName = (try? fileSystem.readFile("/etc/os-release")).flatMap { bytes in
                String(decoding: bytes, as: UTF8.self).split(separator: "\n")
                    .first { $0.hasPrefix("PRETTY_NAME=") }
                    .map { String($0.dropFirst(12)).trimmingCharacters(in: "\"") }
            } ?? "Linux"
            var lines = [
                "Containers: \(engine.containers.count)",
                " Running: \(running)",
                " Paused: 0",
                " Stopped: \(engine.containers.count - running)",
                "Images: \(engine.images.count)",
                "Server Version: \(engine.era.docker.version)",
                "Storage Driver: overlay2",
                " Backing Filesystem: extfs",
                " Supports d_type: true",
                " Native Overlay Diff: true",
                "Logging Driver: json-file",
                "Cgroup Driver: cgroupfs",
                "Plugins:",
                " Volume: local",
                " Network: bridge host macvlan null overlay",
                " Log: awslogs fluentd gcplogs gelf journald json-file logentries splunk syslog",
                "Swarm: inactive",
                "Runtimes: runc",
                "Default Runtime: runc",
                "Init Binary: docker-init",
                "containerd version: \(engine.era.docker.containerdCommit)",
                "runc version: \(engine.era.docker.runcCommit)",
                "init version: \(engine.era.docker.initCommit)",
                "Security Options:",
                " apparmor",
                " seccomp",
                "  Profile: default",
                "Kernel Version: 4.9.0-6-amd64",
                "Operating System: \(osName)",
                "OSType: linux",
                "Architecture: x86_64",
                "CPUs: 2",
                "Total Memory: 7.787GiB",
                "Name: \(engine.host.hostname)",
                "ID: \(engine.daemonID)",
                "Docker Root Dir: /var/lib/docker",
                "Debug Mode (client): false",
                "Debug Mode (server): false",
            ]
            if let user = engine.logins[ImageName.hubRegistry] { lines.append("Username: \(user)") }
            lines += [
                "Registry: https://index.docker.io/v1/",
                "Labels:",
                "Experimental: false",
                "Insecure Registries:",
                " 127.0.0.0/8",
                "Live Restore Enabled: false",
                "",
            ]
            invocation.out(lines.joined(separator: "\n") + "\n")
            invocation.err("WARNING: No swap limit support\n")
            return 0
        }
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var scalars = Substring(self)
        while let first = scalars.first, set.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, set.contains(last) { scalars.removeLast() }
        return String(scalars)
    }
}
