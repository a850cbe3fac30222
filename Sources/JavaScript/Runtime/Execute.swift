/// How a statement finished.
enum Completion {
    case normal
    case breakLoop(String?)
    case continueLoop(String?)
    case returnValue(JSValue)
}

extension Interpreter {
    /// Runs a function body in the function's own scope (no extra block scope).
    func executeBody(_ block: Block, scope: Scope) throws -> Completion {
        hoistFunctions(block, into: scope)
        for statement in block.statements {
            let completion = try execute(statement, scope)
            if case .normal = completion { continue }
            return completion
        }
        return .normal
    }

    func hoistFunctions(_ block: Block, into scope: Scope) {
        for node in block.functions {
            scope.declare(node.name ?? "", .object(makeClosure(node, scope: scope)))
        }
    }

    func executeBlock(_ block: Block, _ scope: Scope) throws -> Completion {
        let inner = block.lexicalNames.isEmpty ? scope : Scope(parent: scope)
        if !block.functions.isEmpty { hoistFunctions(block, into: inner) }
        for statement in block.statements {
            let completion = try execute(statement, inner)
            if case .normal = completion { continue }
            return completion
        }
        return .normal
    }

    func makeClosure(_ node: FunctionNode, scope: Scope) -> JSObject {
        let this: JSValue? = node.isArrow ? scope.resolvedThis : nil
        let home: JSObject? = node.isArrow ? scope.resolvedHomeObject : nil
        return JSObject(prototype: functionPrototype, kind: .function(.user(node, closure: scope, thisValue: this, homeObject: home)), className: "Function")
    }

    func execute(_ statement: Statement, _ scope: Scope) throws -> Completion {
        try step()
        switch statement {
        case .expression(let expression):
            _ = try evaluate(expression, scope)
            return .normal
        case .declaration(let kind, let declarators):
            try executeDeclaration(kind, declarators, scope)
            return .normal
        case .function:
            return .normal  // hoisted
        case .class(let node):
            try executeClass(node, scope)
            return .normal
        case .return(let expression):
            guard let expression else { return .returnValue(.undefined) }
            return .returnValue(try evaluate(expression, scope))
        case .if(let test, let consequent, let alternate):
            return try executeIf(test, consequent, alternate, scope)
        case .block(let block):
            return try executeBlock(block, scope)
        case .for(let initializer, let test, let update, let body, let perIterationNames):
            return try executeFor(initializer: initializer, test: test, update: update, body: body, names: perIterationNames, scope: scope, label: nil)
        case .forIn(let kind, let target, let subject, let body):
            return try executeForIn(kind: kind, target: target, subject: subject, body: body, scope: scope, label: nil)
        case .forOf(let kind, let target, let subject, let body):
            return try executeForOf(kind: kind, target: target, subject: subject, body: body, scope: scope, label: nil)
        case .while(let test, let body):
            return try executeWhile(test: test, body: body, scope: scope, label: nil)
        case .doWhile(let body, let test):
            return try executeDoWhile(body, test, scope)
        case .break(let label):
            return .breakLoop(label)
        case .continue(let label):
            return .continueLoop(label)
        case .throw(let expression, let position):
            return try executeThrow(expression, position, scope)
        case .try(let block, let catchName, let handler, let finalizer):
            return try executeTry(block, catchName: catchName, handler: handler, finalizer: finalizer, scope: scope)
        case .switch(let subject, let cases):
            return try executeSwitch(subject, cases, scope: scope)
        case .labeled(let label, let inner):
            return try executeLabeled(label, inner, scope)
        case .empty:
            return .normal
        }
    }

    @inline(never)
    private func executeDeclaration(_ kind: DeclarationKind, _ declarators: [Declarator], _ scope: Scope) throws {
        for declarator in declarators {
            if let initializer = declarator.initializer {
                let value = try evaluate(initializer, scope)
                if case .name(let name) = declarator.target, case .object(let object) = value, case .function(.user(let node, _, _, _)) = object.kind, node.name == nil, object.ownValue("name") == nil {
                    // Anonymous functions take the variable's name (`var f = function() {}`).
                    object.setHidden("name", .string(name))
                }
                try bind(declarator.target, value, scope: scope, declare: kind)
            } else if kind != .var {
                try bind(declarator.target, .undefined, scope: scope, declare: kind)
            }
        }
    }

    @inline(never)
    private func executeClass(_ node: ClassNode, _ scope: Scope) throws {
        let constructor = try makeClass(node, scope: scope)
        scope.declare(node.name ?? "", .object(constructor))
    }

    @inline(never)
    private func executeIf(_ test: Expression, _ consequent: Statement, _ alternate: Statement?, _ scope: Scope) throws -> Completion {
        if try evaluate(test, scope).truthy {
            return try execute(consequent, scope)
        } else if let alternate {
            return try execute(alternate, scope)
        }
        return .normal
    }

