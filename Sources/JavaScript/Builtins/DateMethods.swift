#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Simulation

/// The fields of a `Date` (always UTC: the simulated machines run in UTC), on the shared civil
/// calendar; milliseconds are the JavaScript time value.
struct DateFields {
    var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, millisecond: Int, weekday: Int

    init(milliseconds: Double) {
        let total = Int64(milliseconds.isFinite ? Swift.max(-8.64e15, Swift.min(8.64e15, milliseconds)).rounded(.down) : 0)
        let civil = CivilTime(VirtualInstant(nanosecondsSinceEpoch: 0) + .milliseconds(total))
        (year, month, day) = (civil.year, civil.month, civil.day)
        (hour, minute, second) = (civil.hour, civil.minute, civil.second)
        millisecond = civil.nanosecond / 1_000_000
        weekday = civil.weekday
    }

    static func milliseconds(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, millisecond: Int = 0) -> Double {
        // `month` is 1-based here; overflowing months roll into years, days into months.
        let days = CivilTime.daysSinceEpoch(year: Int64(year), month: Int64(month), day: Int64(day))
        return Double(days) * 86_400_000 + Double(hour) * 3_600_000 + Double(minute) * 60_000 + Double(second) * 1000 + Double(millisecond)
    }

    static let weekdayNames = CivilTime.weekdayAbbreviations
    static let monthNames = CivilTime.monthAbbreviations

    var isoString: String {
        let yearText = year >= 0 && year <= 9999 ? pad(year, 4) : (year < 0 ? "-" : "+") + pad(abs(year), 6)
        return "\(yearText)-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2)).\(pad(millisecond, 3))Z"
    }

    var dateString: String {
        "\(DateFields.weekdayNames[weekday]) \(DateFields.monthNames[month - 1]) \(pad(day, 2)) \(pad(year, 4))"
    }

    var timeString: String { "\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2)) GMT+0000 (UTC)" }

