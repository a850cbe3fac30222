/// node's EventEmitter: listeners live in a hidden `_events` object on the emitter.
extension Interpreter {
    func makeEmitterPrototype() -> JSObject {
        let prototype = JSObject(prototype: objectPrototype, className: "EventEmitter")
        prototype.hiddenKeys = []
        let on: NativeFunction = { interpreter, this, arguments, _ in
            try interpreter.addListener(this, arguments, once: false, prepend: false)
            return this
        }
        defineMethod(prototype, "on", length: 2, on)
        defineMethod(prototype, "addListener", length: 2, on)
        defineMethod(prototype, "once", length: 2) { interpreter, this, arguments, _ in
            try interpreter.addListener(this, arguments, once: true, prepend: false)
            return this
        }
        defineMethod(prototype, "prependListener", length: 2) { interpreter, this, arguments, _ in
            try interpreter.addListener(this, arguments, once: false, prepend: true)
            return this
        }
        let remove: NativeFunction = { interpreter, this, arguments, _ in
            guard case .object(let emitter) = this else { return this }
            let name = try interpreter.toString(arguments[argument: 0])
            guard case .object(let listener) = arguments[argument: 1], let list = interpreter.listenerList(emitter, name, create: false) else { return this }
            list.mutateElements { elements in
                if let index = elements.firstIndex(where: {
                    guard case .object(let each) = $0 else { return false }
                    return each === listener || each.ownValue("listener").flatMap { $0.asObject } === listener
                }) {
                    elements.remove(at: index)
                }
            }
            return this
        }
        defineMethod(prototype, "removeListener", length: 2, remove)
        defineMethod(prototype, "off", length: 2, remove)
        defineMethod(prototype, "removeAllListeners", length: 1) { interpreter, this, arguments, _ in
            guard case .object(let emitter) = this, case .object(let events)? = emitter.ownValue("_events") else { return this }
            if case .undefined = arguments[argument: 0] {
                for key in events.ownKeys { events.removeOwn(key) }
            } else {
                events.removeOwn(try interpreter.toString(arguments[0]))
            }
            return this
        }
        defineMethod(prototype, "emit", length: 1) { interpreter, this, arguments, _ in
            let name = try interpreter.toString(arguments[argument: 0])
            return .boolean(try interpreter.emit(this, name, Array(arguments.dropFirst())))
        }
        defineMethod(prototype, "listeners", length: 1) { interpreter, this, arguments, _ in
            guard case .object(let emitter) = this else { return .object(interpreter.newArray([])) }
            let list = interpreter.listenerList(emitter, try interpreter.toString(arguments[argument: 0]), create: false)
            return .object(interpreter.newArray(list?.elements ?? []))
        }
        defineMethod(prototype, "listenerCount", length: 1) { interpreter, this, arguments, _ in
            guard case .object(let emitter) = this else { return .number(0) }
            let list = interpreter.listenerList(emitter, try interpreter.toString(arguments[argument: 0]), create: false)
            return .number(Double(list?.elements.count ?? 0))
        }
        defineMethod(prototype, "setMaxListeners", length: 1) { _, this, _, _ in this }
        defineMethod(prototype, "getMaxListeners") { _, _, _, _ in .number(10) }
        return prototype
    }

    func listenerList(_ emitter: JSObject, _ name: String, create: Bool) -> JSObject? {
        var events: JSObject
        if case .object(let existing)? = emitter.ownValue("_events") {
            events = existing
        } else {
            guard create else { return nil }
            events = JSObject(prototype: nil)
            emitter.setHidden("_events", .object(events))
        }
        if case .object(let list)? = events.ownValue(name) { return list }
        guard create else { return nil }
        let list = newArray([])
        events.setOwn(name, .object(list))
        return list
    }

    func addListener(_ this: JSValue, _ arguments: [JSValue], once: Bool, prepend: Bool) throws {
        guard case .object(let emitter) = this else { return }
        let name = try toString(arguments[argument: 0])
        guard case .object(let listener) = arguments[argument: 1], listener.function != nil else {
            throw throwError("TypeError", "\"listener\" argument must be a function")
        }
        if name != "newListener", listenerList(emitter, "newListener", create: false)?.elements.isEmpty == false {
            _ = try emit(this, "newListener", [.string(name), .object(listener)])
        }
        var entry = listener
        if once {
            // A wrapper that removes itself before calling the listener.
            let wrapper = makeFunction(listener.function?.name ?? "") { [unowned emitter] interpreter, this, arguments, _ in
                if let list = interpreter.listenerList(emitter, name, create: false) {
                    list.mutateElements { elements in
                        elements.removeAll { value in
                            guard case .object(let each) = value else { return false }
                            return each.ownValue("listener").flatMap { $0.asObject } === listener
                        }
                    }
                }
                return try interpreter.call(listener, this: this, arguments: arguments, newTarget: nil)
            }
            wrapper.setHidden("listener", .object(listener))
            entry = wrapper
        }
        guard let list = listenerList(emitter, name, create: true) else { return }
        list.mutateElements { elements in
            if prepend { elements.insert(.object(entry), at: 0) } else { elements.append(.object(entry)) }
        }
        onListenerAdded?(emitter, name)
    }

    /// Calls the listeners of `name`; an unhandled 'error' is thrown, as node does.
    @discardableResult
    public func emit(_ this: JSValue, _ name: String, _ arguments: [JSValue]) throws -> Bool {
        guard case .object(let emitter) = this else { return false }
        let listeners = listenerList(emitter, name, create: false)?.elements ?? []
        if listeners.isEmpty {
            if name == "error" {
                let error = arguments.first ?? .undefined
                if case .object(let object) = error, case .error = object.kind {
                    throw JSThrow(value: error, fileName: "events.js", position: SourcePosition(line: 163, column: 6))
                }
                throw throwError("Error", "Uncaught, unspecified \"error\" event. (\(try toString(error)))")
            }
            return false
        }
        for listener in listeners {
            _ = try call(listener, this: this, arguments: arguments)
        }
        return true
    }

    func hasListeners(_ emitter: JSObject, _ name: String) -> Bool {
        !(listenerList(emitter, name, create: false)?.elements.isEmpty ?? true)
    }
}
