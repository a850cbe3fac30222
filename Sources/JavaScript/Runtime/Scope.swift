/// A lexical environment: variables of one function or block, chained to the enclosing one.
final class Scope {
    var variables: [String: JSValue]
    var constants: Set<String>?
    let parent: Scope?
    /// Set on non-arrow function scopes (and the module scope): what `this` means inside.
    var thisValue: JSValue?
    /// For class constructors and methods: the object whose prototype `super` refers to.
    var homeObject: JSObject?
    /// The function object being run, for `super(...)` in derived constructors.
    var functionObject: JSObject?

    init(parent: Scope?, capacity: Int = 0) {
        self.parent = parent
        variables = capacity > 0 ? Dictionary(minimumCapacity: capacity) : [:]
    }

    func declare(_ name: String, _ value: JSValue, constant: Bool = false) {
        variables[name] = value
        if constant {
            if constants == nil { constants = [] }
            constants?.insert(name)
        }
    }

    func lookup(_ name: String) -> JSValue? {
        var scope: Scope? = self
        while let current = scope {
            if let value = current.variables[name] { return value }
            scope = current.parent
        }
        return nil
    }

    /// The scope holding `name`, if any.
    func owner(of name: String) -> Scope? {
        var scope: Scope? = self
        while let current = scope {
            if current.variables[name] != nil { return current }
            scope = current.parent
        }
        return nil
    }

    var resolvedThis: JSValue {
        var scope: Scope? = self
        while let current = scope {
            if let value = current.thisValue { return value }
            scope = current.parent
        }
        return .undefined
    }

    var resolvedHomeObject: JSObject? {
        var scope: Scope? = self
        while let current = scope {
            if let home = current.homeObject { return home }
            if current.thisValue != nil { return nil }
            scope = current.parent
        }
        return nil
    }

    var resolvedFunctionObject: JSObject? {
        var scope: Scope? = self
        while let current = scope {
            if let function = current.functionObject { return function }
            scope = current.parent
        }
        return nil
    }
}
