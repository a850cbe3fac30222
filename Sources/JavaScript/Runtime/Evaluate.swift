extension Interpreter {
    // The switch stays small and each larger case lives in its own function: in debug builds
    // a function's frame holds every case's locals, and deep JS recursion multiplies it.
    func evaluate(_ expression: Expression, _ scope: Scope) throws -> JSValue {
        // A parsed tree can be deeper than the parser's own recursion: `1+1+…+1` parses in a loop.
        try checkStack()
        switch expression {
        case .number(let value): return .number(value)
        case .string(let text): return .string(text)
        case .boolean(let flag): return .boolean(flag)
        case .null: return .null
        case .this: return scope.resolvedThis
        case .identifier(let name, let position):
            if let value = scope.lookup(name) { return value }
            return try unresolved(name, position)
        case .template(let strings, let expressions):
            return try evaluateTemplate(strings, expressions, scope)
        case .regex(let pattern, let flags, let position):
            return try makeRegex(pattern: pattern, flags: flags, at: position)
        case .array(let elements):
            return try evaluateArray(elements, scope)
        case .object(let properties):
            return .object(try makeObject(properties, scope))
        case .function(let node):
            return evaluateFunction(node, scope)
        case .class(let node):
            return .object(try makeClass(node, scope: scope))
        case .unary(let op, let operand, let position):
            return try unary(op, operand, scope, position)
        case .update(let increment, let prefix, let target, let position):
            return try evaluateUpdate(increment: increment, prefix: prefix, target, position, scope)
        case .binary(let op, let left, let right, let position):
            return try evaluateBinary(op, left, right, position, scope)
        case .logical(let op, let left, let right):
            return try evaluateLogical(op, left, right, scope)
        case .assign(let op, let target, let valueExpression, let position):
            return try evaluateAssignment(op, target, valueExpression, position, scope)
        case .conditional(let test, let consequent, let alternate):
            return try evaluate(try evaluate(test, scope).truthy ? consequent : alternate, scope)
        case .call(let callee, let argumentExpressions, let position):
            return try evaluateCall(callee, argumentExpressions, scope, position)
        case .new(let callee, let argumentExpressions, let position):
            return try evaluateNew(callee, argumentExpressions, position, scope)
        case .member(let object, let name, let position):
            return try evaluateMember(object, name, position, scope)
        case .index(let object, let key, let position):
            return try evaluateIndex(object, key, position, scope)
        case .sequence(let expressions):
            return try evaluateSequence(expressions, scope)
        case .spread(let inner):
            return try evaluate(inner, scope)
        case .superCall(let argumentExpressions, let position):
            return try evaluateSuperCall(argumentExpressions, position, scope)
        case .superMember(let name, let position):
            return try evaluateSuperMember(name, position, scope)
        }
    }

    @inline(never)
    private func unresolved(_ name: String, _ position: SourcePosition) throws -> JSValue {
        if name == "undefined" { return .undefined }
        throw throwError("ReferenceError", "\(name) is not defined", at: position)
    }

    @inline(never)
    private func evaluateTemplate(_ strings: [String], _ expressions: [Expression], _ scope: Scope) throws -> JSValue {
        var text = strings.first ?? ""
        for (index, part) in expressions.enumerated() {
            text += try toString(try evaluate(part, scope))
            if index + 1 < strings.count { text += strings[index + 1] }
        }
        return .string(text)
    }

    @inline(never)
    private func evaluateArray(_ elements: [Expression?], _ scope: Scope) throws -> JSValue {
        var values: [JSValue] = []
        values.reserveCapacity(elements.count)
        for element in elements {
            guard let element else { values.append(.undefined); continue }
            if case .spread(let inner) = element {
                values.append(contentsOf: try iterate(try evaluate(inner, scope)))
            } else {
                values.append(try evaluate(element, scope))
            }
        }
        return .object(newArray(values))
    }

    @inline(never)
    private func evaluateFunction(_ node: FunctionNode, _ scope: Scope) -> JSValue {
        if let name = node.name, !node.isArrow {
            // A named function expression sees its own name.
            let own = Scope(parent: scope)
            let closure = makeClosure(node, scope: own)
            own.declare(name, .object(closure))
            return .object(closure)
        }
        return .object(makeClosure(node, scope: scope))
    }

    @inline(never)
    private func evaluateUpdate(increment: Bool, prefix: Bool, _ target: Expression, _ position: SourcePosition, _ scope: Scope) throws -> JSValue {
        let old = try toNumber(try evaluate(target, scope))
        let new = increment ? old + 1 : old - 1
        try assignTo(target, .number(new), scope: scope, at: position)
        return .number(prefix ? new : old)
    }

    @inline(never)
    private func evaluateBinary(_ op: BinaryOperator, _ left: Expression, _ right: Expression, _ position: SourcePosition, _ scope: Scope) throws -> JSValue {
        let l = try evaluate(left, scope)
        let r = try evaluate(right, scope)
        return try binary(op, l, r, at: position)
    }

    @inline(never)
    private func evaluateLogical(_ op: LogicalOperator, _ left: Expression, _ right: Expression, _ scope: Scope) throws -> JSValue {
        let l = try evaluate(left, scope)
        switch op {
        case .and: return l.truthy ? try evaluate(right, scope) : l
        case .or: return l.truthy ? l : try evaluate(right, scope)
        }
    }

    @inline(never)
    private func evaluateAssignment(_ op: BinaryOperator?, _ target: Pattern, _ valueExpression: Expression, _ position: SourcePosition, _ scope: Scope) throws -> JSValue {
        guard let op else {
            var value = try evaluate(valueExpression, scope)
            if case .name(let name) = target {
                nameAnonymousFunction(&value, name)
                try assign(name, value, scope: scope)
            } else {
                try bind(target, value, scope: scope, declare: .var, assignOnly: true)
            }
            return value
        }
        guard case .expression(let targetExpression) = target.asExpression(position) else { return .undefined }
        let old = try evaluate(targetExpression, scope)
        let value = try binary(op, old, try evaluate(valueExpression, scope), at: position)
        try assignTo(targetExpression, value, scope: scope, at: position)
        return value
    }

    @inline(never)
    private func evaluateNew(_ callee: Expression, _ argumentExpressions: [Expression], _ position: SourcePosition, _ scope: Scope) throws -> JSValue {
        let constructor = try evaluate(callee, scope)
        let arguments = try evaluateArguments(argumentExpressions, scope)
        guard case .object(let function) = constructor, function.function != nil else {
            throw throwError("TypeError", "\(describe(callee)) is not a constructor", at: position)
        }
        if !frames.isEmpty { frames[frames.count - 1].position = position }
        return try construct(constructor, arguments: arguments)
    }

    @inline(never)
    private func evaluateMember(_ object: Expression, _ name: String, _ position: SourcePosition, _ scope: Scope) throws -> JSValue {
        let base = try evaluate(object, scope)
        if case .object(let target) = base, case .ordinary = target.kind, let value = target.ownValue(name) { return value }
        return try getProperty(base, name, at: position)
    }

    @inline(never)
    private func evaluateIndex(_ object: Expression, _ key: Expression, _ position: SourcePosition, _ scope: Scope) throws -> JSValue {
        let base = try evaluate(object, scope)
        return try getIndexed(base, try evaluate(key, scope), at: position)
    }

    @inline(never)
    private func evaluateSequence(_ expressions: [Expression], _ scope: Scope) throws -> JSValue {
        var last = JSValue.undefined
        for each in expressions { last = try evaluate(each, scope) }
        return last
    }

    @inline(never)
    private func evaluateSuperCall(_ argumentExpressions: [Expression], _ position: SourcePosition, _ scope: Scope) throws -> JSValue {
        let arguments = try evaluateArguments(argumentExpressions, scope)
        guard let function = scope.resolvedFunctionObject, case .classConstructor(_, _, _, let parent)? = function.function, let parent else {
            throw throwError("SyntaxError", "'super' keyword unexpected here", at: position)
        }
        try callSuperConstructor(parent, this: scope.resolvedThis, arguments: arguments)
        return .undefined
    }

    @inline(never)
    private func evaluateSuperMember(_ name: String, _ position: SourcePosition, _ scope: Scope) throws -> JSValue {
        guard let home = scope.resolvedHomeObject, let parentPrototype = home.prototype else {
            throw throwError("SyntaxError", "'super' keyword unexpected here", at: position)
        }
        return try getProperty(parentPrototype, name, receiver: scope.resolvedThis)
    }

    private func nameAnonymousFunction(_ value: inout JSValue, _ name: String) {
        if case .object(let object) = value, case .function(.user(let node, _, _, _)) = object.kind, node.name == nil, object.ownValue("name") == nil {
            object.setHidden("name", .string(name))
        }
    }

    func evaluateArguments(_ expressions: [Expression], _ scope: Scope) throws -> [JSValue] {
        var values: [JSValue] = []
        values.reserveCapacity(expressions.count)
        for expression in expressions {
            if case .spread(let inner) = expression {
                values.append(contentsOf: try iterate(try evaluate(inner, scope)))
            } else {
                values.append(try evaluate(expression, scope))
            }
        }
        return values
    }

    @inline(never)
    private func evaluateCall(_ callee: Expression, _ argumentExpressions: [Expression], _ scope: Scope, _ position: SourcePosition) throws -> JSValue {
        var this = JSValue.undefined
        let function: JSValue
        let calleePosition: SourcePosition
        switch callee {
        case .member(let objectExpression, let name, let namePosition):
            this = try evaluate(objectExpression, scope)
            function = try getProperty(this, name, at: namePosition)
            calleePosition = namePosition
        case .index(let objectExpression, let keyExpression, let keyPosition):
            this = try evaluate(objectExpression, scope)
            function = try getIndexed(this, try evaluate(keyExpression, scope), at: keyPosition)
            calleePosition = keyPosition
        case .superMember(let name, let superPosition):
            this = scope.resolvedThis
            function = try evaluate(callee, scope)
            _ = name
            calleePosition = superPosition
        case .identifier(_, let identifierPosition):
            function = try evaluate(callee, scope)
            calleePosition = identifierPosition
        default:
            function = try evaluate(callee, scope)
            calleePosition = position
        }
        let arguments = try evaluateArguments(argumentExpressions, scope)
        guard case .object(let object) = function, object.function != nil else {
            throw throwError("TypeError", "\(describe(callee)) is not a function", at: calleePosition)
        }
        if !frames.isEmpty { frames[frames.count - 1].position = calleePosition }
        return try call(object, this: this, arguments: arguments, newTarget: nil)
    }

    /// The source-like text V8 uses to name a callee in "… is not a function".
    func describe(_ expression: Expression) -> String {
        switch expression {
        case .identifier(let name, _): return name
        case .member(let object, let name, _): return "\(describe(object)).\(name)"
        case .this: return "this"
        case .index(let object, let key, _):
            switch key {
            case .string(let text): return "\(describe(object))[\"\(text)\"]"
            case .number(let number): return "\(describe(object))[\(JSNumberFormatter.string(number))]"
            case .identifier(let name, _): return "\(describe(object))[\(name)]"
            default: return "\(describe(object))[...]"
            }
        case .call(let inner, _, _): return "\(describe(inner))(...)"
        default: return "(intermediate value)"
        }
    }

    private func unary(_ op: UnaryOperator, _ operand: Expression, _ scope: Scope, _ position: SourcePosition) throws -> JSValue {
        switch op {
        case .typeOf:
            if case .identifier(let name, _) = operand, scope.lookup(name) == nil { return .string("undefined") }
            return .string(try evaluate(operand, scope).typeName)
        case .delete:
            switch operand {
            case .member(let objectExpression, let name, _):
                if case .object(let object) = try evaluate(objectExpression, scope) { object.removeOwn(name) }
                return .boolean(true)
            case .index(let objectExpression, let keyExpression, _):
                let base = try evaluate(objectExpression, scope)
                let key = try toPropertyKey(try evaluate(keyExpression, scope))
                if case .object(let object) = base { object.removeOwn(key) }
                return .boolean(true)
            default:
                return .boolean(true)
            }
        case .not: return .boolean(!(try evaluate(operand, scope).truthy))
        case .negate: return .number(-(try toNumber(try evaluate(operand, scope))))
        case .plus: return .number(try toNumber(try evaluate(operand, scope)))
        case .bitNot: return .number(Double(~Interpreter.toInt32(try toNumber(try evaluate(operand, scope)))))
        case .void:
            _ = try evaluate(operand, scope)
            return .undefined
        }
    }

    /// Assigns to an identifier, member or index expression.
    func assignTo(_ target: Expression, _ value: JSValue, scope: Scope, at position: SourcePosition? = nil) throws {
        switch target {
        case .identifier(let name, _):
            try assign(name, value, scope: scope)
        case .member(let objectExpression, let name, let namePosition):
            try setProperty(try evaluate(objectExpression, scope), name, value, at: namePosition)
        case .index(let objectExpression, let keyExpression, let keyPosition):
            let base = try evaluate(objectExpression, scope)
            try setIndexed(base, try evaluate(keyExpression, scope), value, at: keyPosition)
        default:
            throw throwError("ReferenceError", "Invalid left-hand side in assignment", at: position)
        }
    }

    private func makeObject(_ properties: [PropertyDefinition], _ scope: Scope) throws -> JSObject {
        let object = newObject()
        for property in properties {
            switch property {
            case .value(let key, let valueExpression):
                let name = try propertyName(key, scope)
                var value = try evaluate(valueExpression, scope)
                nameAnonymousFunction(&value, name)
                if case .object(let function) = value, case .function(.user(let node, let closure, let this, nil)) = function.kind, !node.isArrow, case .function = valueExpression {
                    // Methods can use `super`: remember the object they belong to.
                    function.kind = .function(.user(node, closure: closure, thisValue: this, homeObject: object))
                }
                object.setOwn(name, value)
            case .getter(let key, let node):
                let name = try propertyName(key, scope)
                var accessor = object.accessors?[name] ?? JSObject.Accessor()
                accessor.getter = makeClosure(node, scope: scope)
                object.defineAccessor(name, accessor)
            case .setter(let key, let node):
                let name = try propertyName(key, scope)
                var accessor = object.accessors?[name] ?? JSObject.Accessor()
                accessor.setter = makeClosure(node, scope: scope)
                object.defineAccessor(name, accessor)
            case .spread(let expression):
                let source = try evaluate(expression, scope)
                if case .object(let sourceObject) = source {
                    for key in sourceObject.enumerableKeys { object.setOwn(key, try getProperty(source, key)) }
                } else if case .string(let text) = source {
                    for (index, character) in text.enumerated() { object.setOwn(String(index), .string(String(character))) }
                }
            }
        }
        return object
    }

    func propertyName(_ key: PropertyKey, _ scope: Scope) throws -> String {
        switch key {
        case .name(let name): return name
        case .computed(let expression): return try toPropertyKey(try evaluate(expression, scope))
        }
    }
}

extension Pattern {
    func asExpression(_ position: SourcePosition) -> Pattern {
        switch self {
        case .name(let name): return .expression(.identifier(name, position))
        default: return self
        }
    }
}
