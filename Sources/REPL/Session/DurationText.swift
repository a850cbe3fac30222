/// Durations as learners type them: `30s`, `2m`, `1h30m`, `500ms`, `1.5s`.
public enum DurationText {
    /// The duration `text` names, or nil if it is not one (a bare number is not: it needs a unit).
    public static func parse(_ text: String) -> Duration? {
        var total: Double = 0
        var number = ""
        var index = text.startIndex
        var sawUnit = false
        while index < text.endIndex {
            let character = text[index]
            if character.isNumber || character == "." {
                number.append(character)
                index = text.index(after: index)
                continue
            }
            guard let value = Double(number) else { return nil }
            let rest = text[index...]
            let (unit, length): (Double, Int)
            if rest.hasPrefix("ms") { (unit, length) = (0.001, 2) }
            else if rest.hasPrefix("s") { (unit, length) = (1, 1) }
            else if rest.hasPrefix("m") { (unit, length) = (60, 1) }
            else if rest.hasPrefix("h") { (unit, length) = (3600, 1) }
            else if rest.hasPrefix("d") { (unit, length) = (86400, 1) }
            else { return nil }
            total += value * unit
            number = ""
            sawUnit = true
            index = text.index(index, offsetBy: length)
        }
        guard number.isEmpty, sawUnit, total.isFinite, total >= 0, total < 1e9 else { return nil }
        return .nanoseconds(Int64(total * 1e9))
    }
}
