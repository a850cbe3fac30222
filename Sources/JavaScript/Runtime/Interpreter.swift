import Simulation
/// Runs JavaScript: holds the built-in objects, the global scope, the call stack and the step
/// budget. Single-threaded; hosts (node's runtime, tests) call in from their event loop.
public final class Interpreter {
    // Built-in prototypes.
    let objectPrototype: JSObject
    let functionPrototype: JSObject
    let arrayPrototype: JSObject
    let stringPrototype: JSObject
    let numberPrototype: JSObject
    let booleanPrototype: JSObject
    let datePrototype: JSObject
    let regexPrototype: JSObject
    var errorPrototypes: [String: JSObject] = [:]
    var promisePrototype: JSObject?
    var bufferPrototype: JSObject?
    /// Promise reactions waiting to run (the microtask queue).
    var pendingJobs: [() throws -> Void] = []
    var possiblyUnhandled: [JSObject] = []

    let globalScope: Scope
    let globalObject: JSObject

    /// The call stack, innermost last.
    var frames: [Frame] = []
    var stackGuard = StackGuard()
    /// Frames below the script's own (node internals), appended to every stack trace.
    public var hostFrames: [String] = []

    /// How many steps (statements, loop turns, calls) one turn may take before it is cut off.
    public var stepLimit: Int
    /// Steps taken in the current turn.
    public private(set) var steps = 0

    /// Where `console.log` and `console.error` write.
    public var standardOutput: (String) -> Void
    public var standardError: (String) -> Void
    /// Milliseconds since the Unix epoch, for `Date`; the host supplies virtual time.
    public var currentTime: () -> Double
    /// Resolves `require(name)` for anything that is not a file the interpreter loads itself.
    public var moduleResolver: ((String) throws -> JSValue?)?
    /// Reads a file for `require('./x.js')`: absolute path → source, or nil when missing.
    public var fileReader: ((String) -> String?)?
    var moduleCache: [String: JSValue] = [:]
    /// The source of every script run, by file name, for error reports.
    var sources: [String: String] = [:]
    /// The directory of the main script, for relative `require`.
    public var mainDirectory = "/"

    /// Told whenever an event listener is added (node's streams start flowing on 'data').
    var onListenerAdded: ((JSObject, String) -> Void)?

    /// Values of the random source for `Math.random`, supplied by the host.
    public var randomSource: () -> Double = { 0.5 }

    public init(stepLimit: Int = 10_000_000) {
        self.stepLimit = stepLimit
        standardOutput = { _ in }
        standardError = { _ in }
        currentTime = { 0 }
        objectPrototype = JSObject(prototype: nil)
        functionPrototype = JSObject(prototype: objectPrototype, className: "Function")
        arrayPrototype = JSObject(prototype: objectPrototype, kind: .array([]), className: "Array")
        stringPrototype = JSObject(prototype: objectPrototype, kind: .boxedString(""), className: "String")
        numberPrototype = JSObject(prototype: objectPrototype, kind: .boxedNumber(0), className: "Number")
        booleanPrototype = JSObject(prototype: objectPrototype, kind: .boxedBoolean(false), className: "Boolean")
        datePrototype = JSObject(prototype: objectPrototype, className: "Date")
        regexPrototype = JSObject(prototype: objectPrototype, className: "RegExp")
        globalScope = Scope(parent: nil, capacity: 64)
        globalObject = JSObject(prototype: objectPrototype, className: "global")
        installBuiltins()
    }

    /// Starts a new turn of the step budget (each callback the host runs gets a fresh one).
    public func resetBudget() { steps = 0 }

    @inline(__always)
    func step() throws {
        steps &+= 1
        if steps > stepLimit { throw ScriptAbort.budgetExceeded(steps: stepLimit) }
    }

    // MARK: Defining globals

    /// Makes a native function object.
    func makeFunction(_ name: String, length: Int = 0, _ body: @escaping NativeFunction) -> JSObject {
        JSObject(prototype: functionPrototype, kind: .function(.native(name: name, length: length, body)), className: "Function")
    }

    /// Adds a non-enumerable native method to an object.
    func defineMethod(_ object: JSObject, _ name: String, length: Int = 0, _ body: @escaping NativeFunction) {
        object.setHidden(name, .object(makeFunction(name, length: length, body)))
    }

    public func defineGlobal(_ name: String, _ value: JSValue) {
        globalScope.declare(name, value)
        globalObject.setHidden(name, value)
    }

    public func newObject() -> JSObject { JSObject(prototype: objectPrototype) }

    public func newArray(_ elements: [JSValue]) -> JSObject {
        JSObject(prototype: arrayPrototype, kind: .array(elements), className: "Array")
    }

    // MARK: Running scripts

    static let moduleWrapper = "(function (exports, require, module, __filename, __dirname) { "

