import Simulation

/// Everything about a kind that tools outside the API server need, declared beside the kind:
/// its categories, what kubectl may do with it, the columns `kubectl get` prints and the
/// sections of `kubectl describe`.
///
/// The requirements have no defaults on purpose: a new kind that forgets one does not compile.
public protocol KindDeclaration: APIObject {
    /// Where the kind stands in `kubectl get all` (kubectl 1.8 expanded `all` in a fixed order),
    /// nil when `all` does not include it.
    static var allCategoryRank: Int? { get }
    /// The kind's schema, for `explain` and for the names validation messages use.
    static var schema: SchemaDefinition { get }
    /// What kubectl and the controllers may do with objects of the kind.
    static var capabilities: KindCapabilities { get }
    /// How the lessons' map shows the kind's objects as controllers, nil when it does not (a
    /// kind with a pod template needs one).
    static var mapEntry: MapEntry? { get }
    /// The columns of `kubectl get`, wide-only columns marked.
    static var columns: [TableColumn] { get }
    /// The cells of the object's row under `columns` (the wide ones too when `wide`); `name` is
    /// what the NAME column shows (`po/x` in mixed listings). A pure function of the object.
    func tableCells(name: String, wide: Bool, now: VirtualInstant) -> [String]
    /// The sections `kubectl describe` prints, built from the helpers of `Describers`
    /// (`describeGeneric` for name, namespace, labels, annotations and events).
    func describe(into text: inout DescribeText, with describers: Describers)
}

extension KindDeclaration {
    /// The categories the kind belongs to (`all`), as discovery lists them.
    public static var categories: [String] { allCategoryRank == nil ? [] : ["all"] }

    /// The column headers of `kubectl get` (with `-o wide`: the wide ones too).
    public static func headers(wide: Bool) -> [String] {
        columns.filter { wide || !$0.wide }.map(\.name)
    }
}

/// What may be done with a kind's objects besides reading and writing them.
public struct KindCapabilities: OptionSet, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// `kubectl scale` sets `spec.replicas`.
    public static let scalable = KindCapabilities(rawValue: 1 << 0)
    /// `kubectl expose` reads a selector and ports from it.
    public static let exposable = KindCapabilities(rawValue: 1 << 1)
    /// It runs pods from a template chosen by a selector.
    public static let podTemplate = KindCapabilities(rawValue: 1 << 2)
    /// `kubectl logs` reads its containers' output.
    public static let logs = KindCapabilities(rawValue: 1 << 3)
    /// `kubectl attach`/`exec` reach its containers.
    public static let attachable = KindCapabilities(rawValue: 1 << 4)
    /// The garbage collector follows its owner references.
    public static let garbageCollected = KindCapabilities(rawValue: 1 << 5)
}

/// One column of `kubectl get`'s table.
public struct TableColumn: Hashable, Sendable {
    public var name: String
    /// Shown only with `-o wide`.
    public var wide: Bool

    public init(_ name: String, wide: Bool = false) {
        self.name = name
        self.wide = wide
    }

    /// Several columns shown only with `-o wide`.
    public static func wide(_ names: String...) -> [TableColumn] {
        names.map { TableColumn($0, wide: true) }
    }
}
