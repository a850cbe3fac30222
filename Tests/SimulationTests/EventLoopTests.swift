import Testing
@testable import Simulation

@Suite struct EventLoopTests {
    @Test func timersRunInDeadlineOrderThenSchedulingOrder() {
        let loop = EventLoop(seed: 1)
        var log: [String] = []
        loop.schedule(after: .seconds(2)) { log.append("b") }
        loop.schedule(after: .seconds(1)) { log.append("a") }
        loop.schedule(after: .seconds(2)) { log.append("c") }
        loop.execute { log.append("now") }
        loop.advance(by: .seconds(1))
        #expect(log == ["now", "a"])
        loop.advance(by: .seconds(5))
        #expect(log == ["now", "a", "b", "c"])
        #expect(loop.now == .worldEpoch + .seconds(6))
    }

    @Test func cancelledTimersNeverRun() {
        let loop = EventLoop(seed: 1)
        var ran = false
        let timer = loop.schedule(after: .seconds(1)) { ran = true }
        loop.cancel(timer)
        loop.advance(by: .seconds(2))
        #expect(!ran)
        #expect(loop.nextDeadline == nil)
    }

    @Test func timersScheduledDuringAdvanceRunAtTheirOwnTime() {
        let loop = EventLoop(seed: 1)
        var times: [Int64] = []
        func tick() {
            times.append((loop.now - .worldEpoch).nanoseconds / 1_000_000_000)
            if times.count < 4 { loop.schedule(after: .seconds(3), tick) }
        }
        loop.schedule(after: .seconds(3), tick)
        loop.advance(by: .seconds(10))
        #expect(times == [3, 6, 9])
        loop.advance(by: .seconds(10))
        #expect(times == [3, 6, 9, 12])
    }

    @Test func tasksSleepOnVirtualTimeInterleaved() {
        let loop = EventLoop(seed: 1)
        let log = Log()
        for (name, period) in [("a", 10), ("b", 7)] {
            loop.spawn {
                for _ in 0..<3 {
                    await loop.sleep(for: .seconds(period))
                    log.lines.append("\(name)@\((loop.now - .worldEpoch).nanoseconds / 1_000_000_000)")
                }
            }
        }
        loop.advance(by: .seconds(60))
        #expect(log.lines == ["b@7", "a@10", "b@14", "a@20", "b@21", "a@30"])
    }

    @Test func runUntilStopsAtConditionOrLimit() {
        let loop = EventLoop(seed: 1)
        var count = 0
        func tick() { count += 1; loop.schedule(after: .seconds(1), tick) }
        loop.schedule(after: .seconds(1), tick)
        #expect(loop.run(until: { count == 5 }, limit: loop.now + .seconds(100)))
        #expect(loop.now == .worldEpoch + .seconds(5))
        #expect(!loop.run(until: { count == 1000 }, limit: loop.now + .seconds(10)))
        #expect(count == 15)
    }

    final class Log: @unchecked Sendable { var lines: [String] = [] }
}

@Suite struct SeededRandomTests {
    @Test func sameSeedSameSequence() {
        var first = SeededRandom(seed: 42)
        var second = SeededRandom(seed: 42)
        #expect((0..<100).map { _ in first.next() } == (0..<100).map { _ in second.next() })
        var third = SeededRandom(seed: 43)
        #expect(first.next() != third.next())
    }

    @Test func hexStringsHaveTheRequestedLength() {
        var random = SeededRandom(seed: 7)
        let hex = random.hexString(count: 12)
        #expect(hex.count == 12)
        #expect(hex.allSatisfy { "0123456789abcdef".contains($0) })
    }

    @Test func stateRoundTripsThroughCodable() throws {
        var random = SeededRandom(seed: 9)
        _ = random.next()
        let data = try JSONEncoder().encode(random)
        var restored = try JSONDecoder().decode(SeededRandom.self, from: data)
        #expect(restored.next() == random.next())
    }
}

import Foundation

/// Time saturates at the end of `Int64` nanoseconds instead of overflowing.
@Suite struct SaturatingTimeTests {
    @Test func instantsAndDurationsSaturate() {
        let now = VirtualInstant.worldEpoch
        #expect(now + .seconds(9_223_372_036) == .distantFuture)
        #expect(now + .seconds(Int64.max) == .distantFuture)
        #expect(VirtualInstant.distantFuture + .seconds(1) == .distantFuture)
        #expect((VirtualInstant(nanosecondsSinceEpoch: .min + 5) - .seconds(1)).nanosecondsSinceEpoch == .min)
        #expect(VirtualInstant.distantFuture - VirtualInstant(nanosecondsSinceEpoch: .min) == .nanoseconds(Int64.max))
        #expect(VirtualInstant(secondsSinceEpoch: .max) == .distantFuture)
    }

    @Test func theEndOfTimeNeverComes() {
        let loop = EventLoop(seed: 1)
        var fired = 0
        _ = loop.schedule(after: .seconds(10)) { fired += 1 }
        _ = loop.schedule(after: .seconds(Int64.max)) { fired += 100 }
        loop.advance(by: .seconds(9_223_372_036))
        #expect(loop.now == .distantFuture)
        #expect(fired == 1)
        // A timer rescheduling itself there cannot spin.
        func again() { _ = loop.schedule(after: .seconds(5)) { fired += 1; again() } }
        again()
        loop.advance(by: .seconds(5))
        #expect(fired == 1)
    }
}
