import Testing
@testable import REPL

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sends SIGINT to the whole process (test threads may block it, so `raise` is not
/// enough) and waits up to two seconds for the handler to run on some thread.
private func interruptProcess() -> Bool {
    kill(getpid(), SIGINT)
    for _ in 0..<200 {
        if InterruptFlag.isSet { return true }
        usleep(10_000)
    }
    return false
}

@Suite(.serialized)
struct InterruptFlagTests {
    @Test func sigintSetsTheFlagUntilConsumed() {
        InterruptFlag.installSignalHandler()
        #expect(!InterruptFlag.isSet)
        #expect(interruptProcess())
        #expect(InterruptFlag.consume())
        #expect(!InterruptFlag.consume())
    }

    @Test func resetForgetsAnEarlierInterrupt() {
        InterruptFlag.installSignalHandler()
        #expect(interruptProcess())
        InterruptFlag.reset()
        #expect(!InterruptFlag.consume())
    }
}
