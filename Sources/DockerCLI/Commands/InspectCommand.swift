import Docker
import GoTemplates
import Machine
import StructuredData

extension Commands {
    static var inspect: DockerCommand {
        DockerCommand(name: "inspect", usage: "docker inspect [OPTIONS] NAME|ID [NAME|ID...]",
                      summary: "Return low-level information on Docker objects",
                      flags: [FlagSpec("format", "f", value: true), FlagSpec("type", value: true), FlagSpec("size", "s")],
                      minimumArguments: 1, maximumArguments: nil) { invocation in
            let engine = invocation.engine
            let kind = invocation.arguments.value("type")
            if let kind, kind != "container", kind != "image" {
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
                if kind != "image", let container = engine.container(named: name) {
                    documents.append(engine.inspectDocument(for: container))
                } else if kind != "container", let image = engine.image(named: name) {
                    documents.append(engine.inspectDocument(for: image))
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
                let noun = kind.map { $0 == "image" ? "image" : "container" } ?? "object"
                invocation.err("Error: No such \(noun): \(name)\n")
                status = 1
            }
            return status
        }
    }
}