    var utcString: String {
        "\(DateFields.weekdayNames[weekday]), \(pad(day, 2)) \(DateFields.monthNames[month - 1]) \(pad(year, 4)) \(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2)) GMT"
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}

extension Interpreter {
    func installDate() {
        let date = defineConstructor("Date", prototype: datePrototype, length: 7) { interpreter, _, arguments, isConstruct in
            let now = interpreter.currentTime().rounded(.down)
            guard isConstruct else { return .string(DateFields(milliseconds: now).dateString + " " + DateFields(milliseconds: now).timeString) }
            var time = now
            if arguments.count == 1 {
                switch arguments[0] {
                case .number(let value): time = value
                case .string(let text): time = Interpreter.parseDate(text)
                case .object(let object):
                    if case .date(let value) = object.kind { time = value } else { time = try interpreter.toNumber(arguments[0]) }
                default: time = try interpreter.toNumber(arguments[0])
                }
            } else if arguments.count > 1 {
                let parts = try arguments.map { try interpreter.toNumber($0) }
                if parts.contains(where: { $0.isNaN }) {
                    time = .nan
                } else {
                    time = DateFields.milliseconds(year: parts[0].safeInteger, month: parts[1].safeInteger + 1, day: parts.count > 2 ? parts[2].safeInteger : 1,
                                                  hour: parts.count > 3 ? parts[3].safeInteger : 0, minute: parts.count > 4 ? parts[4].safeInteger : 0,
                                                  second: parts.count > 5 ? parts[5].safeInteger : 0, millisecond: parts.count > 6 ? parts[6].safeInteger : 0)
                }
            }
            return .object(JSObject(prototype: interpreter.datePrototype, kind: .date(time), className: "Date"))
        }
        defineMethod(date, "now") { interpreter, _, _, _ in .number(interpreter.currentTime().rounded(.down)) }
        defineMethod(date, "parse", length: 1) { interpreter, _, arguments, _ in
            .number(Interpreter.parseDate(try interpreter.toString(arguments[argument: 0])))
        }
        defineMethod(date, "UTC", length: 7) { interpreter, _, arguments, _ in
            let parts = try arguments.map { try interpreter.toNumber($0) }
            guard !parts.isEmpty else { return .number(.nan) }
            return .number(DateFields.milliseconds(year: parts[0].safeInteger, month: (parts.count > 1 ? parts[1].safeInteger : 0) + 1, day: parts.count > 2 ? parts[2].safeInteger : 1,
                                                  hour: parts.count > 3 ? parts[3].safeInteger : 0, minute: parts.count > 4 ? parts[4].safeInteger : 0,
                                                  second: parts.count > 5 ? parts[5].safeInteger : 0, millisecond: parts.count > 6 ? parts[6].safeInteger : 0))
        }

        func timeValue(_ interpreter: Interpreter, _ this: JSValue) throws -> Double {
            if case .object(let object) = this, case .date(let value) = object.kind { return value }
            throw interpreter.throwError("TypeError", "this is not a Date object.")
        }
        func method(_ name: String, _ body: @escaping (Double) -> JSValue) {
            defineMethod(datePrototype, name) { interpreter, this, _, _ in body(try timeValue(interpreter, this)) }
        }
        func civil(_ name: String, _ body: @escaping (DateFields) -> Int) {
            let getter: (Double) -> JSValue = { time in time.isNaN ? .number(.nan) : .number(Double(body(DateFields(milliseconds: time)))) }
            method(name, getter)
            method(name.replacingOccurrences(of: "get", with: "getUTC"), getter)
        }
        method("getTime") { .number($0) }
        method("valueOf") { .number($0) }
        method("getTimezoneOffset") { _ in .number(0) }
        civil("getFullYear") { $0.year }
        civil("getMonth") { $0.month - 1 }
        civil("getDate") { $0.day }
        civil("getDay") { $0.weekday }
        civil("getHours") { $0.hour }
        civil("getMinutes") { $0.minute }
        civil("getSeconds") { $0.second }
        civil("getMilliseconds") { $0.millisecond }
        method("toString") { $0.isNaN ? .string("Invalid Date") : .string(DateFields(milliseconds: $0).dateString + " " + DateFields(milliseconds: $0).timeString) }
        method("toDateString") { $0.isNaN ? .string("Invalid Date") : .string(DateFields(milliseconds: $0).dateString) }
        method("toTimeString") { $0.isNaN ? .string("Invalid Date") : .string(DateFields(milliseconds: $0).timeString) }
        method("toUTCString") { $0.isNaN ? .string("Invalid Date") : .string(DateFields(milliseconds: $0).utcString) }
        method("toGMTString") { $0.isNaN ? .string("Invalid Date") : .string(DateFields(milliseconds: $0).utcString) }
        method("toLocaleString") { time in
            guard !time.isNaN else { return .string("Invalid Date") }
            let c = DateFields(milliseconds: time)
            let hour12 = c.hour % 12 == 0 ? 12 : c.hour % 12
            func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
            return .string("\(c.month)/\(c.day)/\(c.year), \(hour12):\(two(c.minute)):\(two(c.second)) \(c.hour < 12 ? "AM" : "PM")")
        }
        method("toLocaleDateString") { time in
            let c = DateFields(milliseconds: time)
            return .string("\(c.month)/\(c.day)/\(c.year)")
        }
        method("toLocaleTimeString") { time in
            let c = DateFields(milliseconds: time)
            let hour12 = c.hour % 12 == 0 ? 12 : c.hour % 12
            func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
            return .string("\(hour12):\(two(c.minute)):\(two(c.second)) \(c.hour < 12 ? "AM" : "PM")")
        }
        defineMethod(datePrototype, "toISOString") { interpreter, this, _, _ in
            let time = try timeValue(interpreter, this)
            guard !time.isNaN else { throw interpreter.throwError("RangeError", "Invalid time value") }
            return .string(DateFields(milliseconds: time).isoString)
        }
        defineMethod(datePrototype, "toJSON", length: 1) { interpreter, this, _, _ in
            let time = try timeValue(interpreter, this)
            return time.isNaN ? .null : .string(DateFields(milliseconds: time).isoString)
        }
        defineMethod(datePrototype, "setTime", length: 1) { interpreter, this, arguments, _ in
            guard case .object(let object) = this else { return .undefined }
            let time = try interpreter.toNumber(arguments[argument: 0])
            object.kind = .date(time)
            return .number(time)
        }
        let setters: [(String, (inout DateFields, Int) -> Void)] = [
            ("setFullYear", { $0.year = $1 }), ("setMonth", { $0.month = $1 + 1 }), ("setDate", { $0.day = $1 }),
            ("setHours", { $0.hour = $1 }), ("setMinutes", { $0.minute = $1 }), ("setSeconds", { $0.second = $1 }),
            ("setMilliseconds", { $0.millisecond = $1 }),
        ]
        for (name, apply) in setters {
            let body: NativeFunction = { interpreter, this, arguments, _ in
                guard case .object(let object) = this, case .date(let time) = object.kind else { return .undefined }
                var c = DateFields(milliseconds: time.isNaN ? 0 : time)
                apply(&c, try interpreter.toNumber(arguments[argument: 0]).safeInteger)
                let updated = DateFields.milliseconds(year: c.year, month: c.month, day: c.day, hour: c.hour, minute: c.minute,
                                                     second: c.second, millisecond: c.millisecond)
                object.kind = .date(updated)
                return .number(updated)
            }
            defineMethod(datePrototype, name, length: 1, body)
            defineMethod(datePrototype, name.replacingOccurrences(of: "set", with: "setUTC"), length: 1, body)
        }
    }

