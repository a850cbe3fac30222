/// Builds `Decodable` values from `JSONValue`, with Go-like strictness about types: integers only from
/// integral JSON numbers, strings only from strings. In strict mode (`rejectsUnknownFields`) any object
/// member that no `init(from:)` asked for is reported, with its path, after decoding succeeds.
public struct JSONValueDecoder: Sendable {
    public var rejectsUnknownFields: Bool

    public init(rejectsUnknownFields: Bool = false) {
        self.rejectsUnknownFields = rejectsUnknownFields
    }

    /// Throws `DecodingError` (see its `fieldPath`) or, in strict mode, `UnknownFieldsError`.
    public func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        let log = rejectsUnknownFields ? FieldUsageLog() : nil
        let result = try ValueDecoder(value: value, codingPath: [], log: log).decode(T.self)
        if let log {
            let unknown = log.unknownFields()
            if !unknown.isEmpty { throw UnknownFieldsError(fields: unknown) }
        }
        return result
    }
}

/// Which members of which objects were asked for, in the order the objects were opened.
final class FieldUsageLog {
    final class ObjectUsage {
        let path: String
        let keys: [String]
        var requested: Set<String> = []

        init(path: String, keys: [String]) {
            self.path = path
            self.keys = keys
        }
    }

    private var objects: [ObjectUsage] = []
    private var byPath: [String: ObjectUsage] = [:]

    func open(path: [any CodingKey], keys: [String]) -> ObjectUsage {
        let rendered = fieldPath(path)
        if let existing = byPath[rendered] { return existing }
        let usage = ObjectUsage(path: rendered, keys: keys)
        objects.append(usage)
        byPath[rendered] = usage
        return usage
    }

    func unknownFields() -> [UnknownField] {
        objects.flatMap { usage in
            usage.keys.filter { !usage.requested.contains($0) }.map { UnknownField(parentPath: usage.path, name: $0) }
        }
    }
}

/// `JSONValue` → `Decodable` for one node.
struct ValueDecoder: Decoder, SingleValueDecodingContainer {
    let value: JSONValue
    let codingPath: [any CodingKey]
    let log: FieldUsageLog?
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        // A JSONValue field takes the subtree as it is; nothing inside it is "unknown".
        if let json = value as? T { return json }
        return try T(from: self)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let object) = value else { throw mismatch("an object") }
        let usage = log?.open(path: codingPath, keys: object.keys)
        return KeyedDecodingContainer(ObjectDecodingContainer<Key>(object: object, codingPath: codingPath, log: log, usage: usage))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else { throw mismatch("an array") }
        return ArrayDecodingContainer(elements: elements, codingPath: codingPath, log: log)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    // MARK: Single values

    func decodeNil() -> Bool { value == .null }

    func decode(_ type: Bool.Type) throws -> Bool {
        guard case .bool(let flag) = value else { throw mismatch("a boolean", type: type) }
        return flag
    }

    func decode(_ type: String.Type) throws -> String {
        guard case .string(let string) = value else { throw mismatch("a string", type: type) }
        return string
    }

    func decode(_ type: Double.Type) throws -> Double {
        guard case .number(let number) = value else { throw mismatch("a number", type: type) }
        switch number {
        case .integer(let integer): return Double(integer)
        case .double(let double): return double
        }
    }

    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }
    func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

    private func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
        guard case .number(.integer(let integer)) = value else { throw mismatch("an integer", type: type) }
        guard let exact = I(exactly: integer) else {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath,
                debugDescription: "cannot unmarshal number \(integer) into Go value of type \(String(describing: I.self).lowercased())"))
        }
        return exact
    }

    func mismatch(_ expected: String, type: Any.Type = Any.self) -> DecodingError {
        DecodingError.typeMismatch(type, .init(codingPath: codingPath,
            debugDescription: "expected \(expected), found \(value.kindDescription)"))
    }
}

struct ObjectDecodingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let object: JSONObject
    let codingPath: [any CodingKey]
    let log: FieldUsageLog?
    let usage: FieldUsageLog.ObjectUsage?

    var allKeys: [Key] {
        object.keys.forEach { usage?.requested.insert($0) }
        return object.keys.compactMap { Key(stringValue: $0) }
    }

    func contains(_ key: Key) -> Bool {
        usage?.requested.insert(key.stringValue)
        return object[key.stringValue] != nil
    }

    private func member(_ key: Key) throws -> ValueDecoder {
        usage?.requested.insert(key.stringValue)
        guard let value = object[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing field \"\(key.stringValue)\""))
        }
        return ValueDecoder(value: value, codingPath: codingPath + [key], log: log)
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        usage?.requested.insert(key.stringValue)
        return object[key.stringValue].map { $0 == .null } ?? true
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try member(key).decode(T.self) }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        usage?.requested.insert(key.stringValue)
        guard let value = object[key.stringValue], value != .null else { return nil }
        return try ValueDecoder(value: value, codingPath: codingPath + [key], log: log).decode(T.self)
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try member(key).decode(type) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try member(key).decode(type) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try member(key).decode(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try member(key).decode(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try member(key).decode(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try member(key).decode(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try member(key).decode(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try member(key).decode(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try member(key).decode(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try member(key).decode(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try member(key).decode(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try member(key).decode(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try member(key).decode(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try member(key).decode(type) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try member(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try member(key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        ValueDecoder(value: object["super"] ?? .null, codingPath: codingPath + [DynamicKey(stringValue: "super")], log: log)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        usage?.requested.insert(key.stringValue)
        return ValueDecoder(value: object[key.stringValue] ?? .null, codingPath: codingPath + [key], log: log)
    }
}

struct ArrayDecodingContainer: UnkeyedDecodingContainer {
    let elements: [JSONValue]
    let codingPath: [any CodingKey]
    let log: FieldUsageLog?
    private(set) var currentIndex = 0

    init(elements: [JSONValue], codingPath: [any CodingKey], log: FieldUsageLog?) {
        self.elements = elements
        self.codingPath = codingPath
        self.log = log
    }

    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    private mutating func next() throws -> ValueDecoder {
        let key = DynamicKey(index: currentIndex)
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(JSONValue.self, .init(codingPath: codingPath + [key], debugDescription: "no more elements"))
        }
        defer { currentIndex += 1 }
        return ValueDecoder(value: elements[currentIndex], codingPath: codingPath + [key], log: log)
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, elements[currentIndex] == .null else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decode(T.self) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next().unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { try next() }
}

extension JSONValue {
    /// "string", "number 3", "object" …, for error messages.
    var kindDescription: String {
        switch self {
        case .null: return "null"
        case .bool(let flag): return "bool \(flag)"
        case .number(let number): return "number \(number.jsonText)"
        case .string(let string): return "string \(JSONValue.string(string).jsonText())"
        case .array: return "array"
        case .object: return "object"
        }
    }
}
