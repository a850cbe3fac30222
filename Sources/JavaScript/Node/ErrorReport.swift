/// How node 7 prints what kills a script: the source line with a caret, then the stack.
public enum NodeErrorReport {
    /// The frames of node's module loader under a main script's top level.
    static let mainModuleFrames = [
        "Module._compile (module.js:571:32)",
        "Object.Module._extensions..js (module.js:580:10)",
        "Module.load (module.js:488:32)",
        "tryModuleLoad (module.js:447:12)",
        "Function.Module._load (module.js:439:3)",
        "Module.runMain (module.js:605:10)",
        "run (bootstrap_node.js:427:7)",
        "startup (bootstrap_node.js:151:9)",
        "bootstrap_node.js:542:3",
    ]

    /// The frames under code run by `node -e`.
    static let evalFrames = [
        "ContextifyScript.Script.runInThisContext (vm.js:23:33)",
        "Object.runInThisContext (vm.js:95:38)",
        "Object.<anonymous> ([eval]-wrapper:6:22)",
        "Module._compile (module.js:571:32)",
        "evalScript (bootstrap_node.js:391:27)",
        "run (bootstrap_node.js:124:11)",
        "run (bootstrap_node.js:427:7)",
        "startup (bootstrap_node.js:123:9)",
        "bootstrap_node.js:542:3",
    ]

    static let syntaxErrorFrames = [
        "createScript (vm.js:53:10)",
        "Object.runInThisContext (vm.js:95:10)",
        "Module._compile (module.js:543:28)",
        "Object.Module._extensions..js (module.js:580:10)",
        "Module.load (module.js:488:32)",
        "tryModuleLoad (module.js:447:12)",
        "Function.Module._load (module.js:439:3)",
        "Module.runMain (module.js:605:10)",
        "run (bootstrap_node.js:427:7)",
        "startup (bootstrap_node.js:151:9)",
    ]

    /// `file:line`, the line, a caret under the column.
    static func arrow(fileName: String, line: Int, column: Int, sourceLine: String, width: Int = 1) -> String {
        let indent = String(sourceLine.prefix(column).map { $0 == "\t" ? "\t" : " " })
        return "\(fileName):\(line)\n\(sourceLine)\n\(indent)\(String(repeating: "^", count: max(1, width)))\n"
    }

    /// What `node missing.js` prints.
    static func missingMainModule(_ path: String) -> String {
        "module.js:472\n    throw err;\n    ^\n\nError: Cannot find module '\(path)'\n"
            + ["Function.Module._resolveFilename (module.js:470:15)", "Function.Module._load (module.js:418:25)",
               "Module.runMain (module.js:605:10)", "run (bootstrap_node.js:427:7)", "startup (bootstrap_node.js:151:9)",
               "bootstrap_node.js:542:3"].map { "    at \($0)\n" }.joined()
    }

    /// The report of a syntax error in a script being loaded.
    public static func syntaxError(_ error: ScriptSyntaxError) -> String {
        var text = arrow(fileName: error.fileName, line: error.info.position.line, column: error.info.position.column,
                         sourceLine: error.sourceLine, width: error.info.length)
        text += "\(error.info.name): \(error.info.message)\n"
        text += syntaxErrorFrames.map { "    at \($0)\n" }.joined()
        return text
    }

    /// The report of an exception nobody caught.
    static func uncaught(_ thrown: JSThrow, interpreter: Interpreter) -> String {
        var text = ""
        if let fileName = thrown.fileName, let position = thrown.position {
            var line = interpreter.sources[fileName].map { Script.line(of: $0, position.line) } ?? ""
            if fileName == "events.js" { line = "      throw er; // Unhandled 'error' event" }
            text += arrow(fileName: fileName, line: position.line, column: position.column, sourceLine: line) + "\n"
        }
        if case .object(let object) = thrown.value, case .string(let stack)? = object.ownValue("stack") {
            text += stack + "\n"
        } else if case .object(let object) = thrown.value, case .error = object.kind {
            text += ((try? interpreter.toString(thrown.value)) ?? "Error") + "\n"
        } else {
            // Values that are not errors print as their string form.
            text += ((try? interpreter.toString(thrown.value)) ?? interpreter.inspect(thrown.value)) + "\n"
        }
        return text
    }
}