    @inline(never)
    private func executeDoWhile(_ body: Statement, _ test: Expression, _ scope: Scope) throws -> Completion {
        repeat {
            try step()
            switch try execute(body, scope) {
            case .breakLoop(nil): return .normal
            case .continueLoop(nil), .normal: break
            case let other: return other
            }
        } while try evaluate(test, scope).truthy
        return .normal
    }

    @inline(never)
    private func executeThrow(_ expression: Expression, _ position: SourcePosition, _ scope: Scope) throws -> Completion {
        let value = try evaluate(expression, scope)
        throw JSThrow(value: value, fileName: frames.last?.fileName, position: position)
    }

    @inline(never)
    private func executeLabeled(_ label: String, _ inner: Statement, _ scope: Scope) throws -> Completion {
        let completion: Completion
        switch inner {
        case .for(let initializer, let test, let update, let body, let names):
            completion = try executeFor(initializer: initializer, test: test, update: update, body: body, names: names, scope: scope, label: label)
        case .forIn(let kind, let target, let subject, let body):
            completion = try executeForIn(kind: kind, target: target, subject: subject, body: body, scope: scope, label: label)
        case .forOf(let kind, let target, let subject, let body):
            completion = try executeForOf(kind: kind, target: target, subject: subject, body: body, scope: scope, label: label)
        case .while(let test, let body):
            completion = try executeWhile(test: test, body: body, scope: scope, label: label)
        default:
            completion = try execute(inner, scope)
        }
        if case .breakLoop(label) = completion { return .normal }
        return completion
    }

    /// Interprets a loop body's completion: nil to keep looping, or what the loop returns.
    private func loopControl(_ completion: Completion, label: String?) -> Completion? {
        switch completion {
        case .normal: return nil
        case .breakLoop(let target):
            return target == nil || target == label ? .normal : completion
        case .continueLoop(let target):
            return target == nil || target == label ? nil : completion
        case .returnValue: return completion
        }
    }

    @inline(never)
    private func executeWhile(test: Expression, body: Statement, scope: Scope, label: String?) throws -> Completion {
        while try evaluate(test, scope).truthy {
            try step()
            if let result = loopControl(try execute(body, scope), label: label) { return result }
        }
        return .normal
    }

    @inline(never)
    private func executeFor(initializer: Statement?, test: Expression?, update: Expression?, body: Statement,
                            names: [String], scope: Scope, label: String?) throws -> Completion {
        var loopScope = names.isEmpty ? scope : Scope(parent: scope)
        if let initializer { _ = try execute(initializer, loopScope) }
        while true {
            try step()
            if let test, !(try evaluate(test, loopScope).truthy) { break }
            if let result = loopControl(try execute(body, loopScope), label: label) { return result }
            if !names.isEmpty {
                // A fresh binding per iteration, so closures capture each value of `let i`.
                let next = Scope(parent: scope)
                for name in names { next.variables[name] = loopScope.variables[name] }
                loopScope = next
            }
            if let update { _ = try evaluate(update, loopScope) }
        }
        return .normal
    }

    @inline(never)
    private func executeForIn(kind: DeclarationKind?, target: Pattern, subject: Expression, body: Statement,
                              scope: Scope, label: String?) throws -> Completion {
        let value = try evaluate(subject, scope)
        var keys: [String] = []
        switch value {
        case .object(let object):
            var seen = Set<String>()
            var current: JSObject? = object
            while let each = current {
                for key in each.enumerableKeys where seen.insert(key).inserted { keys.append(key) }
                current = each.prototype
            }
        case .string(let text):
            keys = (0..<text.utf16.count).map { String($0) }
        default: break
        }
        for key in keys {
            try step()
            let iterationScope = kind == nil || kind == .var ? scope : Scope(parent: scope)
            try bind(target, .string(key), scope: iterationScope, declare: kind ?? .var, assignOnly: kind == nil)
            if let result = loopControl(try execute(body, iterationScope), label: label) { return result }
        }
        return .normal
    }

    @inline(never)
    private func executeForOf(kind: DeclarationKind?, target: Pattern, subject: Expression, body: Statement,
                              scope: Scope, label: String?) throws -> Completion {
        let items = try iterate(try evaluate(subject, scope))
        for item in items {
            try step()
            let iterationScope = kind == nil || kind == .var ? scope : Scope(parent: scope)
            try bind(target, item, scope: iterationScope, declare: kind ?? .var, assignOnly: kind == nil)
            if let result = loopControl(try execute(body, iterationScope), label: label) { return result }
        }
        return .normal
    }

    /// The values `for…of` and spread visit.
    func iterate(_ value: JSValue) throws -> [JSValue] {
        switch value {
        case .string(let text): return text.map { .string(String($0)) }
        case .object(let object):
            if object.isArray || object.className == "Arguments" { return object.elements }
            if case .host(let host) = object.kind, let collection = host as? JSIterableHost { return collection.iterationValues(self) }
            throw throwError("TypeError", "\(display(value)) is not iterable")
        default:
            throw throwError("TypeError", "\(display(value)) is not iterable")
        }
    }

