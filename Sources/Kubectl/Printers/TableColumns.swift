import Formatting
import KubernetesAPI
import Simulation

/// The columns `kubectl get` printed for each kind in Kubernetes ≈1.8, and the cells of one object.
enum TableColumns {
    /// The kind's declared columns.
    static func headers(for type: ResourceType, wide: Bool) -> [String] {
        type.declaration.headers(wide: wide)
    }

    static func age(_ timestamp: Timestamp?, now: VirtualInstant) -> String {
        TableCells.age(timestamp, now: now)
    }

    /// The cells of one object's row, as its kind declares them; `name` is what the NAME column shows.
    static func row(for object: any APIObject, name: String, wide: Bool, now: VirtualInstant) -> [String] {
        guard let declared = object as? any KindDeclaration else { return [name, age(object.metadata.creationTimestamp, now: now)] }
        return declared.tableCells(name: name, wide: wide, now: now)
    }

    static func roles(_ node: Node) -> String { node.rolesCell }
}
