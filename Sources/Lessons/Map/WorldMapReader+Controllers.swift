import KubernetesAPI
import StructuredData

extension WorldMapReader {
    /// The kinds the map shows as controllers, in the map's order: every kind whose declaration
    /// has a map entry, so a new controller kind appears by its declaration alone.
    static var controllerKinds: [(kind: any KindDeclaration.Type, entry: MapEntry)] {
        Kinds.all.compactMap { kind in kind.mapEntry.map { (kind, $0) } }.sorted { $0.entry.rank < $1.entry.rank }
    }

    /// kubectl's short name of a kind as the map labels it (`rc`, `deploy`), else its singular name (`job`).
    static func label(of kind: any KindDeclaration.Type) -> String {
        kind.resource.shortNames.first ?? kind.resource.singularName
    }

    /// Each controller with its counts and the pods or controllers that name it as their owner.
    func readControllers(pods: [JSONValue]) -> [WorldMap.Controller] {
        let listed = Self.controllerKinds.map { ($0.kind, $0.entry, items($0.kind.resource.name) ?? []) }
        var owned: [String: [String]] = [:]
        for object in pods + listed.flatMap(\.2) {
            for owner in object["metadata"]?["ownerReferences"]?.arrayValue ?? [] {
                let key = (owner["kind"]?.stringValue ?? "") + "/" + (owner["name"]?.stringValue ?? "")
                owned[key, default: []].append(name(of: object))
            }
        }
        return listed.flatMap { kind, entry, objects in
            objects.map { object in
                WorldMap.Controller(kind: Self.label(of: kind), name: name(of: object),
                                    ready: Self.count(object, at: entry.ready), desired: Self.count(object, at: entry.desired),
                                    owned: owned[kind.resource.kind + "/" + name(of: object)] ?? [])
            }
        }
    }

    /// The integer at a JSON path, 0 when it is absent (kubectl leaves zero counts out).
    static func count(_ object: JSONValue, at path: [String]) -> Int {
        var value: JSONValue? = object
        for key in path { value = value?[key] }
        return Int(clamping: value?.integerValue ?? 0)
    }
}
