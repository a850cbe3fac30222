import Docker
import GoTemplates
import Kernel
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
            guard let template = Self.inspectTemplate(invocation) else { return 1 }
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
            guard Self.printInspected(documents, template: template, invocation: invocation) else { return 1 }
            for name in missing {
                invocation.err("Error: No such \(kind ?? "object"): \(name)\n")
            }
            return missing.isEmpty ? 0 : 1
        }
    }

    /// The `--format` template of an inspect command: `.some(nil)` without one, nil (after
    /// printing the error) when it does not parse.
    static func inspectTemplate(_ invocation: Invocation) -> GoTemplate?? {
        guard let format = invocation.arguments.value("format") else { return .some(nil) }
        do {
            return .some(try GoTemplate(parsing: format))
        } catch {
            invocation.err(error.templateMessage + "\n")
            return nil
        }
    }

    /// Prints inspected objects through `template`, or as an indented JSON array without one;
    /// false when the template fails on one of them (its error printed).
    static func printInspected(_ documents: [JSONValue], template: GoTemplate?, invocation: Invocation) -> Bool {
        guard let template else {
            invocation.out(JSONValue.array(documents).jsonText(indent: "    ") + "\n")
            return true
        }
        for document in documents {
            do { invocation.out(try template.render(document, missingKey: .error) + "\n") } catch {
                invocation.err(error.templateMessage + "\n")
                return false
            }
        }
        return true
    }
}
