/// A strict decode found members that the target types never asked for.
public struct UnknownFieldsError: Error, Hashable, Sendable, CustomStringConvertible {
    /// In document order.
    public let fields: [UnknownField]

    public var description: String {
        fields.map { "unknown field \"\($0.name)\" in \($0.parentPath.isEmpty ? "<root>" : $0.parentPath)" }
            .joined(separator: ", ")
    }
}

/// One member no type asked for: `name` inside the object at `parentPath`.
public struct UnknownField: Hashable, Sendable {
    /// The object holding the field, e.g. `spec.containers[0]` (empty for the top level).
    public let parentPath: String
    /// The member name, e.g. `imagePullPolicyy`.
    public let name: String

    /// The field's own path, e.g. `spec.containers[0].imagePullPolicyy`.
    public var path: String { parentPath.isEmpty ? name : parentPath + "." + name }
}
