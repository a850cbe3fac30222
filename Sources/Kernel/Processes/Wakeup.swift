/// One suspension of a simulated task, woken by whatever it waits for — or by the kill of the
/// process it belongs to, in which case `wait()` throws `ProcessTerminated`.
public final class Wakeup {
    private var continuation: CheckedContinuation<Void, Never>?
    private var woken = false

    public init() {}

    /// Suspends until `wake()`; throws when the current process is terminated meanwhile.
    public func wait() async throws {
        let process = SimulatedProcess.current
        if let status = process?.terminationStatus { throw ProcessTerminated(status: status) }
        if !woken {
            process?.waiting.append(self)
            await withCheckedContinuation { continuation in
                if woken { continuation.resume() } else { self.continuation = continuation }
            }
            process?.waiting.removeAll { $0 === self }
        }
        if let status = process?.terminationStatus { throw ProcessTerminated(status: status) }
    }

    /// Resumes the waiting task (soon, on the loop); later calls do nothing.
    public func wake() {
        guard !woken else { return }
        woken = true
        continuation?.resume()
        continuation = nil
    }
}
