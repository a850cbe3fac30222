/// One node of a parsed JSONPath template, mirroring client-go's `jsonpath` node kinds.
indirect enum JSONPathNode: Hashable, Sendable {
    /// Literal text, outside braces or quoted inside them.
    case text(String)
    /// A braced action, or any sequence of steps applied one after another.
    case list([JSONPathNode])
    /// `.name`: a map key (backslashes already removed, so `a\.b` names the key `a.b`).
    case field(String)
    /// `[start:end:step]`, `[index]` or `[*]`.
    case array([SliceParameter])
    /// `[?(left op right)]`; the operator `exists` has an empty right side.
    case filter(left: [JSONPathNode], right: [JSONPathNode], operator: String)
    case integer(Int)
    case float(Double)
    case bool(Bool)
    /// `*`.
    case wildcard
    /// `..`.
    case recursive
    /// `[a,b]`: each alternative is evaluated on the same input.
    case union([[JSONPathNode]])
    /// `range` or `end` (anything else is an error at evaluation time).
    case identifier(String)
}

/// One of the three slots of `[start:end:step]`.
struct SliceParameter: Hashable, Sendable {
    var value = 0
    var isKnown = false
    /// The end of a single index `[i]`, derived as `i + 1`.
    var isDerived = false
}
