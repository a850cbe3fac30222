import Docker
import Formatting
import GoTemplates
import Kernel
import StructuredData

/// `docker volume create|inspect|ls|prune|rm`, as the Docker 17.12 CLI prints them.
extension Commands {
    static var volume: DockerCommand {
        DockerCommand(name: "volume", usage: "docker volume COMMAND", summary: "Manage volumes", flags: [],
                      interspersed: false, minimumArguments: 0, maximumArguments: nil) { invocation in
            let arguments = invocation.arguments.positional
            guard let name = arguments.first else {
                invocation.out(volumeOverview)
                return 0
            }
            let aliases = ["list": "ls", "remove": "rm"]
            let wanted = aliases[name] ?? name
            guard let subcommand = volumeSubcommands.first(where: { $0.name == "volume " + wanted }) else {
                invocation.err("docker volume: '\(name)' is not a docker volume command.\nSee 'docker volume --help'\n")
                return 1
            }
            return try await DockerProgram.execute(subcommand, Array(arguments.dropFirst()), context: invocation.context,
                                                   engine: invocation.engine, era: invocation.era)
        }
    }

    static let volumeOverview = """

        Usage:\tdocker volume COMMAND

        Manage volumes

        Options:


        Commands:
          create      Create a volume
          inspect     Display detailed information on one or more volumes
          ls          List volumes
          prune       Remove all unused volumes
          rm          Remove one or more volumes

        Run 'docker volume COMMAND --help' for more information on a command.

        """

    static var volumeSubcommands: [DockerCommand] {
        [volumeCreate, volumeInspect, volumeList, volumePrune, volumeRemove]
    }

    static var volumeCreate: DockerCommand {
        DockerCommand(name: "volume create", usage: "docker volume create [OPTIONS] [VOLUME]", summary: "Create a volume",
                      flags: [FlagSpec("driver", "d", value: true), FlagSpec("label", value: true), FlagSpec("opt", "o", value: true),
                              FlagSpec("name", value: true)],
                      minimumArguments: 0, maximumArguments: 1) { invocation in
            let arguments = invocation.arguments
            var name = arguments.value("name")
            if let positional = arguments.positional.first {
                if let flagged = name, flagged != positional {
                    invocation.err("Conflicting options: either specify --name or provide positional arg, not both\n")
                    return 1
                }
                name = positional
            }
            let driver = arguments.value("driver") ?? "local"
            guard driver == "local" else {
                invocation.err("Error response from daemon: create \(name ?? ""): error looking up volume plugin \(driver): plugin \"\(driver)\" not found\n")
                return 1
            }
            var labels: [String: String] = [:]
            for entry in arguments.all("label") {
                let (key, value) = splitAssignment(entry)
                labels[key] = value ?? ""
            }
            var options: [String: String] = [:]
            for entry in arguments.all("opt") {
                let (key, value) = splitAssignment(entry)
                guard let value else {
                    invocation.err("invalid argument \"\(entry)\" for \"-o, --opt\" flag: invalid key value pair format in driver options\nSee 'docker volume create --help'.\n")
                    return 125
                }
                options[key] = value
            }
            do {
                let volume = try invocation.engine.createVolume(named: name?.isEmpty == false ? name : nil, labels: labels, options: options)
                invocation.out(volume.name + "\n")
                return 0
            } catch {
                return invocation.daemonError(error)
            }
        }
    }

    static var volumeInspect: DockerCommand {
        DockerCommand(name: "volume inspect", usage: "docker volume inspect [OPTIONS] VOLUME [VOLUME...]",
                      summary: "Display detailed information on one or more volumes", flags: [FlagSpec("format", "f", value: true)],
                      minimumArguments: 1, maximumArguments: nil) { invocation in
            guard let template = Self.inspectTemplate(invocation) else { return 1 }
            var documents: [JSONValue] = []
            var missing: [String] = []
            for name in invocation.arguments.positional {
                if let volume = invocation.engine.volume(named: name) {
                    documents.append(invocation.engine.inspectDocument(for: volume))
                } else {
                    missing.append(name)
                }
            }
            guard Self.printInspected(documents, template: template, invocation: invocation) else { return 1 }
            for name in missing { invocation.err("Error: No such volume: \(name)\n") }
            return missing.isEmpty ? 0 : 1
        }
    }

