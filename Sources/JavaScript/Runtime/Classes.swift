extension Interpreter {
    /// Creates the constructor object for a `class` declaration or expression.
    func makeClass(_ node: ClassNode, scope: Scope) throws -> JSObject {
        var parent: JSObject?
        var parentPrototype: JSObject? = objectPrototype
        if let superclass = node.superclass {
            let value = try evaluate(superclass, scope)
            switch value {
            case .null: parentPrototype = nil
            case .object(let object) where object.function != nil:
                parent = object
                parentPrototype = try getProperty(value, "prototype").asObject
            default:
                throw throwError("TypeError", "Class extends value \(try toString(value)) is not a constructor or null", at: node.position)
            }
        }
        let classScope = Scope(parent: scope)
        let classObject = JSObject(prototype: parent ?? functionPrototype,
                                   kind: .function(.classConstructor(node, constructor: node.constructor, closure: classScope, parent: parent)),
                                   className: "Function")
        if let name = node.name { classScope.declare(name, .object(classObject), constant: true) }
        let prototype = JSObject(prototype: parentPrototype, className: node.name ?? "Object")
        prototype.setHidden("constructor", .object(classObject))
        classObject.setHidden("prototype", .object(prototype))
        for method in node.methods {
            let home = method.isStatic ? classObject : prototype
            let name = try propertyName(method.name, classScope)
            let function = JSObject(prototype: functionPrototype,
                                    kind: .function(.user(method.function, closure: classScope, thisValue: nil, homeObject: home)),
                                    className: "Function")
            switch method.kind {
            case .method: home.setHidden(name, .object(function))
            case .getter:
                var accessor = home.accessors?[name] ?? JSObject.Accessor()
                accessor.getter = function
                home.defineAccessor(name, accessor)
                home.hiddenKeys = (home.hiddenKeys ?? []).union([name])
            case .setter:
                var accessor = home.accessors?[name] ?? JSObject.Accessor()
                accessor.setter = function
                home.defineAccessor(name, accessor)
                home.hiddenKeys = (home.hiddenKeys ?? []).union([name])
            }
        }
        return classObject
    }

    /// Runs a class constructor on an already created `this`.
    func constructClass(_ classObject: JSObject, this: JSValue, arguments: [JSValue]) throws -> JSValue {
        guard case .classConstructor(_, let constructor, let closure, let parent)? = classObject.function else { return .undefined }
        let prototype = try getProperty(.object(classObject), "prototype").asObject
        if let constructor {
            let result = try callUser(constructor, closure: closure, this: this, arguments: arguments, function: classObject, homeObject: prototype)
            if case .object = result { return result }
        } else if let parent {
            try callSuperConstructor(parent, this: this, arguments: arguments)
        }
        return .undefined
    }

    func callSuperConstructor(_ parent: JSObject, this: JSValue, arguments: [JSValue]) throws {
        switch parent.function {
        case .classConstructor?:
            _ = try constructClass(parent, this: this, arguments: arguments)
        case .user?:
            _ = try call(parent, this: this, arguments: arguments, newTarget: parent)
        case .native?, .bound?:
            // Built-in parents (Error, Array …) make their own object: adopt its state.
            let made = try call(parent, this: .undefined, arguments: arguments, newTarget: parent)
            guard case .object(let target) = this, case .object(let source) = made else { return }
            target.kind = source.kind
            for key in source.ownKeys {
                if let value = source.ownValue(key) {
                    if source.isHidden(key) { target.setHidden(key, value) } else { target.setOwn(key, value) }
                }
            }
            if case .error = source.kind, case .string(let stack)? = source.ownValue("stack") {
                // The stack's first line names the subclass once its `name` is known; keep V8's header.
                target.setHidden("stack", .string(stack.replacingFirstLine(with: target.className + errorMessageSuffix(source))))
            }
        case nil:
            throw throwError("TypeError", "Super constructor is not a constructor")
        }
    }

    private func errorMessageSuffix(_ error: JSObject) -> String {
        if case .string(let message)? = error.ownValue("message"), !message.isEmpty { return ": " + message }
        return ""
    }
}

extension String {
    func replacingFirstLine(with line: String) -> String {
        guard let newline = firstIndex(of: "\n") else { return line }
        return line + self[newline...]
    }
}
