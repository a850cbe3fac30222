extension JSONValue: Codable {
    public init(from decoder: any Decoder) throws {
        if let valueDecoder = decoder as? ValueDecoder {
            self = valueDecoder.value
            return
        }
        // Any other decoder: try the shapes in turn (object member order is the decoder's).
        if var array = try? decoder.unkeyedContainer() {
            var elements: [JSONValue] = []
            while !array.isAtEnd { elements.append(try array.decode(JSONValue.self)) }
            self = .array(elements)
            return
        }
        if let object = try? decoder.container(keyedBy: DynamicKey.self) {
            var result = JSONObject()
            for key in object.allKeys { result[key.stringValue] = try object.decode(JSONValue.self, forKey: key) }
            self = .object(result)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let flag = try? single.decode(Bool.self) {
            self = .bool(flag)
        } else if let integer = try? single.decode(Int64.self) {
            self = .number(.integer(integer))
        } else if let double = try? single.decode(Double.self) {
            self = .number(.double(double))
        } else {
            self = .string(try single.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        if let boxEncoder = encoder as? BoxEncoder {
            boxEncoder.box.set(self)
            return
        }
        switch self {
        case .null:
            var single = encoder.singleValueContainer()
            try single.encodeNil()
        case .bool(let flag):
            var single = encoder.singleValueContainer()
            try single.encode(flag)
        case .number(.integer(let integer)):
            var single = encoder.singleValueContainer()
            try single.encode(integer)
        case .number(.double(let double)):
            var single = encoder.singleValueContainer()
            try single.encode(double)
        case .string(let string):
            var single = encoder.singleValueContainer()
            try single.encode(string)
        case .array(let elements):
            var array = encoder.unkeyedContainer()
            for element in elements { try array.encode(element) }
        case .object(let object):
            var container = encoder.container(keyedBy: DynamicKey.self)
            for (key, value) in object { try container.encode(value, forKey: DynamicKey(stringValue: key)) }
        }
    }
}
