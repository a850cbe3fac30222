#if canImport(Glibc)
import Glibc

// glibc has it; the Glibc module does not export it (it needs _GNU_SOURCE).
@_silgen_name("pthread_getattr_np")
private func threadAttributes(_ thread: pthread_t, _ attributes: UnsafeMutablePointer<pthread_attr_t>) -> Int32
#elseif canImport(Darwin)
import Darwin
#endif

/// How much stack the current thread has left, measured against that thread's real stack: every
/// recursive parser and evaluator asks before going one level deeper, and ends in its tool's
/// error ("expression recursion level exceeded", "Maximum call stack size exceeded") instead of
/// overflowing the stack, however deep the input nests and whichever thread runs it.
public enum ThreadStack {
    /// What is kept free below the deepest check: enough for the frames between two checks of
    /// the deepest recursion (debug builds' frames are large) and for reporting the error.
    public static let reserve = 384 * 1024

    /// Whether the current thread's stack has more than `reserve` bytes left.
    public static var hasRoom: Bool {
        var marker: UInt8 = 0
        let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        let lowest = lowestAddress()
        return lowest == 0 || here > lowest &+ UInt(reserve)
    }

    /// The lowest usable address of the current thread's stack (0: unknown), looked up once per
    /// thread: finding the main thread's stack reads `/proc/self/maps`.
    private static func lowestAddress() -> UInt {
        let key = cacheKey.key
        if let cached = pthread_getspecific(key) { return UInt(bitPattern: cached) }
        let lowest = measureLowestAddress()
        // 1 stands for "unknown", so that a failed measurement is not repeated.
        pthread_setspecific(key, UnsafeRawPointer(bitPattern: lowest == 0 ? 1 : lowest))
        return lowest
    }

    private static func measureLowestAddress() -> UInt {
        #if canImport(Glibc)
        var attributes = pthread_attr_t()
        guard threadAttributes(pthread_self(), &attributes) == 0 else { return 0 }
        defer { pthread_attr_destroy(&attributes) }
        var base: UnsafeMutableRawPointer?
        var size = 0
        guard pthread_attr_getstack(&attributes, &base, &size) == 0, let base else { return 0 }
        var guardSize = 0
        pthread_attr_getguardsize(&attributes, &guardSize)
        return UInt(bitPattern: base) &+ UInt(guardSize)
        #else
        let top = UInt(bitPattern: pthread_get_stackaddr_np(pthread_self()))
        return top &- UInt(pthread_get_stacksize_np(pthread_self()))
        #endif
    }

    private final class CacheKey: Sendable {
        let key: pthread_key_t
        init() {
            var key = pthread_key_t()
            pthread_key_create(&key, nil)
            self.key = key
        }
    }

    private static let cacheKey = CacheKey()
}
