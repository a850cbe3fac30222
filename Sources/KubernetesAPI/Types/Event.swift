/// A report of something that happened to an object (`v1.Event`).
public struct Event: APIObject, Hashable {
    public static let normal = "Normal"
    public static let warning = "Warning"

    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var involvedObject: ObjectReference
    public var reason: String?
    public var message: String?
    public var source: EventSource?
    public var firstTimestamp: Timestamp?
    public var lastTimestamp: Timestamp?
    public var count: Int32?
    public var type: String?

    public init(metadata: ObjectMeta, involvedObject: ObjectReference, reason: String? = nil, message: String? = nil, source: EventSource? = nil, firstTimestamp: Timestamp? = nil, lastTimestamp: Timestamp? = nil, count: Int32? = nil, type: String? = nil) {
        self.apiVersion = "v1"
        self.kind = "Event"
        self.metadata = metadata
        self.involvedObject = involvedObject
        self.reason = reason
        self.message = message
        self.source = source
        self.firstTimestamp = firstTimestamp
        self.lastTimestamp = lastTimestamp
        self.count = count
        self.type = type
    }

    public static let resource = APIResource(
        name: "events", singularName: "event", kind: "Event", group: "", apiVersions: ["v1"], namespaced: true, shortNames: ["ev"])

    public static let selectableFields = [
        "involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid",
        "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason", "source", "type",
    ]
    public static let indexedFields = ["involvedObject.uid"]

    public func fieldValue(_ field: String) -> String? {
        switch field {
        case "involvedObject.kind": involvedObject.kind ?? ""
        case "involvedObject.namespace": involvedObject.namespace ?? ""
        case "involvedObject.name": involvedObject.name ?? ""
        case "involvedObject.uid": involvedObject.uid ?? ""
        case "involvedObject.apiVersion": involvedObject.apiVersion ?? ""
        case "involvedObject.resourceVersion": involvedObject.resourceVersion ?? ""
        case "involvedObject.fieldPath": involvedObject.fieldPath ?? ""
        case "reason": reason ?? ""
        case "source": source?.component ?? ""
        case "type": type ?? ""
        default: metadataFieldValue(field)
        }
    }

    enum CodingKeys: String, CodingKey {
        case apiVersion, kind, metadata, involvedObject, reason, message, source, firstTimestamp, lastTimestamp, count, type
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(apiVersion, forKey: .apiVersion)
        try container.encodeIfPresent(kind, forKey: .kind)
        try container.encode(metadata, forKey: .metadata)
        try container.encode(involvedObject, forKey: .involvedObject)
        try container.encodeIfPresent(reason, forKey: .reason)
        try container.encodeIfPresent(message, forKey: .message)
        try container.encode(source ?? EventSource(), forKey: .source)
        try container.encodeTime(firstTimestamp, forKey: .firstTimestamp)
        try container.encodeTime(lastTimestamp, forKey: .lastTimestamp)
        try container.encodeIfPresent(count, forKey: .count)
        try container.encodeIfPresent(type, forKey: .type)
    }
}

/// The component (and host) that reported an event (`v1.EventSource`).
public struct EventSource: Hashable, Sendable, Codable {
    public var component: String?
    public var host: String?

    public init(component: String? = nil, host: String? = nil) {
        self.component = component
        self.host = host
    }
}
