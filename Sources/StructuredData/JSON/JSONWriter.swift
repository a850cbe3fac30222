extension JSONValue {
    /// JSON text as Go's `encoding/json` writes it: compact (`json.Marshal`) when `indent` is nil,
    /// otherwise `json.MarshalIndent(v, "", indent)` — kubectl `-o json` and `docker inspect` use four spaces.
    ///
    /// `<`, `>` and `&` are escaped as `\u003c`… unless `escapesHTML` is false (Go's default is true).
    /// No trailing newline. Non-finite numbers, which Go refuses to encode, are written as `null`.
    public func jsonText(indent: String? = nil, escapesHTML: Bool = true) -> String {
        var writer = JSONWriter(indent: indent, escapesHTML: escapesHTML)
        writer.write(self, depth: 0)
        return String(decoding: writer.output, as: UTF8.self)
    }
}

extension JSONNumber {
    /// The number as Go's `encoding/json` prints it.
    public var jsonText: String {
        switch self {
        case .integer(let value): return String(value)
        case .double(let value): return value.isFinite ? GoFloatText.json(value) : "null"
        }
    }
}

struct JSONWriter {
    let indent: String?
    let escapesHTML: Bool
    var output: [UInt8] = []

    mutating func write(_ value: JSONValue, depth: Int) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number): output.append(contentsOf: number.jsonText.utf8)
        case .string(let string): writeString(string)
        case .array(let elements):
            guard !elements.isEmpty else {
                output.append(contentsOf: "[]".utf8)
                return
            }
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                newline(depth: depth + 1)
                write(element, depth: depth + 1)
            }
            newline(depth: depth)
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            guard !object.isEmpty else {
                output.append(contentsOf: "{}".utf8)
                return
            }
            output.append(UInt8(ascii: "{"))
            for (position, member) in object.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                newline(depth: depth + 1)
                writeString(member.key)
                output.append(UInt8(ascii: ":"))
                if indent != nil { output.append(UInt8(ascii: " ")) }
                write(member.value, depth: depth + 1)
            }
            newline(depth: depth)
            output.append(UInt8(ascii: "}"))
        }
    }

    private mutating func newline(depth: Int) {
        guard let indent else { return }
        output.append(UInt8(ascii: "\n"))
        for _ in 0..<depth { output.append(contentsOf: indent.utf8) }
    }

    private mutating func writeString(_ string: String) {
        let hex = Array("0123456789abcdef".utf8)
        output.append(UInt8(ascii: "\""))
        for scalar in string.unicodeScalars {
            switch scalar.value {
            case 0x22: output.append(contentsOf: "\\\"".utf8)
            case 0x5C: output.append(contentsOf: "\\\\".utf8)
            case 0x0A: output.append(contentsOf: "\\n".utf8)
            case 0x0D: output.append(contentsOf: "\\r".utf8)
            case 0x09: output.append(contentsOf: "\\t".utf8)
            case 0x3C, 0x3E, 0x26, 0x00..<0x20:
                // Go of the era wrote \b and \f as \u0008 and \u000c too.
                guard scalar.value < 0x20 || escapesHTML else {
                    output.append(UInt8(scalar.value))
                    continue
                }
                output.append(contentsOf: "\\u00".utf8)
                output.append(hex[Int(scalar.value >> 4)])
                output.append(hex[Int(scalar.value & 0xF)])
            case 0x2028, 0x2029:
                output.append(contentsOf: "\\u202".utf8)
                output.append(hex[Int(scalar.value & 0xF)])
            default:
                output.append(contentsOf: String(Character(scalar)).utf8)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
