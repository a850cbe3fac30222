/// Turns `Encodable` values into `JSONValue`, keeping object members in the order `encode(to:)` writes them
/// (declaration order for synthesized conformances). Nil optionals are omitted; dictionaries with string keys
/// come out sorted, as Go's `encoding/json` sorts map keys.
public struct JSONValueEncoder: Sendable {
    public init() {}

    public func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let box = EncodingBox()
        try box.store(value, codingPath: [])
        return box.value
    }
}

/// Marks `[String: V]` so its keys can be sorted like Go map keys.
protocol StringKeyedDictionary {}
extension Dictionary: StringKeyedDictionary where Key == String {}

/// One node being encoded; containers write into it by reference.
final class EncodingBox {
    private enum Content {
        case empty
        case value(JSONValue)
        case object(keys: [String], members: [String: EncodingBox])
        case array([EncodingBox])
    }

    private var content = Content.empty

    var value: JSONValue {
        switch content {
        case .empty: return .object(JSONObject())
        case .value(let value): return value
        case .object(let keys, let members):
            return .object(JSONObject(pairs: keys.compactMap { key in members[key].map { (key, $0.value) } }))
        case .array(let elements): return .array(elements.map(\.value))
        }
    }

    func set(_ value: JSONValue) { content = .value(value) }

    func store<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws {
        if let json = value as? JSONValue {
            content = .value(json)
            return
        }
        try value.encode(to: BoxEncoder(box: self, codingPath: codingPath))
        if value is StringKeyedDictionary, case .object(let keys, let members) = content {
            content = .object(keys: keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, members: members)
        }
    }

    func member(_ key: String) -> EncodingBox {
        var (keys, members) = ([String](), [String: EncodingBox]())
        if case .object(let existingKeys, let existingMembers) = content { (keys, members) = (existingKeys, existingMembers) }
        if let existing = members[key] { return existing }
        let box = EncodingBox()
        keys.append(key)
        members[key] = box
        content = .object(keys: keys, members: members)
        return box
    }

    func becomeObject() {
        if case .object = content { return }
        content = .object(keys: [], members: [:])
    }

    func becomeArray() {
        if case .array = content { return }
        content = .array([])
    }

    func appendElement() -> EncodingBox {
        var elements: [EncodingBox] = []
        if case .array(let existing) = content { elements = existing }
        let box = EncodingBox()
        elements.append(box)
        content = .array(elements)
        return box
    }

    var elementCount: Int {
        if case .array(let elements) = content { return elements.count }
        return 0
    }
}

struct BoxEncoder: Encoder {
    let box: EncodingBox
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        box.becomeObject()
        return KeyedEncodingContainer(KeyedBoxContainer<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        box.becomeArray()
        return UnkeyedBoxContainer(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleBoxContainer(box: box, codingPath: codingPath)
    }
}

private func number<I: BinaryInteger>(_ value: I) -> JSONValue {
    if let exact = Int64(exactly: value) { return .number(.integer(exact)) }
    return .number(.double(Double(value)))
}

struct KeyedBoxContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: EncodingBox
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { box.member(key.stringValue).set(.null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { box.member(key.stringValue).set(.bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws { box.member(key.stringValue).set(.string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { box.member(key.stringValue).set(.number(.double(value))) }
    mutating func encode(_ value: Float, forKey key: Key) throws { box.member(key.stringValue).set(.number(.double(Double(value)))) }
    mutating func encode(_ value: Int, forKey key: Key) throws { box.member(key.stringValue).set(number(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { box.member(key.stringValue).set(number(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { box.member(key.stringValue).set(number(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { box.member(key.stringValue).set(number(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { box.member(key.stringValue).set(number(value)) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { box.member(key.stringValue).set(number(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { box.member(key.stringValue).set(number(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { box.member(key.stringValue).set(number(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { box.member(key.stringValue).set(number(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { box.member(key.stringValue).set(number(value)) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try box.member(key.stringValue).store(value, codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = box.member(key.stringValue)
        child.becomeObject()
        return KeyedEncodingContainer(KeyedBoxContainer<NestedKey>(box: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = box.member(key.stringValue)
        child.becomeArray()
        return UnkeyedBoxContainer(box: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        BoxEncoder(box: box.member("super"), codingPath: codingPath + [DynamicKey(stringValue: "super")])
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        BoxEncoder(box: box.member(key.stringValue), codingPath: codingPath + [key])
    }
}

struct UnkeyedBoxContainer: UnkeyedEncodingContainer {
    let box: EncodingBox
    let codingPath: [any CodingKey]
    var count: Int { box.elementCount }

    private var nextKey: DynamicKey { DynamicKey(index: count) }

    mutating func encodeNil() throws { box.appendElement().set(.null) }
    mutating func encode(_ value: Bool) throws { box.appendElement().set(.bool(value)) }
    mutating func encode(_ value: String) throws { box.appendElement().set(.string(value)) }
    mutating func encode(_ value: Double) throws { box.appendElement().set(.number(.double(value))) }
    mutating func encode(_ value: Float) throws { box.appendElement().set(.number(.double(Double(value)))) }
    mutating func encode(_ value: Int) throws { box.appendElement().set(number(value)) }
    mutating func encode(_ value: Int8) throws { box.appendElement().set(number(value)) }
    mutating func encode(_ value: Int16) throws { box.appendElement().set(number(value)) }
    mutating func encode(_ value: Int32) throws { box.appendElement().set(number(value)) }
    mutating func encode(_ value: Int64) throws { box.appendElement().set(number(value)) }
    mutating func encode(_ value: UInt) throws { box.appendElement().set(number(value)) }
    mutating func encode(_ value: UInt8) throws { box.appendElement().set(number(value)) }
    mutating func encode(_ value: UInt16) throws { box.appendElement().set(number(value)) }
    mutating func encode(_ value: UInt32) throws { box.appendElement().set(number(value)) }
    mutating func encode(_ value: UInt64) throws { box.appendElement().set(number(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let key = nextKey
        try box.appendElement().store(value, codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let key = nextKey
        let child = box.appendElement()
        child.becomeObject()
        return KeyedEncodingContainer(KeyedBoxContainer<NestedKey>(box: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let key = nextKey
        let child = box.appendElement()
        child.becomeArray()
        return UnkeyedBoxContainer(box: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        let key = nextKey
        return BoxEncoder(box: box.appendElement(), codingPath: codingPath + [key])
    }
}

struct SingleBoxContainer: SingleValueEncodingContainer {
    let box: EncodingBox
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { box.set(.null) }
    mutating func encode(_ value: Bool) throws { box.set(.bool(value)) }
    mutating func encode(_ value: String) throws { box.set(.string(value)) }
    mutating func encode(_ value: Double) throws { box.set(.number(.double(value))) }
    mutating func encode(_ value: Float) throws { box.set(.number(.double(Double(value)))) }
    mutating func encode(_ value: Int) throws { box.set(number(value)) }
    mutating func encode(_ value: Int8) throws { box.set(number(value)) }
    mutating func encode(_ value: Int16) throws { box.set(number(value)) }
    mutating func encode(_ value: Int32) throws { box.set(number(value)) }
    mutating func encode(_ value: Int64) throws { box.set(number(value)) }
    mutating func encode(_ value: UInt) throws { box.set(number(value)) }
    mutating func encode(_ value: UInt8) throws { box.set(number(value)) }
    mutating func encode(_ value: UInt16) throws { box.set(number(value)) }
    mutating func encode(_ value: UInt32) throws { box.set(number(value)) }
    mutating func encode(_ value: UInt64) throws { box.set(number(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { try box.store(value, codingPath: codingPath) }
}