    @inline(never)
    private func executeTry(_ block: Block, catchName: Pattern?, handler: Block?, finalizer: Block?, scope: Scope) throws -> Completion {
        var completion = Completion.normal
        var pending: Error?
        let depth = frames.count
        do {
            completion = try executeBlock(block, scope)
        } catch let thrown as JSThrow {
            frames.removeLast(frames.count - depth)
            if let handler {
                let catchScope = Scope(parent: scope)
                if let catchName { try bind(catchName, thrown.value, scope: catchScope, declare: .let) }
                do {
                    completion = try executeBlock(handler, catchScope)
                } catch {
                    pending = error
                }
            } else {
                pending = thrown
            }
        }
        if let finalizer {
            let finalCompletion = try executeBlock(finalizer, scope)
            if case .normal = finalCompletion {} else { return finalCompletion }
        }
        if let pending { throw pending }
        return completion
    }

    @inline(never)
    private func executeSwitch(_ subject: Expression, _ cases: [SwitchCase], scope: Scope) throws -> Completion {
        let value = try evaluate(subject, scope)
        let inner = Scope(parent: scope)
        var matched: Int?
        for (index, each) in cases.enumerated() {
            if let test = each.test, try evaluate(test, inner).strictlyEquals(value) {
                matched = index
                break
            }
        }
        if matched == nil { matched = cases.firstIndex { $0.test == nil } }
        guard let start = matched else { return .normal }
        for each in cases[start...] {
            for statement in each.body {
                if case .function(let node) = statement {
                    inner.declare(node.name ?? "", .object(makeClosure(node, scope: inner)))
                }
            }
            for statement in each.body {
                switch try execute(statement, inner) {
                case .normal: continue
                case .breakLoop(nil): return .normal
                case let other: return other
                }
            }
        }
        return .normal
    }

    // MARK: Binding

    /// Binds or assigns a pattern. `declare` tells which kind of declaration introduces the names;
    /// `assignOnly` means plain assignment to existing bindings.
    func bind(_ pattern: Pattern, _ value: JSValue, scope: Scope, declare kind: DeclarationKind, assignOnly: Bool = false) throws {
        switch pattern {
        case .name(let name):
            if assignOnly {
                try assign(name, value, scope: scope)
            } else if kind == .var {
                // Hoisted: the binding exists in the function scope already.
                if let owner = scope.owner(of: name) { owner.variables[name] = value } else { scope.declare(name, value) }
            } else {
                scope.declare(name, value, constant: kind == .const)
            }
        case .expression(let target):
            try assignTo(target, value, scope: scope)
        case .object(let properties, let rest):
            if value.isNullish {
                throw throwError("TypeError", "Cannot destructure '\(try toString(value))' as it is \(try toString(value)).")
            }
            var used = Set<String>()
            for property in properties {
                let key: String
                switch property.key {
                case .name(let name): key = name
                case .computed(let expression): key = try toPropertyKey(try evaluate(expression, scope))
                }
                used.insert(key)
                var element = try getProperty(value, key)
                if case .undefined = element, let defaultValue = property.defaultValue { element = try evaluate(defaultValue, scope) }
                try bind(property.target, element, scope: scope, declare: kind, assignOnly: assignOnly)
            }
            if let rest {
                let remainder = newObject()
                if case .object(let source) = value {
                    for key in source.enumerableKeys where !used.contains(key) { remainder.setOwn(key, try getProperty(value, key)) }
                }
                try bind(.name(rest), .object(remainder), scope: scope, declare: kind, assignOnly: assignOnly)
            }
        case .array(let elements, let rest):
            let items = try iterate(value)
            for (index, element) in elements.enumerated() {
                guard let element else { continue }
                var item = index < items.count ? items[index] : .undefined
                if case .undefined = item, let defaultValue = element.defaultValue { item = try evaluate(defaultValue, scope) }
                try bind(element.target, item, scope: scope, declare: kind, assignOnly: assignOnly)
            }
            if let rest {
                let remainder = items.count > elements.count ? Array(items[elements.count...]) : []
                try bind(rest, .object(newArray(remainder)), scope: scope, declare: kind, assignOnly: assignOnly)
            }
        }
    }

    func assign(_ name: String, _ value: JSValue, scope: Scope) throws {
        var current: Scope? = scope
        while let each = current {
            if each.variables[name] != nil {
                if let constants = each.constants, constants.contains(name) {
                    throw throwError("TypeError", "Assignment to constant variable.")
                }
                each.variables[name] = value
                return
            }
            current = each.parent
        }
        // Sloppy mode: assigning an undeclared name creates a global.
        globalScope.declare(name, value)
    }
}

/// Host objects that `for…of` can walk.
protocol JSIterableHost: AnyObject {
    func iterationValues(_ interpreter: Interpreter) -> [JSValue]
}
