/// A promise's state and the reactions waiting for it to settle.
final class PromiseState {
    enum Status { case pending, fulfilled, rejected }
    var status = Status.pending
    var result = JSValue.undefined
    var reactions: [(onFulfilled: JSValue, onRejected: JSValue, derived: JSObject)] = []
    var isHandled = false
}

extension Interpreter {
    func installPromise() {
        let prototype = JSObject(prototype: objectPrototype, className: "Promise")
        prototype.hiddenKeys = []
        promisePrototype = prototype
        let constructor = defineConstructor("Promise", prototype: prototype) { interpreter, _, arguments, isConstruct in
            guard isConstruct else { throw interpreter.throwError("TypeError", "undefined is not a promise") }
            guard case .object(let executor) = arguments[argument: 0], executor.function != nil else {
                throw interpreter.throwError("TypeError", "Promise resolver \(interpreter.display(arguments[argument: 0])) is not a function")
            }
            let promise = interpreter.newPromise()
            let (resolve, reject) = interpreter.resolvingFunctions(promise)
            do {
                _ = try interpreter.call(executor, this: .undefined, arguments: [.object(resolve), .object(reject)], newTarget: nil)
            } catch let thrown as JSThrow {
                interpreter.rejectPromise(promise, thrown.value)
            }
            return .object(promise)
        }
        defineMethod(prototype, "then", length: 2) { interpreter, this, arguments, _ in
            guard case .object(let promise) = this, let state = promise.promiseState else {
                throw interpreter.throwError("TypeError", "Method Promise.prototype.then called on incompatible receiver")
            }
            return .object(interpreter.then(promise, state, arguments[argument: 0], arguments[argument: 1]))
        }
        defineMethod(prototype, "catch", length: 1) { interpreter, this, arguments, _ in
            try interpreter.call(try interpreter.getProperty(this, "then"), this: this, arguments: [.undefined, arguments[argument: 0]])
        }
        defineMethod(constructor, "resolve", length: 1) { interpreter, _, arguments, _ in
            if case .object(let object) = arguments[argument: 0], object.promiseState != nil { return arguments[0] }
            let promise = interpreter.newPromise()
            interpreter.resolvePromise(promise, arguments[argument: 0])
            return .object(promise)
        }
        defineMethod(constructor, "reject", length: 1) { interpreter, _, arguments, _ in
            let promise = interpreter.newPromise()
            interpreter.rejectPromise(promise, arguments[argument: 0])
            return .object(promise)
        }
        defineMethod(constructor, "all", length: 1) { interpreter, _, arguments, _ in
            let items = try interpreter.iterate(arguments[argument: 0])
            let result = interpreter.newPromise()
            var values = [JSValue](repeating: .undefined, count: items.count)
            var remaining = items.count
            if items.isEmpty { interpreter.resolvePromise(result, .object(interpreter.newArray([]))) }
            for (index, item) in items.enumerated() {
                let promise = interpreter.promiseFor(item)
                let onFulfilled = interpreter.makeFunction("") { interpreter, _, arguments, _ in
                    values[index] = arguments[argument: 0]
                    remaining -= 1
                    if remaining == 0 { interpreter.resolvePromise(result, .object(interpreter.newArray(values))) }
                    return .undefined
                }
                let onRejected = interpreter.makeFunction("") { interpreter, _, arguments, _ in
                    interpreter.rejectPromise(result, arguments[argument: 0])
                    return .undefined
                }
                if let state = promise.promiseState { _ = interpreter.then(promise, state, .object(onFulfilled), .object(onRejected)) }
            }
            return .object(result)
        }
        defineMethod(constructor, "race", length: 1) { interpreter, _, arguments, _ in
            let result = interpreter.newPromise()
            let (resolve, reject) = interpreter.resolvingFunctions(result)
            for item in try interpreter.iterate(arguments[argument: 0]) {
                let promise = interpreter.promiseFor(item)
                if let state = promise.promiseState { _ = interpreter.then(promise, state, .object(resolve), .object(reject)) }
            }
            return .object(result)
        }
    }

    func newPromise() -> JSObject {
        JSObject(prototype: promisePrototype, kind: .host(PromiseState()), className: "Promise")
    }

