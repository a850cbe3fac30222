import Formatting
extension Labels {
    /// A parsed label selector (`labels.Selector`): the AND of its requirements, sorted by key.
    public struct Selector: Hashable, Sendable, CustomStringConvertible {
        /// The requirements, sorted by key as Kubernetes keeps them.
        public private(set) var requirements: [Requirement]
        /// True for `Nothing()`, the selector that matches no label set at all.
        public let selectsNothing: Bool

        /// Matches every label set.
        public static let everything = Selector(requirements: [], selectsNothing: false)
        /// Matches no label set (what a nil `LabelSelector` becomes).
        public static let nothing = Selector(requirements: [], selectsNothing: true)

        private init(requirements: [Requirement], selectsNothing: Bool) {
            self.requirements = requirements
            self.selectsNothing = selectsNothing
        }

        public init(_ requirements: [Requirement]) {
            self.init(requirements: Selector.sortedByKey(requirements), selectsNothing: false)
        }

        /// `labels.SelectorFromSet`: one `key=value` requirement per label, not validated.
        public init(matching set: [String: String]) {
            let requirements = set.map { Requirement(unchecked: $0.key, operator: .equals, values: [$0.value]) }
            self.init(requirements.sorted { goStringLess($0.key, $1.key) })
        }

        /// `labels.Parse`: the selector syntax of `kubectl -l` and `?labelSelector=`.
        public static func parse(_ text: String) throws(SelectorError) -> Selector {
            var parser = LabelSelectorParser(text)
            return Selector(try parser.parse())
        }

        /// Whether every requirement holds for the label set.
        public func matches(_ labels: [String: String]) -> Bool {
            !selectsNothing && requirements.allSatisfy { $0.matches(labels) }
        }

        /// True when the selector does not restrict anything (never for `nothing`).
        public var isEmpty: Bool { !selectsNothing && requirements.isEmpty }

        /// A copy with more requirements, re-sorted by key (`Selector.Add`).
        public func adding(_ more: [Requirement]) -> Selector {
            guard !selectsNothing else { return self }
            return Selector(requirements + more)
        }

        /// The value a requirement on `label` pins down (`=`, `==`, or `in` with one value), if any.
        public func requiredExactValue(for label: String) -> String? {
            guard let requirement = requirements.first(where: { $0.key == label }) else { return nil }
            switch requirement.operator {
            case .equals, .doubleEquals, .in:
                return requirement.values.count == 1 ? requirement.values[0] : nil
            default:
                return nil
            }
        }

        /// The canonical form: requirements joined by commas (empty for `everything` and `nothing`).
        public var description: String {
            requirements.map(\.description).joined(separator: ",")
        }

        /// Stable, so requirements on one key keep their order, as Go's insertion sort does for short lists.
        private static func sortedByKey(_ requirements: [Requirement]) -> [Requirement] {
            requirements.enumerated().sorted { lhs, rhs in
                lhs.element.key == rhs.element.key
                    ? lhs.offset < rhs.offset : goStringLess(lhs.element.key, rhs.element.key)
            }.map(\.element)
        }
    }

    /// `labels.FormatLabels`: `k=v` pairs sorted by key and joined by commas, `<none>` when empty.
    public static func format(_ labels: [String: String]) -> String {
        guard !labels.isEmpty else { return "<none>" }
        return labels.keys.sorted(by: goStringLess).map { "\($0)=\(labels[$0] ?? "")" }.joined(separator: ",")
    }
}
