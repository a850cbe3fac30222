import Foundation

/// Runs work on a thread of its own with a small stack and waits for it: tests of depth limits
/// use it to show the limits follow the real stack of whatever thread runs them, and to reach
/// them with small inputs.
public enum SmallStack {
    public static func run<Result>(stackSize: Int = 1 << 20, _ body: @escaping () -> Result) -> Result {
        let box = SmallStackBox<Result>()
        box.body = body
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.result = box.body?()
            done.signal()
        }
        thread.stackSize = stackSize
        thread.start()
        done.wait()
        guard let result = box.result else { preconditionFailure("the thread ran nothing") }
        return result
    }
}

private final class SmallStackBox<Result>: @unchecked Sendable {
    var body: (() -> Result)?
    var result: Result?
}