    private func promiseFor(_ value: JSValue) -> JSObject {
        if case .object(let object) = value, object.promiseState != nil { return object }
        let promise = newPromise()
        resolvePromise(promise, value)
        return promise
    }

    /// The `resolve` and `reject` functions handed to an executor: only the first call counts.
    private func resolvingFunctions(_ promise: JSObject) -> (JSObject, JSObject) {
        final class Once { var done = false }
        let once = Once()
        let resolve = makeFunction("", length: 1) { interpreter, _, arguments, _ in
            guard !once.done else { return .undefined }
            once.done = true
            interpreter.resolvePromise(promise, arguments[argument: 0])
            return .undefined
        }
        let reject = makeFunction("", length: 1) { interpreter, _, arguments, _ in
            guard !once.done else { return .undefined }
            once.done = true
            interpreter.rejectPromise(promise, arguments[argument: 0])
            return .undefined
        }
        return (resolve, reject)
    }

    func resolvePromise(_ promise: JSObject, _ value: JSValue) {
        if case .object(let object) = value {
            if object === promise {
                rejectPromise(promise, makeError("TypeError", "Chaining cycle detected for promise #<Promise>"))
                return
            }
            let then: JSValue
            do {
                then = try getProperty(value, "then")
            } catch let thrown as JSThrow {
                rejectPromise(promise, thrown.value)
                return
            } catch {
                return
            }
            if case .object(let function) = then, function.function != nil {
                // A thenable: adopt its state in a later job.
                pendingJobs.append { [unowned self] in
                    let (resolve, reject) = self.resolvingFunctions(promise)
                    do {
                        _ = try self.call(function, this: value, arguments: [.object(resolve), .object(reject)], newTarget: nil)
                    } catch let thrown as JSThrow {
                        _ = try self.call(reject, this: .undefined, arguments: [thrown.value], newTarget: nil)
                    }
                }
                return
            }
        }
        settle(promise, .fulfilled, value)
    }

    func rejectPromise(_ promise: JSObject, _ reason: JSValue) {
        settle(promise, .rejected, reason)
    }

    private func settle(_ promise: JSObject, _ status: PromiseState.Status, _ value: JSValue) {
        guard let state = promise.promiseState, state.status == .pending else { return }
        state.status = status
        state.result = value
        let reactions = state.reactions
        state.reactions.removeAll()
        for reaction in reactions { queueReaction(state, reaction.onFulfilled, reaction.onRejected, reaction.derived) }
        if status == .rejected && !state.isHandled { possiblyUnhandled.append(promise) }
    }

    func then(_ promise: JSObject, _ state: PromiseState, _ onFulfilled: JSValue, _ onRejected: JSValue) -> JSObject {
        let derived = newPromise()
        state.isHandled = true
        if state.status == .pending {
            state.reactions.append((onFulfilled, onRejected, derived))
        } else {
            queueReaction(state, onFulfilled, onRejected, derived)
        }
        return derived
    }

    private func queueReaction(_ state: PromiseState, _ onFulfilled: JSValue, _ onRejected: JSValue, _ derived: JSObject) {
        pendingJobs.append { [unowned self] in
            let handler = state.status == .fulfilled ? onFulfilled : onRejected
            guard case .object(let function) = handler, function.function != nil else {
                if state.status == .fulfilled { self.resolvePromise(derived, state.result) } else { self.rejectPromise(derived, state.result) }
                return
            }
            do {
                self.resolvePromise(derived, try self.call(function, this: .undefined, arguments: [state.result], newTarget: nil))
            } catch let thrown as JSThrow {
                self.rejectPromise(derived, thrown.value)
            }
        }
    }

    /// Runs promise jobs until none are left (the host calls this after each callback).
    public func runPendingJobs() throws {
        while !pendingJobs.isEmpty {
            let jobs = pendingJobs
            pendingJobs.removeAll()
            for job in jobs { try job() }
        }
    }

    /// Rejected promises that still have no handler, each reported once.
    func takeUnhandledRejections() -> [JSValue] {
        let candidates = possiblyUnhandled
        possiblyUnhandled.removeAll()
        return candidates.compactMap { promise in
            guard let state = promise.promiseState, !state.isHandled else { return nil }
            return state.result
        }
    }
}

extension JSObject {
    var promiseState: PromiseState? {
        if case .host(let host) = kind { return host as? PromiseState }
        return nil
    }
}