    /// Parses and runs a script as a CommonJS module; returns `module.exports`.
    @discardableResult
    public func runModule(source: String, fileName: String) throws -> JSValue {
        // node 7 compiles a module inside a wrapper function that shares its first line, so
        // positions on line 1 are shifted by the wrapper's length.
        let wrapped = Interpreter.moduleWrapper + source
        sources[fileName] = wrapped
        let script: Script
        do {
            script = try Parser.parseScript(source, fileName: fileName, firstLineOffset: Interpreter.moduleWrapper.count)
        } catch {
            throw ScriptSyntaxError(info: error, fileName: fileName, sourceLine: Script.line(of: wrapped, error.position.line))
        }
        return try runModule(script)
    }

    @discardableResult
    func runModule(_ script: Script) throws -> JSValue {
        let module = newObject()
        let exports = newObject()
        module.setOwn("exports", .object(exports))
        let scope = Scope(parent: globalScope)
        scope.thisValue = .object(exports)
        scope.declare("module", .object(module))
        scope.declare("exports", .object(exports))
        scope.declare("__filename", .string(script.fileName))
        scope.declare("__dirname", .string(directoryName(script.fileName)))
        scope.declare("require", .object(makeRequire(directory: directoryName(script.fileName))))
        for name in script.function.varNames where scope.variables[name] == nil {
            scope.declare(name, .undefined)
        }
        if frames.isEmpty { stackGuard.enter() }
        frames.append(Frame(name: "Object.<anonymous>", fileName: script.fileName, position: SourcePosition(line: 1, column: 0)))
        defer { frames.removeLast() }
        _ = try executeBody(script.function.body, scope: scope)
        return module.ownValue("exports") ?? .undefined
    }

    /// Evaluates a script and returns the value of its last expression statement (for tests and `node -e`).
    public func evaluate(_ source: String, fileName: String = "[eval]") throws -> JSValue {
        sources[fileName] = source
        let script: Script
        do {
            script = try Parser.parseScript(source, fileName: fileName)
        } catch {
            throw ScriptSyntaxError(info: error, fileName: fileName, sourceLine: Script.line(of: source, error.position.line))
        }
        let scope = Scope(parent: globalScope)
        scope.thisValue = .object(globalObject)
        scope.declare("require", .object(makeRequire(directory: mainDirectory)))
        for name in script.function.varNames where scope.variables[name] == nil {
            scope.declare(name, .undefined)
        }
        if frames.isEmpty { stackGuard.enter() }
        frames.append(Frame(name: "", fileName: fileName, position: SourcePosition(line: 1, column: 0)))
        defer { frames.removeLast() }
        var last = JSValue.undefined
        hoistFunctions(script.function.body, into: scope)
        for statement in script.function.body.statements {
            if case .expression(let expression) = statement {
                last = try evaluate(expression, scope)
            } else {
                let completion = try execute(statement, scope)
                if case .returnValue(let value) = completion { return value }
            }
        }
        return last
    }

