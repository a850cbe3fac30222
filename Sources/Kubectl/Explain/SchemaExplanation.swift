import Formatting
import KubernetesAPI

/// The text `kubectl explain` 1.8 prints for a kind or a dotted field path through its schema.
struct SchemaExplanation {
    /// A path that names no field of the type it runs through.
    struct MissingField: Error {
        var name: String
        var message: String { "field \(goQuoted(name)) does not exist" }
    }

    /// What the path ends at, as 1.8's printer sees it: the descriptions gathered on the way
    /// (the field's own, then its type's), the type's name, and the fields to list, if any.
    private struct Target {
        var descriptions: [String]
        var typeName: String
        var object: SchemaDefinition?
    }

    private static let fieldIndent = 3
    private static let descriptionIndent = 5
    private static let fieldDescriptionIndent = 2

    /// Explains `kind`, or the field at `path` inside it.
    static func text(kind: SchemaDefinition, path: [String], recursive: Bool) throws(MissingField) -> String {
        let target = try resolve(kind: kind, path: path)
        var output = WrappedText()
        let name = path.last ?? ""
        if let object = target.object {
            if !name.isEmpty { output.line("RESOURCE: \(name) <\(target.typeName)>\n") }
            describe(target.descriptions, into: &output)
            output.line("\nFIELDS:")
            if recursive {
                listRecursively(object, indent: fieldIndent, into: &output)
            } else {
                list(object, into: &output)
            }
        } else {
            output.line("FIELD: \(name) <\(target.typeName)>\n")
            describe(target.descriptions, into: &output)
        }
        return output.text
    }

    /// Walks the path. A list or map on the way stands for its elements; a primitive ends the
    /// walk even when path words remain, as 1.8's walker did.
    private static func resolve(kind: SchemaDefinition, path: [String]) throws(MissingField) -> Target {
        guard !path.isEmpty else {
            return Target(descriptions: [kind.description], typeName: "Object", object: kind)
        }
        var current = kind
        var remaining = path[...]
        while let name = remaining.first {
            guard let field = current.field(name) else { throw MissingField(name: name) }
            remaining = remaining.dropFirst()
            if remaining.isEmpty {
                return target(of: field)
            }
            switch passThrough(field.type) {
            case .definition(let definition) where definition.primitive == nil:
                current = definition
            case .definition(let definition):
                // A named primitive reached with words left: only its own description is kept.
                return Target(descriptions: [definition.description], typeName: definition.primitive ?? "string", object: nil)
            case let type:
                // A plain primitive: the field's own description when it is the field itself.
                let isField = if case .array = field.type { false } else if case .map = field.type { false } else { true }
                return Target(descriptions: [isField ? field.description : ""], typeName: type.displayName, object: nil)
            }
        }
        return Target(descriptions: [kind.description], typeName: "Object", object: kind)
    }

    private static func passThrough(_ type: SchemaType) -> SchemaType {
        switch type {
        case .array(let element), .map(let element): passThrough(element)
        default: type
        }
    }

    /// The field as the leaf of the path: its description, then (through lists and maps, whose
    /// element types have no description of their own) its type's description.
    private static func target(of field: SchemaField) -> Target {
        var descriptions = [field.description]
        var type = field.type
        while true {
            switch type {
            case .array(let element), .map(let element):
                descriptions.append("")
                type = element
                continue
            case .definition(let definition):
                descriptions.append(definition.description)
                return Target(descriptions: descriptions, typeName: field.type.displayName,
                              object: definition.primitive == nil ? definition : nil)
            case .string, .integer, .boolean:
                return Target(descriptions: descriptions, typeName: field.type.displayName, object: nil)
            }
        }
    }

    /// `DESCRIPTION:` and the paragraphs; a blank line separates every paragraph after the first position.
    private static func describe(_ descriptions: [String], into output: inout WrappedText) {
        output.line("DESCRIPTION:")
        for (index, description) in descriptions.enumerated() where !description.isEmpty {
            if index != 0 { output.line("") }
            output.paragraph(description, indent: descriptionIndent)
        }
    }

    private static func list(_ object: SchemaDefinition, into output: inout WrappedText) {
        for field in object.sortedFields {
            output.line(field.name + "\t<" + field.type.displayName + ">" + (field.required ? " -required-" : ""), indent: fieldIndent)
            output.paragraph(field.description, indent: fieldIndent + fieldDescriptionIndent)
            output.line("")
        }
    }

    private static func listRecursively(_ object: SchemaDefinition, indent: Int, into output: inout WrappedText) {
        for field in object.sortedFields {
            output.line(field.name + "\t<" + field.type.displayName + ">", indent: indent)
            if let nested = field.type.objectDefinition {
                listRecursively(nested, indent: indent + fieldIndent, into: &output)
            }
        }
    }
}
