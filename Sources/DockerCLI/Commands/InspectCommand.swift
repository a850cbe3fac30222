import Docker
import GoTemplates
import Machine
import StructuredData

extension Commands {
    static var inspect: DockerCommand {
        DockerCommand(name: "inspect", usage: "docker inspect [OPTIONS] NAME|ID [NAME|ID...]",
                      summary: "Return low-level information on Docker objects",
                      flags: [FlagSpec("format", "f", value: true), FlagSpec("type", value: true), FlagSpec("size", "s")],
                      minimumArguments: 1, maximumArguments: nil, readsOnly: true) { invocation in
            let engine = invocation.engine
            let kind = invocation.arguments.value("type")
            if let kind, !["container", "image", "volume"].contains(kind) {
                invocation.err("\"\(kind)\" is not a valid value for --type\n")
                return 1
            }
            var template: GoTemplate?
            if let format = invocation.arguments.value("format") {
                do { template = try GoTemplate(parsing: format) } catch {
                    invocation.err(error.templateMessage + "\n")
                    return 1
                }
            }
            var documents: [JSONValue] = []
            var missing: [String] = []
            for name in invocation.arguments.positional {
                // 17.12 looks for a container, then an image, then a volume.
                if kind == nil || kind == "container", let container = engine.container(named: name) {
                    documents.append(engine.inspectDocument(for: container))
                } else if kind == nil || kind == "image", let image = engine.image(named: name) {
                    documents.append(engine.inspectDocument(for: image))
                } else if kind == nil || kind == "volume", let volume = engine.volume(named: name) {
                    documents.append(engine.inspectDocument(for: volume))
                } else {
                    missing.append(name)
                }
            }
            var status: Int32 = 0
            if let template {
                for document in documents {
                    do { invocation.out(try template.render(document, missingKey: .error) + "\n") } catch {
                        invocation.err(error.templateMessage + "\n")
                        return 1
                    }
                }
            } else {
                invocation.out(JSONValue.array(documents).jsonText(indent: "    ") + "\n")
            }
            for name in missing {
                let noun = kind ?? "object"
                invocation.err("Error: No such \(noun): \(name)\n")
                status = 1
            }
            return status
        }
    }
}
