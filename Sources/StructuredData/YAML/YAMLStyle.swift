/// Which go-yaml v2 behaviour `yamlText` reproduces; the two differ only for a few strings.
public struct YAMLStyle: Sendable, Hashable {
    /// Quote strings that look like timestamps (`creationTimestamp: "2018-03-06T09:00:00Z"`), as go-yaml ≥ 2.1 does.
    public var quotesTimestamps: Bool
    /// Write multi-line strings as `|` literal blocks (go-yaml ≥ 2.1); older versions single-quoted them
    /// with every line break doubled.
    public var usesLiteralBlocks: Bool

    public init(quotesTimestamps: Bool, usesLiteralBlocks: Bool) {
        self.quotesTimestamps = quotesTimestamps
        self.usesLiteralBlocks = usesLiteralBlocks
    }

    /// kubectl ≈1.8 (go-yaml v2 of 2017).
    public static let kubernetes1_8 = YAMLStyle(quotesTimestamps: false, usesLiteralBlocks: false)
    /// kubectl of today.
    public static let current = YAMLStyle(quotesTimestamps: true, usesLiteralBlocks: true)
}

extension JSONValue {
    /// YAML as kubectl `-o yaml` prints it (ghodss/yaml → go-yaml v2): keys sorted at every level, two-space
    /// indent, sequences not indented under their key, strings quoted only when YAML would misread them,
    /// long lines folded at 80 columns. Ends with a newline; no `---`.
    public func yamlText(style: YAMLStyle = .kubernetes1_8) -> String {
        var emitter = YAMLEmitter(style: style)
        emitter.emitDocument(self)
        return String(decoding: emitter.output, as: UTF8.self)
    }
}
