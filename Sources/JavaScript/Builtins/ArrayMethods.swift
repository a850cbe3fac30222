extension Interpreter {
    func installArray() {
        let array = defineConstructor("Array", prototype: arrayPrototype) { interpreter, _, arguments, _ in
            if arguments.count == 1, case .number(let length) = arguments[0] {
                guard let count = Int(exactly: length), count >= 0, count <= 10_000_000 else {
                    throw interpreter.throwError("RangeError", "Invalid array length")
                }
                return .object(interpreter.newArray(Array(repeating: .undefined, count: count)))
            }
            return .object(interpreter.newArray(arguments))
        }
        defineMethod(array, "isArray", length: 1) { _, _, arguments, _ in
            .boolean(arguments[argument: 0].asObject?.isArray ?? false)
        }
        defineMethod(array, "from", length: 1) { interpreter, _, arguments, _ in
            var items: [JSValue]
            if case .object(let object) = arguments[argument: 0], !object.isArray,
               case .number(let length) = try interpreter.getProperty(arguments[0], "length") {
                items = try (0..<max(0, min(length.safeInteger, 10_000_000))).map { try interpreter.getProperty(arguments[0], String($0)) }
            } else {
                items = try interpreter.iterate(arguments[argument: 0])
            }
            if case .object(let mapper) = arguments[argument: 1], mapper.function != nil {
                items = try items.enumerated().map { try interpreter.call(mapper, this: .undefined, arguments: [$1, .number(Double($0))], newTarget: nil) }
            }
            return .object(interpreter.newArray(items))
        }
        defineMethod(array, "of") { interpreter, _, arguments, _ in .object(interpreter.newArray(arguments)) }

        let p = arrayPrototype
        defineMethod(p, "push", length: 1) { interpreter, this, arguments, _ in
            let target = try interpreter.arrayThis(this)
            target.mutateElements { $0.append(contentsOf: arguments) }
            return .number(Double(target.elements.count))
        }
        defineMethod(p, "pop") { interpreter, this, _, _ in
            try interpreter.arrayThis(this).mutateElements { $0.popLast() ?? .undefined }
        }
        defineMethod(p, "shift") { interpreter, this, _, _ in
            try interpreter.arrayThis(this).mutateElements { $0.isEmpty ? .undefined : $0.removeFirst() }
        }
        defineMethod(p, "unshift", length: 1) { interpreter, this, arguments, _ in
            let target = try interpreter.arrayThis(this)
            target.mutateElements { $0.insert(contentsOf: arguments, at: 0) }
            return .number(Double(target.elements.count))
        }
        defineMethod(p, "slice", length: 2) { interpreter, this, arguments, _ in
            let elements = try interpreter.arrayThis(this).elements
            let (start, end) = try interpreter.sliceBounds(arguments, count: elements.count)
            return .object(interpreter.newArray(start < end ? Array(elements[start..<end]) : []))
        }
        defineMethod(p, "splice", length: 2) { interpreter, this, arguments, _ in
            let target = try interpreter.arrayThis(this)
            let count = target.elements.count
            let start = try interpreter.relativeIndex(arguments[argument: 0], count: count, defaultValue: 0)
            let deleteCount = arguments.count < 2 ? count - start
                : max(0, min(count - start, Int(Interpreter.toIntegerOrInfinity(try interpreter.toNumber(arguments[1])).clamped)))
            let inserted = arguments.count > 2 ? Array(arguments[2...]) : []
            let removed = target.mutateElements { elements -> [JSValue] in
                let removed = Array(elements[start..<(start + deleteCount)])
                elements.replaceSubrange(start..<(start + deleteCount), with: inserted)
                return removed
            }
            return .object(interpreter.newArray(removed))
        }
        defineMethod(p, "concat", length: 1) { interpreter, this, arguments, _ in
            var result = try interpreter.arrayThis(this).elements
            for argument in arguments {
                if case .object(let other) = argument, other.isArray { result.append(contentsOf: other.elements) } else { result.append(argument) }
            }
            return .object(interpreter.newArray(result))
        }
        defineMethod(p, "join", length: 1) { interpreter, this, arguments, _ in
            let elements = try interpreter.arrayThis(this).elements
            let separator = arguments.isEmpty || { if case .undefined = arguments[0] { return true }; return false }() ? "," : try interpreter.toString(arguments[0])
            return .string(try interpreter.join(elements, separator))
        }
        defineMethod(p, "toString") { interpreter, this, _, _ in
            guard case .object(let object) = this, object.isArray else { return .string("[object Object]") }
            return .string(try interpreter.join(object.elements, ","))
        }
        defineMethod(p, "reverse") { interpreter, this, _, _ in
            try interpreter.arrayThis(this).mutateElements { $0.reverse() }
            return this
        }
        defineMethod(p, "indexOf", length: 1) { interpreter, this, arguments, _ in
            let elements = try interpreter.arrayThis(this).elements
            let start = try interpreter.relativeIndex(arguments[argument: 1], count: elements.count, defaultValue: 0)
            guard start < elements.count else { return .number(-1) }
            for index in start..<elements.count where elements[index].strictlyEquals(arguments[argument: 0]) { return .number(Double(index)) }
            return .number(-1)
        }
        defineMethod(p, "lastIndexOf", length: 1) { interpreter, this, arguments, _ in
            let elements = try interpreter.arrayThis(this).elements
            for index in elements.indices.reversed() where elements[index].strictlyEquals(arguments[argument: 0]) { return .number(Double(index)) }
            return .number(-1)
        }
        defineMethod(p, "includes", length: 1) { interpreter, this, arguments, _ in
            .boolean(try interpreter.arrayThis(this).elements.contains { $0.sameValueZero(arguments[argument: 0]) })
        }
        defineMethod(p, "forEach", length: 1) { interpreter, this, arguments, _ in
            try interpreter.eachElement(this, arguments) { _, _ in true }
            return .undefined
        }
        defineMethod(p, "map", length: 1) { interpreter, this, arguments, _ in
            var result: [JSValue] = []
            try interpreter.eachElement(this, arguments) { _, mapped in result.append(mapped); return true }
            return .object(interpreter.newArray(result))
        }
        defineMethod(p, "filter", length: 1) { interpreter, this, arguments, _ in
            var result: [JSValue] = []
            try interpreter.eachElement(this, arguments) { element, keep in
                if keep.truthy { result.append(element) }
                return true
            }
            return .object(interpreter.newArray(result))
        }
        defineMethod(p, "find", length: 1) { interpreter, this, arguments, _ in
            var found = JSValue.undefined
            try interpreter.eachElement(this, arguments) { element, matches in
                if matches.truthy { found = element; return false }
                return true
            }
            return found
        }
        defineMethod(p, "findIndex", length: 1) { interpreter, this, arguments, _ in
            var found = -1
            var index = 0
            try interpreter.eachElement(this, arguments) { _, matches in
                if matches.truthy { found = index; return false }
                index += 1
                return true
            }
            return .number(Double(found))
        }
        defineMethod(p, "some", length: 1) { interpreter, this, arguments, _ in
            var found = false
            try interpreter.eachElement(this, arguments) { _, matches in
                if matches.truthy { found = true; return false }
                return true
            }
            return .boolean(found)
        }
        defineMethod(p, "every", length: 1) { interpreter, this, arguments, _ in
            var all = true
            try interpreter.eachElement(this, arguments) { _, matches in
                if !matches.truthy { all = false; return false }
                return true
            }
            return .boolean(all)
        }
        let reduce: (Bool) -> NativeFunction = { fromRight in
            { interpreter, this, arguments, _ in
                let target = try interpreter.arrayThis(this)
                var elements = target.elements
                if fromRight { elements.reverse() }
                guard case .object(let callback) = arguments[argument: 0], callback.function != nil else {
                    throw interpreter.throwError("TypeError", "\(interpreter.display(arguments[argument: 0])) is not a function")
                }
                var index = 0
                var accumulator: JSValue
                if arguments.count > 1 {
                    accumulator = arguments[1]
                } else {
                    guard !elements.isEmpty else { throw interpreter.throwError("TypeError", "Reduce of empty array with no initial value") }
                    accumulator = elements[0]
                    index = 1
                }
                while index < elements.count {
                    let position = fromRight ? elements.count - 1 - index : index
                    accumulator = try interpreter.call(callback, this: .undefined,
                                                       arguments: [accumulator, elements[index], .number(Double(position)), this], newTarget: nil)
                    index += 1
                }
                return accumulator
            }
        }
        defineMethod(p, "reduce", length: 1, reduce(false))
        defineMethod(p, "reduceRight", length: 1, reduce(true))
        defineMethod(p, "sort", length: 1) { interpreter, this, arguments, _ in
            let target = try interpreter.arrayThis(this)
            let comparator = arguments[argument: 0].asObject
            try target.mutateElements { elements in
                var defined = elements.filter { if case .undefined = $0 { return false }; return true }
                let undefinedCount = elements.count - defined.count
                if let comparator, comparator.function != nil {
                    try defined.sort { a, b in
                        try interpreter.toNumber(try interpreter.call(comparator, this: .undefined, arguments: [a, b], newTarget: nil)) < 0
                    }
                } else {
                    let keyed = try defined.map { (try interpreter.toString($0), $0) }
                    defined = keyed.sorted { $0.0.utf16.lexicographicallyPrecedes($1.0.utf16) }.map { $0.1 }
                }
                elements = defined + Array(repeating: .undefined, count: undefinedCount)
            }
            return this
        }
        defineMethod(p, "fill", length: 1) { interpreter, this, arguments, _ in
            let target = try interpreter.arrayThis(this)
            let (start, end) = try interpreter.sliceBounds(Array(arguments.dropFirst()), count: target.elements.count)
            target.mutateElements { elements in
                for index in start..<max(start, end) { elements[index] = arguments[argument: 0] }
            }
            return this
        }
        defineMethod(p, "keys") { interpreter, this, _, _ in
            .object(interpreter.newArray(try interpreter.arrayThis(this).elements.indices.map { .number(Double($0)) }))
        }
        defineMethod(p, "entries") { interpreter, this, _, _ in
            .object(interpreter.newArray(try interpreter.arrayThis(this).elements.enumerated().map {
                .object(interpreter.newArray([.number(Double($0.offset)), $0.element]))
            }))
        }
    }

    func arrayThis(_ this: JSValue) throws -> JSObject {
        guard case .object(let object) = this else {
            throw throwError("TypeError", "Array.prototype method called on null or undefined")
        }
        if !object.isArray, object.className != "Arguments" {
            // Generic array-likes are copied in as a real array view.
            if case .number(let length) = try getProperty(this, "length") {
                let items = try (0..<max(0, min(length.safeInteger, 10_000_000))).map { try getProperty(this, String($0)) }
                return newArray(items)
            }
            return newArray([])
        }
        return object
    }

    /// Calls `callback(element, index, array)` for each element until `body` returns false.
    func eachElement(_ this: JSValue, _ arguments: [JSValue], _ body: (JSValue, JSValue) throws -> Bool) throws {
        let target = try arrayThis(this)
        guard case .object(let callback) = arguments[argument: 0], callback.function != nil else {
            throw throwError("TypeError", "\(display(arguments[argument: 0])) is not a function")
        }
        let thisArgument = arguments[argument: 1]
        var index = 0
        while index < target.elements.count {
            let element = target.elements[index]
            let result = try call(callback, this: thisArgument, arguments: [element, .number(Double(index)), this], newTarget: nil)
            if !(try body(element, result)) { return }
            index += 1
        }
    }

    func join(_ elements: [JSValue], _ separator: String) throws -> String {
        var result = ""
        for (index, element) in elements.enumerated() {
            if index > 0 { result += separator }
            if !element.isNullish { result += try toString(element) }
        }
        return result
    }

    func relativeIndex(_ value: JSValue, count: Int, defaultValue: Int) throws -> Int {
        if case .undefined = value { return defaultValue }
        let number = Interpreter.toIntegerOrInfinity(try toNumber(value))
        if number < 0 { return max(0, count + Int(number.clamped)) }
        return min(count, Int(number.clamped))
    }

    func sliceBounds(_ arguments: [JSValue], count: Int) throws -> (Int, Int) {
        let start = try relativeIndex(arguments[argument: 0], count: count, defaultValue: 0)
        let end = try relativeIndex(arguments[argument: 1], count: count, defaultValue: count)
        return (start, end)
    }
}

extension Double {
    /// Clamped into a safe Int range for index arithmetic (NaN becomes 0).
    var clamped: Double { isNaN ? 0 : Swift.max(-1e15, Swift.min(1e15, self)) }

    /// A safe integer: NaN is 0, the rest truncated and clamped to ±1e15.
    var safeInteger: Int { Int(clamped.rounded(.towardZero)) }
}
