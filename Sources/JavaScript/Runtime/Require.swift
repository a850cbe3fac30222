extension Interpreter {
    /// The `require` function of a module in `directory`.
    func makeRequire(directory: String) -> JSObject {
        makeFunction("require", length: 1) { interpreter, _, arguments, _ in
            let name = try interpreter.toString(arguments[argument: 0])
            return try interpreter.require(name, from: directory)
        }
    }

    func require(_ name: String, from directory: String) throws -> JSValue {
        if let cached = moduleCache[name] { return cached }
        if !(name.hasPrefix("./") || name.hasPrefix("../") || name.hasPrefix("/")) {
            if let module = try moduleResolver?(name) {
                moduleCache[name] = module
                return module
            }
            throw missingModule(name)
        }
        let base = name.hasPrefix("/") ? name : directory + "/" + name
        let path = Interpreter.normalize(base)
        for candidate in [path, path + ".js", path + ".json", path + "/index.js"] {
            if let cached = moduleCache[candidate] { return cached }
            guard let source = fileReader?(candidate) else { continue }
            if candidate.hasSuffix(".json") {
                let json = try call(try getProperty(globalScope.lookup("JSON") ?? .undefined, "parse"), arguments: [.string(source)])
                moduleCache[candidate] = json
                return json
            }
            let exports = try runModule(source: source, fileName: candidate)
            moduleCache[candidate] = exports
            return exports
        }
        throw missingModule(name)
    }

    private func missingModule(_ name: String) -> JSThrow {
        let error = throwError("Error", "Cannot find module '\(name)'")
        if case .object(let object) = error.value { object.setOwn("code", .string("MODULE_NOT_FOUND")) }
        return error
    }

    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }
}
