import Kernel
import Simulation

extension CivilTime {
    /// Formats like `strftime` in the C locale, UTC: the subset `date`, `ls`, `ps`, `stat` and nginx need.
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
            case "y": output += Self.padded(year % 100, 2)
            case "C": output += Self.padded(year / 100, 2)
            case "m": output += Self.padded(month, 2)
            case "d": output += Self.padded(day, 2)
            case "e": output += Self.padded(day, 2, with: " ")
            case "H": output += Self.padded(hour, 2)
            case "k": output += Self.padded(hour, 2, with: " ")
            case "I": output += Self.padded(hour % 12 == 0 ? 12 : hour % 12, 2)
            case "l": output += Self.padded(hour % 12 == 0 ? 12 : hour % 12, 2, with: " ")
            case "M": output += Self.padded(minute, 2)
            case "S": output += Self.padded(second, 2)
            case "N": output += Self.padded(nanosecond, 9)
            case "p": output += hour < 12 ? "AM" : "PM"
            case "P": output += hour < 12 ? "am" : "pm"
            case "b", "h": output += monthAbbreviation
            case "B": output += monthName
            case "a": output += weekdayAbbreviation
            case "A": output += weekdayName
            case "u": output += String(weekday == 0 ? 7 : weekday)
            case "w": output += String(weekday)
            case "j": output += Self.padded(dayOfYear, 3)
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
