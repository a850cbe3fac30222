/// How the lessons' world map shows a kind's objects: as a controller row `SHORT NAME  ready/desired
/// owns …`, read from what `kubectl get PLURAL -o json` prints.
public struct MapEntry: Hashable, Sendable {
    /// Where the kind's rows stand among the map's controllers (lower first).
    public var rank: Int
    /// The JSON path of the count shown as ready (`status.readyReplicas`).
    public var ready: [String]
    /// The JSON path of the count shown as desired (`spec.replicas`).
    public var desired: [String]

    public init(rank: Int, ready: [String], desired: [String]) {
        self.rank = rank
        self.ready = ready
        self.desired = desired
    }

    /// Replica controllers: ready replicas of the wanted replicas.
    public static func replicas(rank: Int) -> MapEntry {
        MapEntry(rank: rank, ready: ["status", "readyReplicas"], desired: ["spec", "replicas"])
    }
}
