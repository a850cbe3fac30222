/// `metav1.LabelSelector` as JSON: `matchLabels` then `matchExpressions`, empty parts omitted.
extension LabelSelector: Codable {
    enum CodingKeys: String, CodingKey { case matchLabels, matchExpressions }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            matchLabels: try container.decodeIfPresent([String: String].self, forKey: .matchLabels) ?? [:],
            matchExpressions: try container.decodeIfPresent([LabelSelectorRequirement].self, forKey: .matchExpressions) ?? [])
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if !matchLabels.isEmpty { try container.encode(matchLabels, forKey: .matchLabels) }
        if !matchExpressions.isEmpty { try container.encode(matchExpressions, forKey: .matchExpressions) }
    }
}

extension LabelSelectorRequirement: Codable {
    enum CodingKeys: String, CodingKey { case key, `operator`, values }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            key: try container.decode(String.self, forKey: .key),
            operator: try container.decode(String.self, forKey: .operator),
            values: try container.decodeIfPresent([String].self, forKey: .values) ?? [])
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try container.encode(self.operator, forKey: .operator)
        if !values.isEmpty { try container.encode(values, forKey: .values) }
    }
}
