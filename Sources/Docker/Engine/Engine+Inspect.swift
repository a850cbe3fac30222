import Kernel
import Simulation
import StructuredData

/// The documents `docker inspect` prints, shaped like the Docker 17.12 API's.
extension DockerEngine {
    public func inspectDocument(for container: Container) -> JSONValue {
        let config = container.config
        let running = container.isRunning
        let hostPID = running ? host.processes.allIncludingGuests.first { $0.process === container.mainProcess }?.pid ?? 0 : 0
        let status: String
        switch container.state {
        case .created: status = "created"
        case .running: status = "running"
        case .exited: status = "exited"
        case .removing: status = "removing"
        }
        let state: JSONValue = .object(JSONObject([
            "Status": .string(status), "Running": .bool(running), "Paused": false, "Restarting": false,
            "OOMKilled": false, "Dead": false, "Pid": .number(.integer(Int64(hostPID))),
            "ExitCode": .number(.integer(Int64(container.exitCode))), "Error": "",
            "StartedAt": .string(Self.goTime(container.startedAt)), "FinishedAt": .string(Self.goTime(container.finishedAt)),
        ]))
        let directory = "/var/lib/docker/containers/" + container.id
        var portBindings = JSONObject()
        for binding in container.spec.ports {
            let key = "\(binding.containerPort)/\(binding.proto)"
            let hostIP = binding.hostIP == "0.0.0.0" ? "" : binding.hostIP
            let entry: JSONValue = .object(JSONObject(["HostIp": .string(hostIP),
                                                       "HostPort": .string(binding.hostPort == 0 ? "" : String(binding.hostPort))]))
            portBindings[key] = .array((portBindings[key]?.arrayValue ?? []) + [entry])
        }
        let restartPolicy = container.spec.restartPolicy
        var maximumRetries: Int64 = 0
        if case .onFailure(let count) = restartPolicy { maximumRetries = Int64(count) }
        let hostConfig: JSONValue = .object(JSONObject([
            "Binds": container.binds.isEmpty ? nil : .array(container.binds.map { .string($0) }), "ContainerIDFile": "",
            "LogConfig": .object(JSONObject(["Type": "json-file", "Config": .object(JSONObject())])),
            "NetworkMode": "default", "PortBindings": .object(portBindings),
            "RestartPolicy": .object(JSONObject(["Name": .string(restartPolicy.name), "MaximumRetryCount": .number(.integer(maximumRetries))])),
            "AutoRemove": .bool(container.spec.autoRemove), "VolumeDriver": "", "VolumesFrom": nil,
            "PublishAllPorts": .bool(container.spec.publishAll), "Privileged": false,
            "Memory": .number(.integer(container.spec.memoryLimit ?? 0)),
            // Docker allows as much swap again as memory when only -m is given.
            "MemorySwap": .number(.integer((container.spec.memoryLimit ?? 0) * 2)),
        ]))
        var ports = JSONObject()
        if running {
            for exposed in config.exposedPorts { ports[exposed] = .null }
            for binding in container.ports {
                let key = "\(binding.containerPort)/\(binding.proto)"
                let entry: JSONValue = .object(JSONObject(["HostIp": .string(binding.hostIP), "HostPort": .string(String(binding.hostPort))]))
                ports[key] = .array((ports[key]?.arrayValue ?? []) + [entry])
            }
        }
        let address = container.ipAddress ?? ""
        let gateway = running ? bridgeGateway : ""
        let mac = running ? Self.macAddress(for: address) : ""
        let bridge: JSONValue = .object(JSONObject([
            "IPAMConfig": nil, "Links": nil, "Aliases": nil, "NetworkID": .string(networkID),
            "EndpointID": .string(running ? ContentDigest.hexPart(ContentDigest.sha256(container.id + address)) : ""),
            "Gateway": .string(gateway), "IPAddress": .string(address), "IPPrefixLen": .number(.integer(running ? 16 : 0)),
            "IPv6Gateway": "", "GlobalIPv6Address": "", "GlobalIPv6PrefixLen": 0, "MacAddress": .string(mac), "DriverOpts": nil,
        ]))
        let networkSettings: JSONValue = .object(JSONObject([
            "Bridge": "", "SandboxID": .string(running ? ContentDigest.hexPart(ContentDigest.sha256("sandbox" + container.id)) : ""),
            "HairpinMode": false, "LinkLocalIPv6Address": "", "LinkLocalIPv6PrefixLen": 0, "Ports": .object(ports),
            "SandboxKey": .string(running ? "/var/run/docker/netns/" + String(container.id.prefix(12)) : ""),
            "SecondaryIPAddresses": nil, "SecondaryIPv6Addresses": nil,
            "EndpointID": bridge.objectValue?["EndpointID"] ?? "", "Gateway": .string(gateway), "GlobalIPv6Address": "",
            "GlobalIPv6PrefixLen": 0, "IPAddress": .string(address), "IPPrefixLen": .number(.integer(running ? 16 : 0)),
            "IPv6Gateway": "", "MacAddress": .string(mac),
            "Networks": .object(JSONObject(["bridge": bridge])),
        ]))
        let command = container.commandLine
        return .object(JSONObject([
            "Id": .string(container.id), "Created": .string(Self.goTime(container.created)),
            "Path": .string(command.first ?? ""), "Args": .array(command.dropFirst().map { .string($0) }),
            "State": state, "Image": .string(container.imageID),
            "ResolvConfPath": .string(directory + "/resolv.conf"), "HostnamePath": .string(directory + "/hostname"),
            "HostsPath": .string(directory + "/hosts"), "LogPath": .string(directory + "/" + container.id + "-json.log"),
            "Name": .string("/" + container.name), "RestartCount": .number(.integer(Int64(container.restartCount))),
            "Driver": "overlay2", "Platform": "linux", "MountLabel": "", "ProcessLabel": "", "AppArmorProfile": "docker-default",
            "ExecIDs": nil, "HostConfig": hostConfig,
            "GraphDriver": .object(JSONObject(["Data": nil, "Name": "overlay2"])),
            "Mounts": mountsDocument(for: container),
            "Config": containerConfigDocument(config, hostname: container.machine.hostname, image: container.imageReference,
                                              tty: container.spec.tty, openStdin: container.spec.interactive),
            "NetworkSettings": networkSettings,
        ]))
    }

