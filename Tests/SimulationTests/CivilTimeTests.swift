import Testing
@testable import Simulation

/// The civil calendar against Go's `time` package: the tables are `utctests` and `yearDayTests`
/// of Go's `src/time/time_test.go`, and `TestFormatShortYear` of `format_test.go`.
@Suite struct CivilTimeTests {
    /// `Unix(seconds, 0).UTC()`: date, clock and weekday (0 = Sunday).
    @Test(arguments: [
        (Int64(0), 1970, 1, 1, 0, 0, 0, 4),
        (1_221_681_866, 2008, 9, 17, 20, 4, 26, 3),
        (-1_221_681_866, 1931, 4, 16, 3, 55, 34, 4),
        (-11_644_473_600, 1601, 1, 1, 0, 0, 0, 1),
        (599_529_660, 1988, 12, 31, 0, 1, 0, 6),
        (978_220_860, 2000, 12, 31, 0, 1, 0, 0),
        // 1970 and just before it, the year boundary, leap days and the book's era.
        (-1, 1969, 12, 31, 23, 59, 59, 3),
        (-86_400, 1969, 12, 31, 0, 0, 0, 3),
        (951_782_400, 2000, 2, 29, 0, 0, 0, 2),
        (4_107_542_400, 2100, 3, 1, 0, 0, 0, 1),
        (-62_135_596_800, 1, 1, 1, 0, 0, 0, 1),
        (1_520_326_800, 2018, 3, 6, 9, 0, 0, 2),
    ] as [(Int64, Int, Int, Int, Int, Int, Int, Int)])
    func secondsToUTC(_ row: (Int64, Int, Int, Int, Int, Int, Int, Int)) {
        let (seconds, year, month, day, hour, minute, second, weekday) = row
        let time = CivilTime(secondsSinceEpoch: seconds)
        #expect(time == CivilTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second))
        #expect(time.weekday == weekday)
        #expect(time.secondsSinceEpoch == seconds)
    }

    /// Go's `YearDay`: non-leap, leap, a year that looks leap (1900), years 1, −1 and −400.
    @Test(arguments: [
        (2007, 1, 1, 1), (2007, 2, 15, 46), (2007, 3, 1, 60), (2007, 12, 31, 365),
        (2008, 1, 15, 15), (2008, 3, 1, 61), (2008, 4, 1, 92), (2008, 12, 31, 366),
        (1900, 3, 1, 60), (1900, 12, 31, 365),
        (1, 3, 1, 60), (1, 12, 31, 365),
        (-1, 2, 1, 32), (-1, 3, 1, 60), (-1, 12, 31, 365),
        (-400, 3, 1, 61), (-400, 12, 31, 366),
        (1582, 10, 4, 277), (1582, 10, 15, 288),
    ])
    func yearDay(year: Int, month: Int, day: Int, expected: Int) {
        let time = CivilTime(year: year, month: month, day: day)
        #expect(time.dayOfYear == expected)
        // And back: the day count names the same date.
        #expect(CivilTime(secondsSinceEpoch: time.secondsSinceEpoch) == time)
    }

    @Test(arguments: [(2000, true), (1900, false), (2100, false), (2016, true), (2018, false), (0, true), (-400, true), (-1, false)])
    func leapYears(year: Int, isLeap: Bool) {
        #expect(CivilTime.isLeapYear(year) == isLeap)
        let lastOfFebruary = CivilTime(secondsSinceEpoch: CivilTime(year: year, month: 3, day: 1).secondsSinceEpoch - 86_400)
        #expect(lastOfFebruary.day == (isLeap ? 29 : 28))
    }