    func directoryName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let directory = String(path[..<slash])
        return directory.isEmpty ? "/" : directory
    }

    // MARK: Calling

    /// Calls a function value; throws a TypeError when it is not callable.
    public func call(_ function: JSValue, this: JSValue = .undefined, arguments: [JSValue] = []) throws -> JSValue {
        guard case .object(let object) = function, object.function != nil else {
            throw throwError("TypeError", "\(display(function)) is not a function")
        }
        return try call(object, this: this, arguments: arguments, newTarget: nil)
    }

    func call(_ object: JSObject, this: JSValue, arguments: [JSValue], newTarget: JSObject?) throws -> JSValue {
        if frames.isEmpty { stackGuard.enter() }
        try checkStack()
        guard let kind = object.function else {
            throw throwError("TypeError", "object is not a function")
        }
        try step()
        switch kind {
        case .native(_, _, let body):
            return try body(self, this, arguments, newTarget != nil)
        case .bound(let target, let boundThis, let boundArguments):
            return try call(target, this: newTarget != nil ? this : boundThis, arguments: boundArguments + arguments, newTarget: newTarget)
        case .user(let node, let closure, let lexicalThis, let homeObject):
            return try callUser(node, closure: closure, this: node.isArrow ? (lexicalThis ?? .undefined) : this,
                                arguments: arguments, function: object, homeObject: homeObject)
        case .classConstructor(let node, _, _, _):
            guard newTarget != nil else {
                throw throwError("TypeError", "Class constructor \(node.name ?? "") cannot be invoked without 'new'")
            }
            return try constructClass(object, this: this, arguments: arguments)
        }
    }

    /// Native recursion (conversions, `JSON`, deep expressions) as deep as the thread's stack
    /// allows ends as V8 ends it.
    func checkStack() throws {
        guard stackGuard.hasRoom() else { throw throwError("RangeError", "Maximum call stack size exceeded") }
    }

    func callUser(_ node: FunctionNode, closure: Scope, this: JSValue, arguments: [JSValue], function: JSObject, homeObject: JSObject?) throws -> JSValue {
        if frames.count > 10_000 || !stackGuard.hasRoom() {
            throw throwError("RangeError", "Maximum call stack size exceeded")
        }
        let scope = Scope(parent: closure, capacity: node.parameters.count + node.varNames.count)
        if !node.isArrow {
            // Sloppy-mode functions see the global object for a missing `this`; class code is strict.
            scope.thisValue = this.isNullish && homeObject == nil && !node.isClassConstructor ? .object(globalObject) : this
            scope.homeObject = homeObject
            scope.functionObject = function
        }
        for (index, parameter) in node.parameters.enumerated() {
            var value = index < arguments.count ? arguments[index] : .undefined
            if case .undefined = value, let defaultValue = parameter.defaultValue {
                value = try evaluate(defaultValue, scope)
            }
            if case .name(let name) = parameter.target {
                scope.variables[name] = value
            } else {
                try bind(parameter.target, value, scope: scope, declare: .let)
            }
        }
        if let rest = node.rest {
            let extra = arguments.count > node.parameters.count ? Array(arguments[node.parameters.count...]) : []
            try bind(rest, .object(newArray(extra)), scope: scope, declare: .let)
        }
        if node.usesArguments {
            let object = JSObject(prototype: objectPrototype, kind: .array(arguments), className: "Arguments")
            scope.variables["arguments"] = .object(object)
        }
        for name in node.varNames where scope.variables[name] == nil {
            scope.variables[name] = .undefined
        }
        frames.append(Frame(name: frameName(node, this: this, function: function), fileName: node.fileName, position: node.position))
        defer { frames.removeLast() }
        if let expression = node.expressionBody {
            return try evaluate(expression, scope)
        }
        if case .returnValue(let value) = try executeBody(node.body, scope: scope) {
            return value
        }
        return .undefined
    }

    private func frameName(_ node: FunctionNode, this: JSValue, function: JSObject) -> String {
        if let name = node.name, !name.isEmpty {
            if case .object(let receiver) = this, receiver !== globalObject, !node.isArrow {
                return receiver.constructorName == "Object" ? name : "\(receiver.constructorName).\(name)"
            }
            return name
        }
        if case .object(let receiver) = this, receiver !== globalObject, !node.isArrow {
            // V8 names an anonymous method after the property that holds it.
            let keys = receiver.ownKeys
            if keys.count < 16, let key = keys.first(where: { receiver.ownValue($0)?.asObject === function }) {
                return "\(receiver.constructorName).\(key)"
            }
            return "\(receiver.constructorName).<anonymous>"
        }
        return ""
    }

    /// `new F(...args)`.
    public func construct(_ constructor: JSValue, arguments: [JSValue]) throws -> JSValue {
        guard case .object(let function) = constructor, let kind = function.function else {
            throw throwError("TypeError", "\(display(constructor)) is not a constructor")
        }
        switch kind {
        case .native:
            return try call(function, this: .undefined, arguments: arguments, newTarget: function)
        case .bound(let target, _, let boundArguments):
            return try construct(.object(target), arguments: boundArguments + arguments)
        case .user(let node, _, _, _):
            if node.isArrow { throw throwError("TypeError", "\(node.name ?? "(intermediate value)") is not a constructor") }
            let prototype = try getProperty(.object(function), "prototype").asObject ?? objectPrototype
            let object = JSObject(prototype: prototype, className: node.name ?? "Object")
            let result = try call(function, this: .object(object), arguments: arguments, newTarget: function)
            if case .object = result { return result }
            return .object(object)
        case .classConstructor:
            let prototype = try getProperty(.object(function), "prototype").asObject ?? objectPrototype
            let object = JSObject(prototype: prototype, className: function.function?.name ?? "Object")
            let result = try call(function, this: .object(object), arguments: arguments, newTarget: function)
            if case .object = result { return result }
            return .object(object)
        }
    }

    /// A short rendering of a value for error messages.
    func display(_ value: JSValue) -> String {
        switch value {
        case .string(let text): return "\"\(text)\""
        case .object(let object):
            if let function = object.function { return function.name.isEmpty ? "function" : function.name }
            return object.isArray ? "object" : "#<\(object.constructorName)>"
        default: return (try? toString(value)) ?? "value"
        }
    }
}

/// A syntax error in a script, with what node needs to print it.
public struct ScriptSyntaxError: Error {
    public var info: SyntaxErrorInfo
    public var fileName: String
    public var sourceLine: String
}

extension Script {
    static func line(of source: String, _ number: Int) -> String {
        var current = 1
        var start = source.startIndex
        var index = source.startIndex
        while index < source.endIndex {
            if source[index] == "\n" {
                if current == number { return String(source[start..<index]) }
                current += 1
                start = source.index(after: index)
            }
            index = source.index(after: index)
        }
        return current == number ? String(source[start...]) : ""
    }
}

extension JSObject {
    /// The name V8 shows for an object's class in stack frames: its constructor's name.
    var constructorName: String {
        var object: JSObject? = self
        while let current = object {
            if case .object(let constructor)? = current.ownValue("constructor"), let name = constructor.function?.name, !name.isEmpty {
                return name
            }
            if current.className != "Object", current.function == nil { return current.className }
            object = current.prototype
        }
        return className
    }
}