    /// Parses ISO 8601 dates (`2018-03-06`, `2018-03-06T09:00:00.000Z`) and RFC 1123 dates.
    static func parseDate(_ text: String) -> Double {
        let trimmed = text.trimmingJSWhitespace()
        let scalars = Array(trimmed.unicodeScalars)
        var index = 0
        func number(_ digits: Int) -> Int? {
            guard index + digits <= scalars.count else { return nil }
            var value = 0
            for offset in 0..<digits {
                let scalar = scalars[index + offset]
                guard scalar >= "0" && scalar <= "9" else { return nil }
                value = value * 10 + Int(scalar.value - 48)
            }
            index += digits
            return value
        }
        func accept(_ scalar: Unicode.Scalar) -> Bool {
            if index < scalars.count, scalars[index] == scalar { index += 1; return true }
            return false
        }
        if let year = number(4) {
            var month = 1, day = 1, hour = 0, minute = 0, second = 0, millisecond = 0
            if accept("-") { guard let m = number(2) else { return .nan }; month = m
                if accept("-") { guard let d = number(2) else { return .nan }; day = d }
            }
            if accept("T") || accept(" ") {
                guard let h = number(2), accept(":"), let mi = number(2) else { return .nan }
                hour = h
                minute = mi
                if accept(":") { guard let s = number(2) else { return .nan }; second = s }
                if accept(".") {
                    let start = index
                    var value = 0
                    while index < scalars.count, scalars[index] >= "0" && scalars[index] <= "9" { value = value * 10 + Int(scalars[index].value - 48); index += 1 }
                    let count = index - start
                    millisecond = count >= 3 ? Int(Double(value) / pow(10, Double(count - 3))) : value * Int(pow(10, Double(3 - count)))
                }
            }
            var offset = 0
            if accept("Z") {
            } else if index < scalars.count, scalars[index] == "+" || scalars[index] == "-" {
                let sign = scalars[index] == "-" ? -1 : 1
                index += 1
                guard let h = number(2) else { return .nan }
                _ = accept(":")
                let m = number(2) ?? 0
                offset = sign * (h * 60 + m)
            }
            guard index == scalars.count, month >= 1, month <= 12, day >= 1, day <= 31 else { return .nan }
            return DateFields.milliseconds(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                                          millisecond: millisecond) - Double(offset) * 60_000
        }
        // "Tue, 06 Mar 2018 09:00:00 GMT" or "Mar 6 2018 …" forms.
        let words = trimmed.split { $0 == " " || $0 == "," }.map(String.init)
        var day: Int?, month: Int?, year: Int?, time = [0, 0, 0]
        for word in words {
            if let m = DateFields.monthNames.firstIndex(where: { word.hasPrefix($0) }) { month = m + 1; continue }
            if word.contains(":") {
                let parts = word.split(separator: ":").compactMap { Int($0) }
                for (i, part) in parts.prefix(3).enumerated() { time[i] = part }
                continue
            }
            if let value = Int(word) {
                if value > 31 { year = value } else if day == nil { day = value } else { year = value }
            }
        }
        guard let d = day, let m = month, let y = year else { return .nan }
        return DateFields.milliseconds(year: y, month: m, day: d, hour: time[0], minute: time[1], second: time[2])
    }
}
