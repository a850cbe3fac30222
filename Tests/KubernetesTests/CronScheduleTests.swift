import Foundation
import Testing
import Simulation
@testable import KubernetesAPI

/// The cron schedules of batch/v1beta1 CronJobs, parsed and evaluated as robfig/cron's
/// `ParseStandard` and `SpecSchedule.Next` do in Kubernetes 1.8 (their messages and results).
@Suite struct CronScheduleTests {
    /// 2018-03-06 09:00:00 UTC, a Tuesday.
    static let start: Int64 = 1_520_326_800

    static func seconds(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int = 0) -> Int64 {
        CivilTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second).secondsSinceEpoch
    }

    /// (schedule, after, the next activation) — lists, ranges, steps, names and descriptors.
    static let nextCases: [(String, Int64, Int64)] = [
        ("0,15,30,45 * * * *", start, seconds(2018, 3, 6, 9, 15)),
        ("0,15,30,45 * * * *", start - 1, start),
        ("0,15,30,45 * * * *", seconds(2018, 3, 6, 9, 14, 59), seconds(2018, 3, 6, 9, 15)),
        ("* * * * *", seconds(2018, 3, 6, 9, 0, 30), seconds(2018, 3, 6, 9, 1)),
        ("*/5 * * * *", seconds(2018, 3, 6, 9, 7), seconds(2018, 3, 6, 9, 10)),
        ("10-20/5 * * * *", seconds(2018, 3, 6, 9, 16), seconds(2018, 3, 6, 9, 20)),
        ("10-20/5 * * * *", seconds(2018, 3, 6, 9, 21), seconds(2018, 3, 6, 10, 10)),
        ("7/20 * * * *", seconds(2018, 3, 6, 9, 28), seconds(2018, 3, 6, 9, 47)),
        ("30 2 * * *", start, seconds(2018, 3, 7, 2, 30)),
        ("0 0 1 * *", start, seconds(2018, 4, 1, 0, 0)),
        ("0 0 * * sun", start, seconds(2018, 3, 11, 0, 0)),
        ("0 0 * * MON-wed", seconds(2018, 3, 7, 0, 0), seconds(2018, 3, 12, 0, 0)),
        ("0 12 * jan,Jul *", start, seconds(2018, 7, 1, 12, 0)),
        // Both day fields restricted: either may match.
        ("0 0 13 * 5", start, seconds(2018, 3, 9, 0, 0)),
        // A `*` in one day field: both must match (the 13th that is a Friday).
        ("0 0 13 * *", start, seconds(2018, 3, 13, 0, 0)),
        ("0 0 29 2 *", start, seconds(2020, 2, 29, 0, 0)),
        ("0 0 ? * 1", start, seconds(2018, 3, 12, 0, 0)),
        ("0 0 31 * *", seconds(2018, 4, 1, 0, 0), seconds(2018, 5, 31, 0, 0)),
        ("59 23 31 12 *", start, seconds(2018, 12, 31, 23, 59)),
        ("@hourly", start, seconds(2018, 3, 6, 10, 0)),
        ("@daily", start, seconds(2018, 3, 7, 0, 0)),
        ("@midnight", start, seconds(2018, 3, 7, 0, 0)),
        ("@weekly", start, seconds(2018, 3, 11, 0, 0)),
        ("@monthly", start, seconds(2018, 4, 1, 0, 0)),
        ("@yearly", start, seconds(2019, 1, 1, 0, 0)),
        ("@annually", start, seconds(2019, 1, 1, 0, 0)),
        ("@every 90s", start, start + 90),
        ("@every 1h30m", start, start + 5_400),
        ("@every 100ms", start, start + 1),
        ("  5   *  * * *  ", start, seconds(2018, 3, 6, 9, 5)),
    ]

    @Test func nextActivations() throws {
        for (text, after, expected) in Self.nextCases {
            let schedule = try CronSchedule(parsing: text)
            #expect(schedule.next(after: after) == expected, "\(text)")
        }
    }

    @Test func aScheduleThatNeverFiresHasNoNextTime() throws {
        #expect(try CronSchedule(parsing: "0 0 30 2 *").next(after: Self.start) == nil)
        #expect(try CronSchedule(parsing: "0 0 31 4,6 *").next(after: Self.start) == nil)
    }

    /// (schedule, robfig/cron's error).
    static let errorCases: [(String, String)] = [
        ("* * * *", "Expected exactly 5 fields, found 4: * * * *"),
        ("* * * * * *", "Expected exactly 5 fields, found 6: * * * * * *"),
        ("60 * * * *", "End of range (60) above maximum (59): 60"),
        ("* 24 * * *", "End of range (24) above maximum (23): 24"),
        ("* * 0 * *", "Beginning of range (0) below minimum (1): 0"),
        ("* * * 13 *", "End of range (13) above maximum (12): 13"),
        ("* * * * 7", "End of range (7) above maximum (6): 7"),
        ("5-1 * * * *", "Beginning of range (5) beyond end of range (1): 5-1"),
        ("1-2-3 * * * *", "Too many hyphens: 1-2-3"),
        ("*/2/3 * * * *", "Too many slashes: */2/3"),
        ("a * * * *", "Failed to parse int from a: strconv.Atoi: parsing \"a\": invalid syntax"),
        ("-1 * * * *", "Failed to parse int from : strconv.Atoi: parsing \"\": invalid syntax"),
        ("99999999999999999999 * * * *", "Failed to parse int from 99999999999999999999: strconv.Atoi: parsing \"99999999999999999999\": value out of range"),
        ("*/0 * * * *", "Step of range should be a positive number: */0"),
        ("* * * foo *", "Failed to parse int from foo: strconv.Atoi: parsing \"foo\": invalid syntax"),
        ("@often", "Unrecognized descriptor: @often"),
        ("@every", "Unrecognized descriptor: @every"),
        ("@every x", "Failed to parse duration @every x: time: invalid duration x"),
    ]

    @Test func malformedSchedulesGiveRobfigsErrors() {
        for (text, message) in Self.errorCases {
            #expect(throws: CronScheduleError(message), "\(text)") { try CronSchedule(parsing: text) }
        }
    }

    /// Every minute of a window, matched field by field: what `next` must agree with.
    static func bruteForceNext(_ fields: [String], after: Int64, window: Int64) -> Int64? {
        func matches(_ text: String, _ value: Int, _ bounds: CronSchedule.Bounds) -> Bool? {
            guard let bits = try? CronSchedule.field(text, bounds) else { return nil }
            return bits & (1 << UInt64(value)) != 0
        }
        var minute = (after / 60 + 1) * 60
        while minute <= after + window {
            let time = CivilTime(secondsSinceEpoch: minute)
            guard let m = matches(fields[0], time.minute, .minutes), let h = matches(fields[1], time.hour, .hours),
                  let mo = matches(fields[3], time.month, .months),
                  let dom = matches(fields[2], time.day, .daysOfMonth), let dow = matches(fields[4], time.weekday, .daysOfWeek) else { return nil }
            let starred = { (text: String, bounds: CronSchedule.Bounds) in ((try? CronSchedule.field(text, bounds)) ?? 0) & CronSchedule.starBit != 0 }
            let star = starred(fields[2], .daysOfMonth) || starred(fields[4], .daysOfWeek)
            let day = star ? dom && dow : dom || dow
            if m && h && mo && day { return minute }
            minute += 60
        }
        return nil
    }

    static let corpus = ["0,15,30,45 * * * *", "*/5 1-3 * * mon-fri", "30 2 1,15 jan-jun *", "@hourly", "@every 1h", "0 0 13 * 5", "7/20 */2 ? * *"]
    static let fragments = ["*", "/", "-", ",", " ", "?", "0", "59", "60", "7", "jan", "SUN", "@", "x", "\t", "99999999999999999999", "-1", "//", "--"]

    /// Mutated schedules parse or fail with a message, never crash; those that parse agree
    /// with a minute-by-minute search wherever it finds an activation within eight days.
    @Test(arguments: 0..<3)
    func mutatedSchedulesParseOrFailAndAgreeWithABruteForceSearch(seed: UInt64) {
        var fuzzer = MutationFuzzer(seed: 7_100 + seed, corpus: Self.corpus, fragments: Self.fragments)
        let count = MutationFuzzer.iterations(standard: 120, environment: ProcessInfo.processInfo.environment)
        for _ in 0..<count {
            let text = fuzzer.next()
            guard let schedule = try? CronSchedule(parsing: text) else { continue }
            let next = schedule.next(after: Self.start)
            if let next { #expect(next > Self.start, "\(text)") }
            let fields = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard !text.hasPrefix("@"), fields.count == 5,
                  let expected = Self.bruteForceNext(fields, after: Self.start, window: 8 * 86_400) else { continue }
            #expect(next == expected, "\(text)")
        }
    }

    @Test func overlongSchedulesAreRefusedWithoutWork() {
        let text = String(repeating: "1,", count: 5_000) + "1 * * * *"
        #expect(throws: CronScheduleError.self) { try CronSchedule(parsing: text) }
    }
}
