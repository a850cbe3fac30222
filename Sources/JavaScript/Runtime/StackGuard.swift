#if canImport(Glibc)
import Glibc

// glibc has it; the Glibc module does not export it (it needs _GNU_SOURCE).
@_silgen_name("pthread_getattr_np")
private func threadAttributes(_ thread: pthread_t, _ attributes: UnsafeMutablePointer<pthread_attr_t>) -> Int32
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps a script's recursion within the machine stack of the thread running it, so runaway
/// recursion becomes a RangeError instead of crashing the host.
struct StackGuard {
    /// Stack kept free below the deepest script frame, for the host and the error path.
    static let reserve: UInt = 192 * 1024
    /// Used when the thread's stack bounds cannot be read: what a script may use below entry.
    static let fallbackBudget: UInt = 360 * 1024

    private var limit: UInt = 0
    private var thread: pthread_t?
    private(set) var deepest: UInt = 0
    private var entry: UInt = 0

    private static func currentAddress() -> UInt {
        var marker: UInt8 = 0
        return withUnsafePointer(to: &marker) { UInt(bitPattern: $0) }
    }

    /// Called when the host enters the interpreter: finds this thread's stack limit.
    mutating func enter() {
        let here = StackGuard.currentAddress()
        entry = here
        let current = pthread_self()
        if let thread, pthread_equal(thread, current) != 0, limit != 0 { return }
        thread = current
        if let low = StackGuard.lowestAddress(of: current), low < here, here - low > 2 * StackGuard.reserve {
            limit = low + StackGuard.reserve
        } else {
            limit = here > StackGuard.fallbackBudget ? here - StackGuard.fallbackBudget : 0
        }
    }

    mutating func hasRoom() -> Bool {
        let here = StackGuard.currentAddress()
        if here < entry { deepest = max(deepest, entry - here) }
        return here > limit
    }

    private static func lowestAddress(of thread: pthread_t) -> UInt? {
        #if canImport(Glibc)
        var attributes = pthread_attr_t()
        guard threadAttributes(thread, &attributes) == 0 else { return nil }
        defer { pthread_attr_destroy(&attributes) }
        var base: UnsafeMutableRawPointer?
        var size = 0
        guard pthread_attr_getstack(&attributes, &base, &size) == 0, let base else { return nil }
        return UInt(bitPattern: base)
        #elseif canImport(Darwin)
        let top = UInt(bitPattern: pthread_get_stackaddr_np(thread))
        return top - UInt(pthread_get_stacksize_np(thread))
        #else
        return nil
        #endif
    }
}
