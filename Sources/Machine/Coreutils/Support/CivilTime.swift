import Simulation

/// A moment broken into calendar fields (always UTC: the simulated machines run in UTC), and
/// the `strftime` subset `date` and `ls` need.
struct CivilTime {
    var year: Int
    var month: Int      // 1...12
    var day: Int        // 1...31
    var hour: Int
    var minute: Int
    var second: Int
    var weekday: Int    // 0 = Sunday
    var dayOfYear: Int  // 1...366
    var nanosecond: Int
    var secondsSinceEpoch: Int64

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let fullMonthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                                 "September", "October", "November", "December"]
    static let dayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let fullDayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    init(_ instant: VirtualInstant) {
        let nanos = instant.nanosecondsSinceEpoch
        var seconds = nanos / 1_000_000_000
        var remainder = nanos % 1_000_000_000
        if remainder < 0 { remainder += 1_000_000_000; seconds -= 1 }
        self.init(secondsSinceEpoch: seconds)
        nanosecond = Int(remainder)
    }

    init(secondsSinceEpoch: Int64) {
        self.secondsSinceEpoch = secondsSinceEpoch
        var days = secondsSinceEpoch / 86_400
        var secondOfDay = secondsSinceEpoch % 86_400
        if secondOfDay < 0 { secondOfDay += 86_400; days -= 1 }
        hour = Int(secondOfDay / 3600)
        minute = Int(secondOfDay % 3600 / 60)
        second = Int(secondOfDay % 60)
        nanosecond = 0
        weekday = Int(((days % 7) + 11) % 7) // 1970-01-01 was a Thursday
        // Howard Hinnant's days-to-civil algorithm.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYearMarch = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYearMarch + 2) / 153
        day = Int(dayOfYearMarch - (153 * monthPrime + 2) / 5 + 1)
        month = Int(monthPrime < 10 ? monthPrime + 3 : monthPrime - 9)
        year = Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0))
        let cumulative = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        dayOfYear = cumulative[month - 1] + day + (leap && month > 2 ? 1 : 0)
    }

    private static func pad(_ value: Int, _ width: Int, _ filler: Character = "0") -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: filler, count: width - text.count) + text
    }

    /// Formats like `strftime` in the C locale, UTC.
    func format(_ pattern: String) -> String {
        var output = ""
        var characters = pattern.makeIterator()
        while let character = characters.next() {
            guard character == "%" else {
                output.append(character)
                continue
            }
            guard let directive = characters.next() else {
                output.append("%")
                break
            }
            switch directive {
            case "Y": output += String(year)
            case "y": output += Self.pad(year % 100, 2)
            case "C": output += Self.pad(year / 100, 2)
            case "m": output += Self.pad(month, 2)
            case "d": output += Self.pad(day, 2)
            case "e": output += Self.pad(day, 2, " ")
            case "H": output += Self.pad(hour, 2)
            case "k": output += Self.pad(hour, 2, " ")
            case "I": output += Self.pad(hour % 12 == 0 ? 12 : hour % 12, 2)
            case "l": output += Self.pad(hour % 12 == 0 ? 12 : hour % 12, 2, " ")
            case "M": output += Self.pad(minute, 2)
            case "S": output += Self.pad(second, 2)
            case "N": output += Self.pad(nanosecond, 9)
            case "p": output += hour < 12 ? "AM" : "PM"
            case "P": output += hour < 12 ? "am" : "pm"
            case "b", "h": output += Self.monthNames[month - 1]
            case "B": output += Self.fullMonthNames[month - 1]
            case "a": output += Self.dayNames[weekday]
            case "A": output += Self.fullDayNames[weekday]
            case "u": output += String(weekday == 0 ? 7 : weekday)
            case "w": output += String(weekday)
            case "j": output += Self.pad(dayOfYear, 3)
            case "s": output += String(secondsSinceEpoch)
            case "Z": output += "UTC"
            case "z": output += "+0000"
            case "F": output += format("%Y-%m-%d")
            case "T": output += format("%H:%M:%S")
            case "R": output += format("%H:%M")
            case "D": output += format("%m/%d/%y")
            case "r": output += format("%I:%M:%S %p")
            case "c": output += format("%a %b %e %H:%M:%S %Y")
            case "x": output += format("%m/%d/%y")
            case "X": output += format("%H:%M:%S")
            case "n": output += "\n"
            case "t": output += "\t"
            case "%": output += "%"
            default: output += "%" + String(directive)
            }
        }
        return output
    }
}
