/// The storage behind a `Map` or `Set`: entries in insertion order, found by SameValueZero.
final class CollectionStorage: JSIterableHost {
    enum Key: Hashable {
        case undefined, null
        case boolean(Bool)
        case number(Double)
        case string(String)
        case object(ObjectIdentifier)

        init(_ value: JSValue) {
            switch value {
            case .undefined: self = .undefined
            case .null: self = .null
            case .boolean(let flag): self = .boolean(flag)
            case .number(let number): self = .number(number == 0 ? 0 : number)  // +0 and -0 are one key
            case .string(let text): self = .string(text)
            case .object(let object): self = .object(ObjectIdentifier(object))
            }
        }
    }

    let isSet: Bool
    private(set) var entries: [(key: JSValue, value: JSValue)?] = []
    private var positions: [Key: Int] = [:]
    private(set) var count = 0

    init(isSet: Bool) { self.isSet = isSet }

    func position(_ key: JSValue) -> Int? {
        if case .number(let number) = key, number.isNaN { return positions[.string("\u{0}NaN")] }
        return positions[Key(key)]
    }

    private func hashKey(_ key: JSValue) -> Key {
        if case .number(let number) = key, number.isNaN { return .string("\u{0}NaN") }
        return Key(key)
    }

    func get(_ key: JSValue) -> JSValue? {
        position(key).flatMap { entries[$0]?.value }
    }

    func set(_ key: JSValue, _ value: JSValue) {
        if let index = position(key) {
            entries[index]?.value = value
        } else {
            positions[hashKey(key)] = entries.count
            entries.append((key, value))
            count += 1
        }
    }

    @discardableResult
    func remove(_ key: JSValue) -> Bool {
        guard let index = position(key) else { return false }
        entries[index] = nil
        positions[hashKey(key)] = nil
        count -= 1
        return true
    }

    func removeAll() {
        entries.removeAll()
        positions.removeAll()
        count = 0
    }

    var live: [(key: JSValue, value: JSValue)] { entries.compactMap { $0 } }

    func iterationValues(_ interpreter: Interpreter) -> [JSValue] {
        live.map { isSet ? $0.key : .object(interpreter.newArray([$0.key, $0.value])) }
    }
}

extension Interpreter {
    func installCollections() {
        for isSet in [false, true] {
            let name = isSet ? "Set" : "Map"
            let prototype = JSObject(prototype: objectPrototype, className: name)
            prototype.hiddenKeys = []
            defineConstructor(name, prototype: prototype, length: 0) { interpreter, _, arguments, isConstruct in
                guard isConstruct else { throw interpreter.throwError("TypeError", "Constructor \(name) requires 'new'") }
                let storage = CollectionStorage(isSet: isSet)
                let object = JSObject(prototype: prototype, kind: .host(storage), className: name)
                if !arguments[argument: 0].isNullish {
                    for item in try interpreter.iterate(arguments[0]) {
                        if isSet {
                            storage.set(item, item)
                        } else {
                            storage.set(try interpreter.getProperty(item, "0"), try interpreter.getProperty(item, "1"))
                        }
                    }
                }
                return .object(object)
            }
            func storage(_ interpreter: Interpreter, _ this: JSValue) throws -> CollectionStorage {
                guard case .object(let object) = this, case .host(let host) = object.kind, let storage = host as? CollectionStorage else {
                    throw interpreter.throwError("TypeError", "Method \(name).prototype called on incompatible receiver")
                }
                return storage
            }
            prototype.defineAccessor("size", JSObject.Accessor(nativeGetter: { [unowned self] this in
                .number(Double(try storage(self, this).count))
            }))
            prototype.hiddenKeys?.insert("size")
            if isSet {
                defineMethod(prototype, "add", length: 1) { interpreter, this, arguments, _ in
                    try storage(interpreter, this).set(arguments[argument: 0], arguments[argument: 0])
                    return this
                }
            } else {
                defineMethod(prototype, "set", length: 2) { interpreter, this, arguments, _ in
                    try storage(interpreter, this).set(arguments[argument: 0], arguments[argument: 1])
                    return this
                }
                defineMethod(prototype, "get", length: 1) { interpreter, this, arguments, _ in
                    try storage(interpreter, this).get(arguments[argument: 0]) ?? .undefined
                }
            }
            defineMethod(prototype, "has", length: 1) { interpreter, this, arguments, _ in
                .boolean(try storage(interpreter, this).position(arguments[argument: 0]) != nil)
            }
            defineMethod(prototype, "delete", length: 1) { interpreter, this, arguments, _ in
                .boolean(try storage(interpreter, this).remove(arguments[argument: 0]))
            }
            defineMethod(prototype, "clear") { interpreter, this, _, _ in
                try storage(interpreter, this).removeAll()
                return .undefined
            }
            defineMethod(prototype, "forEach", length: 1) { interpreter, this, arguments, _ in
                for entry in try storage(interpreter, this).live {
                    _ = try interpreter.call(arguments[argument: 0], this: arguments[argument: 1], arguments: [entry.value, entry.key, this])
                }
                return .undefined
            }
            defineMethod(prototype, "keys") { interpreter, this, _, _ in
                .object(interpreter.newArray(try storage(interpreter, this).live.map(\.key)))
            }
            defineMethod(prototype, "values") { interpreter, this, _, _ in
                .object(interpreter.newArray(try storage(interpreter, this).live.map(\.value)))
            }
            defineMethod(prototype, "entries") { interpreter, this, _, _ in
                .object(interpreter.newArray(try storage(interpreter, this).live.map { .object(interpreter.newArray([$0.key, $0.value])) }))
            }
        }
    }
}