    /// `Date(y, January, 1, …).Format("2006.01.02")`: at least four digits, the sign before them.
    @Test(arguments: [
        (-10001, "-10001"), (-1000, "-1000"), (-999, "-0999"), (-10, "-0010"), (-1, "-0001"), (0, "0000"),
        (1, "0001"), (99, "0099"), (999, "0999"), (9999, "9999"), (10000, "10000"),
    ])
    func goYearPadding(year: Int, text: String) {
        #expect(CivilTime(year: year, month: 1, day: 1).goYear == text)
        #expect(CivilTime(year: year, month: 1, day: 1).rfc3339 == text + "-01-01T00:00:00Z")
    }

    /// Months and days outside their ranges roll over, as Go's `time.Date` normalizes them.
    @Test(arguments: [
        (2017, 13, 1, 2018, 1, 1), (2018, 0, 1, 2017, 12, 1), (2018, 2, 29, 2018, 3, 1),
        (2016, 2, 30, 2016, 3, 1), (2018, 1, 0, 2017, 12, 31), (2018, -11, 1, 2017, 1, 1),
    ])
    func normalization(year: Int, month: Int, day: Int, expectedYear: Int, expectedMonth: Int, expectedDay: Int) {
        let days = CivilTime.daysSinceEpoch(year: Int64(year), month: Int64(month), day: Int64(day))
        let date = CivilTime.date(daysSinceEpoch: days)
        #expect(date.year == Int64(expectedYear) && date.month == Int64(expectedMonth) && date.day == Int64(expectedDay))
    }

    @Test func goLayouts() {
        let morning = CivilTime(VirtualInstant(nanosecondsSinceEpoch: 1_520_326_805_500_000_000))
        #expect(morning.rfc3339 == "2018-03-06T09:00:05Z")
        #expect(morning.rfc3339Nano == "2018-03-06T09:00:05.5Z")
        #expect(morning.rfc3339NanoFixed == "2018-03-06T09:00:05.500000000Z")
        #expect(morning.rfc1123Z == "Tue, 06 Mar 2018 09:00:05 +0000")
        #expect(morning.goLogTime == "2018/03/06 09:00:05")
        let whole = CivilTime(VirtualInstant(secondsSinceEpoch: 0))
        #expect(whole.rfc3339Nano == "1970-01-01T00:00:00Z")
        // Half a second before the epoch is in 1969, with a positive fraction.
        let before = CivilTime(VirtualInstant(nanosecondsSinceEpoch: -500_000_000))
        #expect(before.rfc3339Nano == "1969-12-31T23:59:59.5Z")
        #expect(before.weekdayAbbreviation == "Wed" && before.monthAbbreviation == "Dec")
        #expect(before.weekdayName == "Wednesday" && before.monthName == "December")
        // A month set out of range by hand still names one.
        #expect(CivilTime(year: 2018, month: 13, day: 1).monthAbbreviation == "Jan")
    }

    /// Every day from 1890 to 2110 (1900 and 2100 are not leap years, 2000 is) round-trips, and weekdays advance by one each day.
    @Test func daysRoundTripAcrossCenturies() {
        let first = CivilTime.daysSinceEpoch(year: 1890, month: 1, day: 1)
        let last = CivilTime.daysSinceEpoch(year: 2110, month: 12, day: 31)
        var previous = CivilTime(secondsSinceEpoch: (first - 1) * 86_400)
        var wrong: [Int64] = []
        for day in first...last {
            let time = CivilTime(secondsSinceEpoch: day * 86_400)
            let follows = time.day == 1 ? time.month != previous.month : time.day == previous.day + 1 && time.month == previous.month
            if time.daysSinceEpoch != day || time.weekday != (previous.weekday + 1) % 7 || !follows { wrong.append(day) }
            previous = time
        }
        #expect(wrong.isEmpty)
    }

    /// Extreme instants neither trap nor lose the round trip.
    @Test(arguments: [Int64.max / 1_000_000_000, Int64.min / 1_000_000_000, 253_402_300_799, -62_167_219_200])
    func extremes(seconds: Int64) {
        #expect(CivilTime(secondsSinceEpoch: seconds).secondsSinceEpoch == seconds)
    }
}