    public func inspectDocument(for image: Image) -> JSONValue {
        let config = containerConfigDocument(image.config.config, hostname: "", image: image.parentID ?? "", tty: false, openStdin: false)
        return .object(JSONObject([
            "Id": .string(image.id),
            "RepoTags": .array(tags(of: image.id).map { .string($0) }),
            "RepoDigests": .array((repositoryDigests[image.id] ?? []).map { .string($0) }),
            "Parent": .string(image.parentID ?? ""), "Comment": "", "Created": .string(Self.goTime(image.created)),
            "Container": "", "ContainerConfig": config, "DockerVersion": .string(image.config.dockerVersion), "Author": "",
            "Config": config, "Architecture": .string(image.config.architecture), "Os": .string(image.config.operatingSystem),
            "Size": .number(.integer(Int64(size(of: image)))), "VirtualSize": .number(.integer(Int64(size(of: image)))),
            "GraphDriver": .object(JSONObject(["Data": nil, "Name": "overlay2"])),
            "RootFS": .object(JSONObject(["Type": "layers", "Layers": .array(image.config.layerDigests.map { .string($0) })])),
            "Metadata": .object(JSONObject(["LastTagTime": .string(Self.goTime(nil))])),
        ]))
    }

    private func containerConfigDocument(_ config: ContainerConfig, hostname: String, image: String, tty: Bool,
                                         openStdin: Bool) -> JSONValue {
        var object = JSONObject([
            "Hostname": .string(hostname), "Domainname": "", "User": .string(config.user),
            "AttachStdin": .bool(openStdin), "AttachStdout": .bool(!openStdin || tty), "AttachStderr": .bool(!openStdin || tty),
        ])
        if !config.exposedPorts.isEmpty {
            var exposed = JSONObject()
            for port in config.exposedPorts { exposed[port] = .object(JSONObject()) }
            object["ExposedPorts"] = .object(exposed)
        }
        object["Tty"] = .bool(tty)
        object["OpenStdin"] = .bool(openStdin)
        object["StdinOnce"] = .bool(openStdin)
        object["Env"] = .array(config.environment.map { .string($0) })
        object["Cmd"] = config.command.map { .array($0.map { .string($0) }) } ?? .null
        object["Image"] = .string(image)
        if let volumes = config.volumes, !volumes.isEmpty {
            object["Volumes"] = .object(JSONObject(pairs: volumes.sorted().map { ($0, .object(JSONObject())) }))
        } else {
            object["Volumes"] = .null
        }
        object["WorkingDir"] = .string(config.workingDirectory)
        object["Entrypoint"] = config.entrypoint.map { .array($0.map { .string($0) }) } ?? .null
        object["OnBuild"] = .null
        var labels = JSONObject()
        for key in config.labels.keys.sorted() { labels[key] = .string(config.labels[key] ?? "") }
        object["Labels"] = .object(labels)
        if let signal = config.stopSignal { object["StopSignal"] = .string(signal) }
        return .object(object)
    }

    /// The ID of the default bridge network, fixed per engine.
    var networkID: String { ContentDigest.hexPart(ContentDigest.sha256("bridge " + host.hostname)) }

    /// docker's MAC for a bridge address: 02:42 followed by the IPv4 bytes.
    static func macAddress(for address: String) -> String {
        let bytes = address.split(separator: ".").compactMap { UInt8($0) }
        guard bytes.count == 4 else { return "" }
        let hex = bytes.map { byte -> String in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
        }
        return "02:42:" + hex.joined(separator: ":")
    }

    /// Go's `time.Time` JSON form (RFC 3339 with trailing fraction zeros trimmed); the zero
    /// time for nil.
    static func goTime(_ instant: VirtualInstant?) -> String {
        guard let instant else { return "0001-01-01T00:00:00Z" }
        return CivilTime(instant).rfc3339Nano
    }
}
