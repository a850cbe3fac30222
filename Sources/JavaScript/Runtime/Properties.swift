extension Interpreter {
    /// Reads `value[key]`, walking the prototype chain; throws node 7's TypeError on null/undefined.
    public func getProperty(_ value: JSValue, _ key: String, at position: SourcePosition? = nil) throws -> JSValue {
        switch value {
        case .object(let object):
            return try getProperty(object, key, receiver: value)
        case .string(let text):
            if key == "length" { return .number(Double(text.utf16.count)) }
            if let index = arrayIndex(key) {
                let units = text.utf16
                guard index < units.count else { return .undefined }
                return .string(String(decoding: [units[units.index(units.startIndex, offsetBy: index)]], as: UTF16.self))
            }
            return try getProperty(stringPrototype, key, receiver: value)
        case .number:
            return try getProperty(numberPrototype, key, receiver: value)
        case .boolean:
            return try getProperty(booleanPrototype, key, receiver: value)
        case .undefined, .null:
            let description: String
            if case .null = value { description = "null" } else { description = "undefined" }
            throw throwError("TypeError", "Cannot read property '\(key)' of \(description)", at: position)
        }
    }

    func getProperty(_ object: JSObject, _ key: String, receiver: JSValue) throws -> JSValue {
        var current: JSObject? = object
        while let each = current {
            switch each.kind {
            case .array(let elements):
                if let index = arrayIndex(key) {
                    if index < elements.count { return elements[index] }
                } else if key == "length", each !== arrayPrototype {
                    return .number(Double(elements.count))
                }
            case .boxedString(let text) where each !== stringPrototype:
                if key == "length" { return .number(Double(text.utf16.count)) }
            case .function(let function):
                if key == "prototype", each.ownValue("prototype") == nil {
                    switch function {
                    case .user(let node, _, _, _) where !node.isArrow:
                        let prototype = newObject()
                        prototype.setHidden("constructor", .object(each))
                        each.setHidden("prototype", .object(prototype))
                        return .object(prototype)
                    default: break
                    }
                }
                if key == "name", each.ownValue("name") == nil { return .string(function.name) }
                if key == "length", each.ownValue("length") == nil {
                    switch function {
                    case .user(let node, _, _, _): return .number(Double(node.parameters.count))
                    case .native(_, let length, _): return .number(Double(length))
                    default: return .number(0)
                    }
                }
            default: break
            }
            if let found = each.ownValue(key) { return found }
            if let accessor = each.accessors?[key] {
                if let native = accessor.nativeGetter { return try native(receiver) }
                if let getter = accessor.getter { return try call(getter, this: receiver, arguments: [], newTarget: nil) }
                return .undefined
            }
            current = each.prototype
        }
        return .undefined
    }

    /// Reads `value[key]` where the key is any value, with a fast path for array indices.
    func getIndexed(_ value: JSValue, _ key: JSValue, at position: SourcePosition) throws -> JSValue {
        if case .object(let object) = value, case .array(let elements) = object.kind, case .number(let number) = key,
           let index = Int(exactly: number), index >= 0, index < elements.count {
            return elements[index]
        }
        if value.isNullish {
            throw throwError("TypeError", "Cannot read property '\(try toPropertyKey(key))' of \(try toString(value))", at: position)
        }
        return try getProperty(value, try toPropertyKey(key), at: position)
    }

    /// Writes `value[key] = newValue`.
    public func setProperty(_ value: JSValue, _ key: String, _ newValue: JSValue, at position: SourcePosition? = nil) throws {
        guard case .object(let object) = value else {
            if value.isNullish {
                throw throwError("TypeError", "Cannot set property '\(key)' of \(try toString(value))", at: position)
            }
            return  // Writes to primitives are silently dropped.
        }
        if case .array = object.kind {
            if let index = arrayIndex(key) {
                let stored = object.mutateElements { elements -> Bool in
                    if index < elements.count {
                        elements[index] = newValue
                        return true
                    }
                    if index <= elements.count + 1_000_000 {
                        elements.append(contentsOf: repeatElement(JSValue.undefined, count: index - elements.count))
                        elements.append(newValue)
                        return true
                    }
                    return false
                }
                if stored { return }
            } else if key == "length" {
                let length = try toNumber(newValue).safeInteger
                object.mutateElements { elements in
                    if length < elements.count {
                        elements.removeLast(elements.count - length)
                    } else if length > elements.count, length - elements.count < 1_000_000 {
                        elements.append(contentsOf: repeatElement(JSValue.undefined, count: length - elements.count))
                    }
                }
                return
            }
        }
        if object.ownValue(key) == nil, let setter = try findSetter(object, key) {
            _ = try call(setter, this: value, arguments: [newValue], newTarget: nil)
            return
        }
        if object.accessors?[key] != nil, object.ownValue(key) == nil {
            return  // a getter without a setter: the write is ignored
        }
        guard object.isExtensible || object.ownValue(key) != nil else { return }
        object.setOwn(key, newValue)
    }

    private func findSetter(_ object: JSObject, _ key: String) throws -> JSObject? {
        var current: JSObject? = object
        while let each = current {
            if let accessor = each.accessors?[key] { return accessor.setter }
            if each.ownValue(key) != nil { return nil }
            current = each.prototype
        }
        return nil
    }

    func setIndexed(_ value: JSValue, _ key: JSValue, _ newValue: JSValue, at position: SourcePosition) throws {
        if case .object(let object) = value, object.isArray, case .number(let number) = key, let index = Int(exactly: number), index >= 0 {
            let done = object.mutateElements { elements -> Bool in
                if index < elements.count {
                    elements[index] = newValue
                    return true
                }
                if index == elements.count {
                    elements.append(newValue)
                    return true
                }
                return false
            }
            if done { return }
        }
        try setProperty(value, try toPropertyKey(key), newValue, at: position)
    }

    func hasProperty(_ object: JSObject, _ key: String) -> Bool {
        var current: JSObject? = object
        while let each = current {
            if each.hasOwnProperty(key) { return true }
            current = each.prototype
        }
        return false
    }
}
