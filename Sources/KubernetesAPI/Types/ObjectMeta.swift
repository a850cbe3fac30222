/// The metadata every persisted object carries (`metav1.ObjectMeta`), fields in Go struct order.
public struct ObjectMeta: Hashable, Sendable, Codable {
    public var name: String?
    public var generateName: String?
    public var namespace: String?
    public var selfLink: String?
    public var uid: String?
    public var resourceVersion: String?
    public var generation: Int64?
    public var creationTimestamp: Timestamp?
    public var deletionTimestamp: Timestamp?
    public var deletionGracePeriodSeconds: Int64?
    public var labels: [String: String]?
    public var annotations: [String: String]?
    public var ownerReferences: [OwnerReference]?
    public var finalizers: [String]?
    public var clusterName: String?

    public init(
        name: String? = nil, generateName: String? = nil, namespace: String? = nil,
        labels: [String: String]? = nil, annotations: [String: String]? = nil,
        ownerReferences: [OwnerReference]? = nil
    ) {
        self.name = name
        self.generateName = generateName
        self.namespace = namespace
        self.labels = labels
        self.annotations = annotations
        self.ownerReferences = ownerReferences
    }

    enum CodingKeys: String, CodingKey {
        case name, generateName, namespace, selfLink, uid, resourceVersion, generation, creationTimestamp
        case deletionTimestamp, deletionGracePeriodSeconds, labels, annotations, ownerReferences, finalizers, clusterName
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        generateName = try container.decodeIfPresent(String.self, forKey: .generateName)
        namespace = try container.decodeIfPresent(String.self, forKey: .namespace)
        selfLink = try container.decodeIfPresent(String.self, forKey: .selfLink)
        uid = try container.decodeIfPresent(String.self, forKey: .uid)
        resourceVersion = try container.decodeIfPresent(String.self, forKey: .resourceVersion)
        generation = try container.decodeIfPresent(Int64.self, forKey: .generation)
        creationTimestamp = try container.decodeIfPresent(Timestamp.self, forKey: .creationTimestamp)
        deletionTimestamp = try container.decodeIfPresent(Timestamp.self, forKey: .deletionTimestamp)
        deletionGracePeriodSeconds = try container.decodeIfPresent(Int64.self, forKey: .deletionGracePeriodSeconds)
        labels = try container.decodeIfPresent([String: String].self, forKey: .labels)
        annotations = try container.decodeIfPresent([String: String].self, forKey: .annotations)
        ownerReferences = try container.decodeIfPresent([OwnerReference].self, forKey: .ownerReferences)
        finalizers = try container.decodeIfPresent([String].self, forKey: .finalizers)
        clusterName = try container.decodeIfPresent(String.self, forKey: .clusterName)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(nonEmpty(name), forKey: .name)
        try container.encodeIfPresent(nonEmpty(generateName), forKey: .generateName)
        try container.encodeIfPresent(nonEmpty(namespace), forKey: .namespace)
        try container.encodeIfPresent(nonEmpty(selfLink), forKey: .selfLink)
        try container.encodeIfPresent(nonEmpty(uid), forKey: .uid)
        try container.encodeIfPresent(nonEmpty(resourceVersion), forKey: .resourceVersion)
        try container.encodeIfPresent(generation == 0 ? nil : generation, forKey: .generation)
        // `creationTimestamp` is a struct without omitempty in Go: a zero time prints as null.
        if let creationTimestamp {
            try container.encode(creationTimestamp, forKey: .creationTimestamp)
        } else {
            try container.encodeNil(forKey: .creationTimestamp)
        }
        try container.encodeIfPresent(deletionTimestamp, forKey: .deletionTimestamp)
        try container.encodeIfPresent(deletionGracePeriodSeconds, forKey: .deletionGracePeriodSeconds)
        try container.encodeIfPresent(labels?.isEmpty == true ? nil : labels, forKey: .labels)
        try container.encodeIfPresent(annotations?.isEmpty == true ? nil : annotations, forKey: .annotations)
        try container.encodeIfPresent(ownerReferences?.isEmpty == true ? nil : ownerReferences, forKey: .ownerReferences)
        try container.encodeIfPresent(finalizers?.isEmpty == true ? nil : finalizers, forKey: .finalizers)
        try container.encodeIfPresent(nonEmpty(clusterName), forKey: .clusterName)
    }

    private func nonEmpty(_ text: String?) -> String? {
        text?.isEmpty == true ? nil : text
    }

    /// The owner reference marked as the managing controller, if any.
    public var controllerReference: OwnerReference? {
        ownerReferences?.first { $0.controller == true }
    }
}

/// Points at an object this one depends on (`metav1.OwnerReference`).
public struct OwnerReference: Hashable, Sendable, Codable {
    public var apiVersion: String
    public var kind: String
    public var name: String
    public var uid: String
    public var controller: Bool?
    public var blockOwnerDeletion: Bool?

    public init(apiVersion: String, kind: String, name: String, uid: String, controller: Bool? = nil, blockOwnerDeletion: Bool? = nil) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.name = name
        self.uid = uid
        self.controller = controller
        self.blockOwnerDeletion = blockOwnerDeletion
    }
}

/// A reference to another object (`v1.ObjectReference`), as events and endpoints use it.
public struct ObjectReference: Hashable, Sendable, Codable {
    public var kind: String?
    public var namespace: String?
    public var name: String?
    public var uid: String?
    public var apiVersion: String?
    public var resourceVersion: String?
    public var fieldPath: String?

    public init(
        kind: String? = nil, namespace: String? = nil, name: String? = nil, uid: String? = nil,
        apiVersion: String? = nil, resourceVersion: String? = nil, fieldPath: String? = nil
    ) {
        self.kind = kind
        self.namespace = namespace
        self.name = name
        self.uid = uid
        self.apiVersion = apiVersion
        self.resourceVersion = resourceVersion
        self.fieldPath = fieldPath
    }
}

/// The list metadata (`metav1.ListMeta`).
public struct ListMeta: Hashable, Sendable, Codable {
    public var selfLink: String?
    public var resourceVersion: String?

    public init(selfLink: String? = nil, resourceVersion: String? = nil) {
        self.selfLink = selfLink
        self.resourceVersion = resourceVersion
    }
}

extension ObjectMeta {
    /// Where `kubectl apply` keeps the configuration it last applied (`v1.LastAppliedConfigAnnotation`).
    public static let lastAppliedConfigurationAnnotation = "kubectl.kubernetes.io/last-applied-configuration"
}
