/// The bytes of a node `Buffer`.
final class BufferStorage {
    var bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }
}

extension Interpreter {
    /// A minimal `Buffer`: bytes from strings and arrays, `toString`, `length`, `concat`, `byteLength`.
    func installBuffer() {
        let prototype = JSObject(prototype: objectPrototype, className: "Buffer")
        prototype.hiddenKeys = []
        bufferPrototype = prototype
        let constructor = defineConstructor("Buffer", prototype: prototype) { interpreter, _, arguments, _ in
            .object(interpreter.makeBuffer(try interpreter.bytes(of: arguments[argument: 0])))
        }
        defineMethod(constructor, "from", length: 2) { interpreter, _, arguments, _ in
            .object(interpreter.makeBuffer(try interpreter.bytes(of: arguments[argument: 0], encoding: arguments[argument: 1])))
        }
        defineMethod(constructor, "alloc", length: 1) { interpreter, _, arguments, _ in
            let size = max(0, min(try interpreter.toNumber(arguments[argument: 0]).safeInteger, 64 * 1024 * 1024))
            return .object(interpreter.makeBuffer([UInt8](repeating: 0, count: size)))
        }
        defineMethod(constructor, "isBuffer", length: 1) { _, _, arguments, _ in
            .boolean(arguments[argument: 0].asObject?.bufferStorage != nil)
        }
        defineMethod(constructor, "byteLength", length: 1) { interpreter, _, arguments, _ in
            .number(Double(try interpreter.bytes(of: arguments[argument: 0]).count))
        }
        defineMethod(constructor, "concat", length: 1) { interpreter, _, arguments, _ in
            guard case .object(let list) = arguments[argument: 0], list.isArray else {
                throw interpreter.throwError("TypeError", "\"list\" argument must be an Array of Buffers")
            }
            var bytes: [UInt8] = []
            for item in list.elements { bytes += try interpreter.bytes(of: item) }
            return .object(interpreter.makeBuffer(bytes))
        }
        prototype.defineAccessor("length", JSObject.Accessor(nativeGetter: { this in
            .number(Double(this.asObject?.bufferStorage?.bytes.count ?? 0))
        }))
        prototype.hiddenKeys?.insert("length")
        defineMethod(prototype, "toString", length: 3) { interpreter, this, arguments, _ in
            guard let bytes = this.asObject?.bufferStorage?.bytes else { return .string("") }
            let encoding = arguments[argument: 0].isNullish ? "utf8" : try interpreter.toString(arguments[0]).lowercased()
            switch encoding {
            case "hex": return .string(bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined())
            case "base64": return .string(Interpreter.base64(bytes))
            case "ascii", "latin1", "binary": return .string(String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) })))
            default: return .string(String(decoding: bytes, as: UTF8.self))
            }
        }
        defineMethod(prototype, "toJSON") { interpreter, this, _, _ in
            let result = interpreter.newObject()
            result.setOwn("type", .string("Buffer"))
            let bytes = this.asObject?.bufferStorage?.bytes ?? []
            result.setOwn("data", .object(interpreter.newArray(bytes.map { .number(Double($0)) })))
            return .object(result)
        }
        defineMethod(prototype, "slice", length: 2) { interpreter, this, arguments, _ in
            let bytes = this.asObject?.bufferStorage?.bytes ?? []
            let (start, end) = try interpreter.sliceBounds(arguments, count: bytes.count)
            return .object(interpreter.makeBuffer(start < end ? Array(bytes[start..<end]) : []))
        }
        defineMethod(prototype, "equals", length: 1) { _, this, arguments, _ in
            .boolean(this.asObject?.bufferStorage?.bytes == arguments[argument: 0].asObject?.bufferStorage?.bytes)
        }
    }

    func makeBuffer(_ bytes: [UInt8]) -> JSObject {
        JSObject(prototype: bufferPrototype, kind: .host(BufferStorage(bytes)), className: "Buffer")
    }

    /// The bytes a value stands for: a Buffer's own, a string's UTF-8 (or hex/base64), an array's numbers.
    func bytes(of value: JSValue, encoding: JSValue = .undefined) throws -> [UInt8] {
        switch value {
        case .object(let object):
            if let storage = object.bufferStorage { return storage.bytes }
            if object.isArray { return try object.elements.map { UInt8(truncatingIfNeeded: Int(Interpreter.toInt32(try toNumber($0)))) } }
            return Array(try toString(value).utf8)
        case .string(let text):
            let name = encoding.isNullish ? "utf8" : try toString(encoding).lowercased()
            if name == "hex" {
                var result: [UInt8] = []
                var characters = Array(text.utf8)[...]
                while characters.count >= 2, let byte = UInt8(String(decoding: characters.prefix(2), as: UTF8.self), radix: 16) {
                    result.append(byte)
                    characters = characters.dropFirst(2)
                }
                return result
            }
            if name == "base64" { return Interpreter.decodeBase64(text) }
            return Array(text.utf8)
        case .number(let size):
            return [UInt8](repeating: 0, count: max(0, min(size.safeInteger, 64 * 1024 * 1024)))
        default:
            throw throwError("TypeError", "First argument must be a string, Buffer, ArrayBuffer, Array, or array-like object.")
        }
    }

    private static let base64Alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func base64(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            let values = Array(chunk) + [UInt8](repeating: 0, count: 3 - chunk.count)
            let combined = (UInt32(values[0]) << 16) | (UInt32(values[1]) << 8) | UInt32(values[2])
            for position in 0..<4 {
                if position <= chunk.count {
                    output.append(base64Alphabet[Int((combined >> UInt32(18 - 6 * position)) & 63)])
                } else {
                    output.append(UInt8(ascii: "="))
                }
            }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func decodeBase64(_ text: String) -> [UInt8] {
        var lookup: [UInt8: UInt32] = [:]
        for (index, character) in base64Alphabet.enumerated() { lookup[character] = UInt32(index) }
        lookup[UInt8(ascii: "-")] = 62
        lookup[UInt8(ascii: "_")] = 63
        var output: [UInt8] = []
        var accumulator: UInt32 = 0
        var bits = 0
        for character in text.utf8 {
            guard let value = lookup[character] else { continue }
            accumulator = (accumulator << 6) | value
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8((accumulator >> UInt32(bits)) & 0xFF))
            }
        }
        return output
    }
}

extension JSObject {
    var bufferStorage: BufferStorage? {
        if case .host(let host) = kind { return host as? BufferStorage }
        return nil
    }
}