    static var volumeList: DockerCommand {
        DockerCommand(name: "volume ls", usage: "docker volume ls [OPTIONS]", summary: "List volumes",
                      flags: [FlagSpec("filter", "f", value: true), FlagSpec("format", value: true), FlagSpec("quiet", "q")],
                      minimumArguments: 0, maximumArguments: 0) { invocation in
            let engine = invocation.engine
            var shown = engine.volumes.values.sorted { $0.name < $1.name }
            for filter in invocation.arguments.all("filter") {
                let (key, value) = splitAssignment(filter)
                guard let value else {
                    invocation.err("Error: bad format of filter (expected name=value)\n")
                    return 1
                }
                switch key {
                case "dangling":
                    guard let dangling = ["true": true, "1": true, "false": false, "0": false][value.lowercased()] else {
                        invocation.err("Error response from daemon: Invalid filter 'dangling=\(value)'\n")
                        return 1
                    }
                    shown = shown.filter { engine.containers(using: $0).isEmpty == dangling }
                case "name":
                    shown = shown.filter { $0.name.contains(value) }
                case "driver":
                    shown = shown.filter { _ in "local".contains(value) }
                case "label":
                    let (labelKey, labelValue) = splitAssignment(value)
                    shown = shown.filter { volume in
                        guard let present = volume.labels?[labelKey] else { return false }
                        return labelValue.map { $0 == present } ?? true
                    }
                default:
                    invocation.err("Error response from daemon: Invalid filter '\(key)'\n")
                    return 1
                }
            }
            if invocation.arguments.has("quiet") {
                invocation.out(shown.map { $0.name + "\n" }.joined())
                return 0
            }
            if let format = invocation.arguments.value("format") {
                let template: GoTemplate
                do { template = try GoTemplate(parsing: format.hasPrefix("table ") ? String(format.dropFirst(6)) : format) } catch {
                    invocation.err(error.templateMessage + "\n")
                    return 1
                }
                for volume in shown {
                    let row: JSONValue = .object(JSONObject(["Driver": "local", "Name": .string(volume.name),
                                                             "Mountpoint": .string(volume.mountpoint), "Scope": "local"]))
                    do { invocation.out(try template.render(row, missingKey: .error) + "\n") } catch {
                        invocation.err(error.templateMessage + "\n")
                        return 1
                    }
                }
                return 0
            }
            var table = Table(header: ["DRIVER", "VOLUME NAME"])
            for volume in shown { table.add(["local", volume.name]) }
            invocation.out(table.text(invocation.engine.era.docker.tables))
            return 0
        }
    }

    static var volumeRemove: DockerCommand {
        DockerCommand(name: "volume rm", usage: "docker volume rm [OPTIONS] VOLUME [VOLUME...]", summary: "Remove one or more volumes",
                      flags: [FlagSpec("force", "f")], minimumArguments: 1, maximumArguments: nil) { invocation in
            var errors: [String] = []
            for name in invocation.arguments.positional {
                do {
                    try invocation.engine.removeVolume(named: name, force: invocation.arguments.has("force"))
                    invocation.out(name + "\n")
                } catch {
                    errors.append("Error response from daemon: " + error.dockerMessage)
                }
            }
            guard !errors.isEmpty else { return 0 }
            invocation.err(errors.joined(separator: "\n") + "\n")
            return 1
        }
    }

    static var volumePrune: DockerCommand {
        DockerCommand(name: "volume prune", usage: "docker volume prune [OPTIONS]", summary: "Remove all unused volumes",
                      flags: [FlagSpec("filter", value: true), FlagSpec("force", "f")],
                      minimumArguments: 0, maximumArguments: 0) { invocation in
            if !invocation.arguments.has("force") {
                invocation.out("WARNING! This will remove all volumes not used by at least one container.\nAre you sure you want to continue? [y/N] ")
                let answer = ((try? await LineBuffer(invocation.context.stdin).readLine()) ?? nil) ?? ""
                guard answer.lowercased() == "y" else {
                    invocation.out("Total reclaimed space: 0B\n")
                    return 0
                }
            }
            let (removed, bytes) = invocation.engine.pruneVolumes()
            if !removed.isEmpty {
                invocation.out("Deleted Volumes:\n" + removed.map { $0 + "\n" }.joined() + "\n")
            }
            invocation.out("Total reclaimed space: \(DockerSize.humanSize(Double(bytes)))\n")
            return 0
        }
    }
}
