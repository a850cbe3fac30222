import Docker
import Foundation
import Kernel
import Simulation
import StructuredData

extension Commands {
    static var ps: DockerCommand {
        DockerCommand(name: "ps", usage: "docker ps [OPTIONS]", summary: "List containers",
                      flags: [FlagSpec("all", "a"), FlagSpec("quiet", "q"), FlagSpec("no-trunc"), FlagSpec("latest", "l"),
                              FlagSpec("format", value: true), FlagSpec("filter", "f", value: true)],
                      minimumArguments: 0, maximumArguments: 0, readsOnly: true) { invocation in
            let engine = invocation.engine
            let arguments = invocation.arguments
            let filters: ListFilters
            do { filters = try ListFilters(arguments.all("filter"), accepted: ListFilters.containerKeys) } catch {
                return invocation.daemonError(error)
            }
            // A status filter shows stopped containers too, as the daemon's `All` does.
            let all = arguments.has("all") || filters.has("status") || filters.has("exited")
            var shown = engine.containers.reversed().filter { all || $0.isRunning }
            if arguments.has("latest") { shown = Array(engine.containers.suffix(1)) }
            shown = shown.filter { filters.matches($0, engine: engine) }
            let full = arguments.has("no-trunc")
            if arguments.has("quiet") {
                invocation.out(shown.map { (full ? $0.id : $0.shortID) + "\n" }.joined())
                return 0
            }
            if let format = arguments.value("format"), !format.isEmpty {
                do {
                    let printer = try ListFormat(format, headers: ListFormat.containerHeaders)
                    invocation.out(try printer.render(shown.map { containerFields($0, full: full, now: engine.loop.now) }))
                } catch {
                    // formatter.Context's error ends in a newline, and the CLI prints it with another.
                    invocation.err(error.templateMessage + "\n\n")
                    return 1
                }
                return 0
            }
            var table = Table(header: ["CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"])
            let now = engine.loop.now
            for container in shown {
                let command = displayCommand(container.commandLine)
                table.add([full ? container.id : container.shortID, container.imageReference,
                           quoted(full ? command : ellipsis(command, 20)),
                           HumanUnits.duration(now - container.created) + " ago", status(of: container, now: now),
                           ports(of: container), container.name])
            }
            invocation.out(table.text(invocation.engine.era.docker.tables))
            return 0
        }
    }

    /// The fields `docker ps --format` offers, as docker/cli's containerContext prints them.
    static func containerFields(_ container: Container, full: Bool, now: VirtualInstant) -> JSONValue {
        let command = displayCommand(container.commandLine)
        let labels = container.config.labels.keys.sorted().map { "\($0)=\(container.config.labels[$0] ?? "")" }
        return .object(JSONObject(pairs: [
            ("ID", .string(full ? container.id : container.shortID)),
            ("Image", .string(container.imageReference)),
            ("Command", .string(quoted(full ? command : ellipsis(command, 20)))),
            ("CreatedAt", .string(dockerTime(container.created))),
            ("RunningFor", .string(HumanUnits.duration(now - container.created) + " ago")),
            ("Ports", .string(ports(of: container))),
            ("Status", .string(status(of: container, now: now))),
            ("Size", .string("0B")),
            ("Names", .string(container.name)),
            ("Labels", .string(labels.joined(separator: ","))),
            ("Mounts", .string("")),
            ("Networks", .string("bridge")),
        ]))
    }

    /// Go's `time.Time.String()` in UTC: `2018-03-06 09:00:00 +0000 UTC`.
    static func dockerTime(_ instant: VirtualInstant) -> String {
        let time = CivilTime(secondsSinceEpoch: Int64(instant.secondsSinceEpoch))
        return "\(time.goYear)-\(CivilTime.padded(time.month, 2))-\(CivilTime.padded(time.day, 2)) \(time.clock) +0000 UTC"
    }

    /// The daemon's COMMAND text: the path, then the arguments with those containing a space
    /// in single quotes.
    static func displayCommand(_ arguments: [String]) -> String {
        guard let path = arguments.first else { return "" }
        let rest = arguments.dropFirst().map { $0.contains(" ") ? "'\($0)'" : $0 }
        return rest.isEmpty ? path : path + " " + rest.joined(separator: " ")
    }

    static func ellipsis(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }

    /// Go's `strconv.Quote` for the COMMAND column.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func status(of container: Container, now: VirtualInstant) -> String {
        switch container.state {
        case .running:
            return "Up " + HumanUnits.duration(now - (container.startedAt ?? now))
        case .exited:
            return "Exited (\(container.exitCode)) " + HumanUnits.duration(now - (container.finishedAt ?? now)) + " ago"
        case .created:
            return "Created"
        case .removing:
            return "Removal In Progress"
        }
    }

    /// `0.0.0.0:8080->8080/tcp`, and bare exposed ports, for a running container.
    static func ports(of container: Container) -> String {
        guard container.isRunning else { return "" }
        var entries = container.ports.map { (port: $0.containerPort, text: "\($0.hostIP):\($0.hostPort)->\($0.containerPort)/\($0.proto)") }
        for exposed in container.config.exposedPorts {
            let port = Int(exposed.split(separator: "/").first ?? "") ?? 0
            if !container.ports.contains(where: { $0.containerPort == port }) { entries.append((port, exposed)) }
        }
        return entries.sorted { $0.port < $1.port }.map(\.text).joined(separator: ", ")
    }

    static var images: DockerCommand {
        DockerCommand(name: "images", usage: "docker images [OPTIONS] [REPOSITORY[:TAG]]", summary: "List images",
                      flags: [FlagSpec("all", "a"), FlagSpec("quiet", "q"), FlagSpec("no-trunc"), FlagSpec("digests"),
                              FlagSpec("format", value: true), FlagSpec("filter", "f", value: true)],
                      minimumArguments: 0, maximumArguments: 1, readsOnly: true) { invocation in
            let engine = invocation.engine
            let arguments = invocation.arguments
            let filters: ListFilters
            do { filters = try ListFilters(arguments.all("filter"), accepted: ListFilters.imageKeys) } catch {
                return invocation.daemonError(error)
            }
            let parents = Set(engine.images.values.compactMap(\.parentID))
            var rows: [(repository: String, tag: String, image: Image)] = []
            for image in engine.images.values {
                let tags = engine.tags(of: image.id)
                if tags.isEmpty {
                    if arguments.has("all") || !parents.contains(image.id) { rows.append(("<none>", "<none>", image)) }
                    continue
                }
                for tag in tags {
                    let split = tag.lastIndex(of: ":").map { (String(tag[..<$0]), String(tag[tag.index(after: $0)...])) } ?? (tag, "")
                    rows.append((split.0, split.1, image))
                }
            }
            if let filter = arguments.positional.first {
                var (repository, tag) = (filter, "")
                if let colon = filter.lastIndex(of: ":"), !filter[colon...].contains("/") {
                    (repository, tag) = (String(filter[..<colon]), String(filter[filter.index(after: colon)...]))
                }
                rows = rows.filter { $0.repository == repository && (tag.isEmpty || $0.tag == tag) }
            }
            rows = rows.filter { filters.matches(image: $0.image, repository: $0.repository, tag: $0.tag, engine: engine) }
            rows.sort {
                $0.image.created != $1.image.created ? $0.image.created > $1.image.created
                    : ($0.repository, $0.tag) < ($1.repository, $1.tag)
            }
            let full = arguments.has("no-trunc")
            func digest(_ row: (repository: String, tag: String, image: Image)) -> String {
                let pinned = (engine.repositoryDigests[row.image.id] ?? []).first { $0.hasPrefix(row.repository + "@") }
                return pinned.map { String($0.dropFirst(row.repository.count + 1)) } ?? "<none>"
            }
            if let format = arguments.value("format"), !format.isEmpty, !arguments.has("quiet") {
                let now = engine.loop.now
                let fields = rows.map { row in
                    JSONValue.object(JSONObject(pairs: [
                        ("ID", .string(full ? row.image.id : row.image.shortID)),
                        ("Repository", .string(row.repository)), ("Tag", .string(row.tag)), ("Digest", .string(digest(row))),
                        ("CreatedSince", .string(HumanUnits.duration(now - row.image.created) + " ago")),
                        ("CreatedAt", .string(dockerTime(row.image.created))),
                        ("Size", .string(HumanUnits.size(engine.size(of: row.image)))),
                    ]))
                }
                do {
                    invocation.out(try ListFormat(format, headers: ListFormat.imageHeaders).render(fields))
                } catch {
                    // formatter.Context's error ends in a newline, and the CLI prints it with another.
                    invocation.err(error.templateMessage + "\n\n")
                    return 1
                }
                return 0
            }
            if arguments.has("quiet") {
                var seen: Set<String> = []
                for row in rows where seen.insert(row.image.id).inserted {
                    invocation.out((full ? row.image.id : row.image.shortID) + "\n")
                }
                return 0
            }
            let digests = arguments.has("digests")
            var table = Table(header: ["REPOSITORY", "TAG"] + (digests ? ["DIGEST"] : []) + ["IMAGE ID", "CREATED", "SIZE"])
            let now = engine.loop.now
            for row in rows {
                table.add([row.repository, row.tag] + (digests ? [digest(row)] : []) + [full ? row.image.id : row.image.shortID,
                           HumanUnits.duration(now - row.image.created) + " ago", HumanUnits.size(engine.size(of: row.image))])
            }
            invocation.out(table.text(invocation.engine.era.docker.tables))
            return 0
        }
    }

    static var history: DockerCommand {
        DockerCommand(name: "history", usage: "docker history [OPTIONS] IMAGE", summary: "Show the history of an image",
                      flags: [FlagSpec("no-trunc"), FlagSpec("quiet", "q")],
                      minimumArguments: 1, maximumArguments: 1, readsOnly: true) { invocation in
            let engine = invocation.engine
            let name = invocation.arguments.positional[0]
            guard var image = engine.image(named: name) else {
                invocation.err("Error response from daemon: No such image: \(name)\n")
                return 1
            }
            // Local build steps have their own images; pulled layers show as <missing>.
            var chain: [Image] = [image]
            while let parent = image.parentID, let next = engine.images[parent] {
                chain.append(next)
                image = next
            }
            let full = invocation.arguments.has("no-trunc")
            var table = Table(header: ["IMAGE", "CREATED", "CREATED BY", "SIZE", "COMMENT"])
            let now = engine.loop.now
            let top = chain[0]
            var layerIndex = top.config.layerDigests.count - 1
            for (index, entry) in top.config.history.enumerated().reversed() {
                let owner = chain.first { $0.config.history.count == index + 1 && $0.buildStep != nil }
                let id = owner.map { full ? $0.id : $0.shortID } ?? (index == top.config.history.count - 1 ? top.shortID : "<missing>")
                var size = 0
                if !entry.emptyLayer, layerIndex >= 0 {
                    size = engine.layers[top.config.layerDigests[layerIndex]]?.size ?? 0
                    layerIndex -= 1
                }
                let createdBy = full ? entry.createdBy : ellipsis(entry.createdBy, 45)
                table.add([id, HumanUnits.duration(now - entry.created) + " ago", createdBy, HumanUnits.size(size), entry.comment])
            }
            invocation.out(table.text(invocation.engine.era.docker.tables))
            return 0
        }
    }
}
