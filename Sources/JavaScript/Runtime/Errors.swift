/// A JavaScript exception travelling through Swift code.
/// (@unchecked: errors must be Sendable, but it never leaves the loop's thread.)
public struct JSThrow: Error, @unchecked Sendable {
    public var value: JSValue
    /// Where the throw happened (file, position), for node's uncaught-exception banner.
    var fileName: String?
    var position: SourcePosition?
}

/// Ends a script run for reasons outside the language: `process.exit`, or the step budget.
public enum ScriptAbort: Error, Equatable {
    case exit(Int32)
    case budgetExceeded(steps: Int)
}

/// One entry of the interpreter's call stack, for `Error.stack`.
struct Frame {
    var name: String
    var fileName: String
    var position: SourcePosition
}

extension Interpreter {
    /// Makes an error object of a built-in class (`TypeError`, …) with a stack captured here.
    func makeError(_ type: String, _ message: String, at position: SourcePosition? = nil) -> JSValue {
        let prototype = errorPrototypes[type] ?? errorPrototypes["Error"]
        let error = JSObject(prototype: prototype, kind: .error, className: type)
        error.setHidden("message", .string(message))
        error.setHidden("stack", .string(captureStack(header: message.isEmpty ? type : "\(type): \(message)", at: position)))
        return .object(error)
    }

    func throwError(_ type: String, _ message: String, at position: SourcePosition? = nil) -> JSThrow {
        JSThrow(value: makeError(type, message, at: position), fileName: frames.last?.fileName, position: position ?? frames.last?.position)
    }

    func captureStack(header: String, at position: SourcePosition?) -> String {
        var lines = [header]
        var index = frames.count - 1
        var first = true
        while index >= 0 && lines.count <= 10 {
            let frame = frames[index]
            let where_ = first ? (position ?? frame.position) : frame.position
            let location = "\(frame.fileName):\(where_.line):\(where_.column + 1)"
            if frame.name.isEmpty {
                lines.append("    at \(location)")
            } else {
                lines.append("    at \(frame.name) (\(location))")
            }
            first = false
            index -= 1
        }
        for hostFrame in hostFrames where lines.count <= 10 {
            lines.append("    at \(hostFrame)")
        }
        return lines.joined(separator: "\n")
    }
}
