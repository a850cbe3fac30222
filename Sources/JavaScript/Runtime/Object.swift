/// A JavaScript object: ordered own properties, a prototype, and an optional internal kind
/// (array elements, function, date, …).
public final class JSObject {
    var prototype: JSObject?
    private(set) var keys: [String] = []
    private var values: [String: JSValue] = [:]
    /// Accessor properties (class and object-literal getters and setters, host properties).
    var accessors: [String: Accessor]?
    var kind: Kind
    /// The class name shown by inspection and default `toString` ("Object", "Error", …).
    var className: String
    var isExtensible = true
    /// Keys that exist but are not enumerable (built-in methods, `constructor`, an error's `message`).
    var hiddenKeys: Set<String>?

    struct Accessor {
        var getter: JSObject?
        var setter: JSObject?
        var nativeGetter: ((JSValue) throws -> JSValue)?
    }

    enum Kind {
        case ordinary
        case array([JSValue])
        case function(FunctionKind)
        case date(Double)
        case regex(RegexProgram)
        case boxedString(String)
        case boxedNumber(Double)
        case boxedBoolean(Bool)
        case error
        case host(AnyObject)
    }

    init(prototype: JSObject?, kind: Kind = .ordinary, className: String = "Object") {
        self.prototype = prototype
        self.kind = kind
        self.className = className
    }

    // Releasing objects nested 100,000 deep (`a = [a]` in a loop) would recurse once per level
    // and overflow the stack: the children that die with this object are taken apart here, one
    // at a time, instead.
    deinit {
        var pending: [JSObject] = []
        moveChildren(into: &pending)
        while var object = pending.popLast() {
            if isKnownUniquelyReferenced(&object) { object.moveChildren(into: &pending) }
        }
    }

    private func moveChildren(into pending: inout [JSObject]) {
        if case .array(let elements) = kind {
            kind = .ordinary
            for case .object(let child) in elements { pending.append(child) }
        }
        if !values.isEmpty {
            for case .object(let child) in values.values { pending.append(child) }
            values = [:]
        }
        if let prototype {
            pending.append(prototype)
            self.prototype = nil
        }
    }

    var function: FunctionKind? {
        if case .function(let function) = kind { return function }
        return nil
    }

    var isArray: Bool {
        if case .array = kind { return true }
        return false
    }

    var elements: [JSValue] {
        get {
            if case .array(let elements) = kind { return elements }
            return []
        }
        set { kind = .array(newValue) }
    }

    /// Appends to an array without copying its storage.
    func appendElement(_ value: JSValue) {
        guard case .array(var elements) = kind else { return }
        kind = .ordinary
        elements.append(value)
        kind = .array(elements)
    }

    func mutateElements<Result>(_ body: (inout [JSValue]) throws -> Result) rethrows -> Result {
        guard case .array(var elements) = kind else {
            var none: [JSValue] = []
            return try body(&none)
        }
        kind = .ordinary
        defer { kind = .array(elements) }
        return try body(&elements)
    }

    // MARK: Own properties

    func ownValue(_ key: String) -> JSValue? { values[key] }

    func hasOwnProperty(_ key: String) -> Bool {
        if case .array(let elements) = kind {
            if key == "length" { return true }
            if let index = arrayIndex(key), index < elements.count { return true }
        }
        if case .boxedString(let text) = kind, key == "length" || (arrayIndex(key).map { $0 < text.utf16.count } ?? false) {
            return true
        }
        if values[key] != nil { return true }
        return accessors?[key] != nil
    }

    /// Sets an own data property, keeping insertion order.
    func setOwn(_ key: String, _ value: JSValue) {
        if values.updateValue(value, forKey: key) == nil {
            keys.append(key)
        }
    }

    /// Sets a non-enumerable data property.
    func setHidden(_ key: String, _ value: JSValue) {
        setOwn(key, value)
        if hiddenKeys == nil { hiddenKeys = [] }
        hiddenKeys?.insert(key)
    }

    func isHidden(_ key: String) -> Bool { hiddenKeys?.contains(key) ?? false }

    /// Own enumerable keys, as `Object.keys` reports them.
    var enumerableKeys: [String] {
        guard let hiddenKeys, !hiddenKeys.isEmpty else { return ownKeys }
        return ownKeys.filter { !hiddenKeys.contains($0) }
    }

    func defineAccessor(_ key: String, _ accessor: Accessor) {
        if accessors == nil { accessors = [:] }
        if accessors?[key] == nil, values[key] == nil { keys.append(key) }
        values[key] = nil
        accessors?[key] = accessor
    }

    @discardableResult
    func removeOwn(_ key: String) -> Bool {
        if case .array(let elements) = kind, let index = arrayIndex(key), index < elements.count {
            mutateElements { $0[index] = .undefined }
            return true
        }
        let hadValue = values.removeValue(forKey: key) != nil
        let hadAccessor = accessors?.removeValue(forKey: key) != nil
        if hadValue || hadAccessor, let position = keys.firstIndex(of: key) {
            keys.remove(at: position)
        }
        return true
    }

    /// Own enumerable keys in ECMAScript order: integer keys ascending, then strings by insertion.
    var ownKeys: [String] {
        var result: [String] = []
        if case .array(let elements) = kind {
            result.reserveCapacity(elements.count + keys.count)
            for index in elements.indices { result.append(String(index)) }
        }
        if case .boxedString(let text) = kind {
            for index in 0..<text.utf16.count { result.append(String(index)) }
        }
        var integerKeys: [(Int, String)] = []
        var otherKeys: [String] = []
        for key in keys {
            if let index = arrayIndex(key) { integerKeys.append((index, key)) } else { otherKeys.append(key) }
        }
        if !integerKeys.isEmpty {
            integerKeys.sort { $0.0 < $1.0 }
            result.append(contentsOf: integerKeys.map { $0.1 })
        }
        result.append(contentsOf: otherKeys)
        return result
    }

    var hasOwnKeys: Bool { !keys.isEmpty }
}

/// A canonical array index ("0", "17"), or nil.
func arrayIndex(_ key: String) -> Int? {
    guard let first = key.utf8.first, first >= 48, first <= 57, key.utf8.count <= 15 else { return nil }
    if first == 48 && key.utf8.count > 1 { return nil }
    var value = 0
    for byte in key.utf8 {
        guard byte >= 48, byte <= 57 else { return nil }
        value = value * 10 + Int(byte - 48)
    }
    return value
}

/// What a function object runs.
enum FunctionKind {
    case user(FunctionNode, closure: Scope, thisValue: JSValue?, homeObject: JSObject?)
    case native(name: String, length: Int, NativeFunction)
    case bound(target: JSObject, thisValue: JSValue, arguments: [JSValue])
    case classConstructor(ClassNode, constructor: FunctionNode?, closure: Scope, parent: JSObject?)

    var name: String {
        switch self {
        case .user(let node, _, _, _): return node.name ?? ""
        case .native(let name, _, _): return name
        case .bound(let target, _, _): return "bound " + (target.function?.name ?? "")
        case .classConstructor(let node, _, _, _): return node.name ?? ""
        }
    }
}

/// A host function: receives `this`, the arguments, and whether it was called with `new`.
typealias NativeFunction = (_ interpreter: Interpreter, _ this: JSValue, _ arguments: [JSValue], _ isConstruct: Bool) throws -> JSValue

extension Array where Element == JSValue {
    subscript(argument index: Int) -> JSValue {
        index < count ? self[index] : .undefined
    }
}
