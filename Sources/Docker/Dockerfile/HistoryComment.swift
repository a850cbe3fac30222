import Formatting
extension Instruction {
    /// The comment the 17.x builder commits for an instruction that only changes image
    /// metadata (`ENTRYPOINT ["node" "app.js"]`, `ENV a=b`, `USER [5]` …), which `docker
    /// history` shows after `/bin/sh -c #(nop) `. Nil for FROM, RUN, ADD and COPY, whose
    /// history the builder writes from what they did, and for WORKDIR (see
    /// `WorkingDirectory.resolve`). `shell` is the SHELL in force.
    public func historyComment(shell: [String] = ["/bin/sh", "-c"]) -> String? {
        switch self {
        case .from, .run, .add, .copy, .workdir:
            return nil
        case .cmd(let form):
            return "CMD " + goQuotedList(form.arguments(shell: shell))
        case .entrypoint(let form):
            return "ENTRYPOINT " + goQuotedList(form.arguments(shell: shell))
        case .env(let pairs):
            return (["ENV"] + pairs.map { $0.name + "=" + $0.value }).joined(separator: " ")
        case .label(let pairs):
            return (["LABEL"] + pairs.map { $0.name + "=" + $0.value }).joined(separator: " ")
        case .arg(let name, let defaultValue):
            return "ARG " + name + (defaultValue.map { "=" + $0 } ?? "")
        case .expose(let ports):
            return "EXPOSE " + ports.joined(separator: " ")
        case .volume(let volumes):
            return "VOLUME [" + volumes.joined(separator: " ") + "]"
        case .user(let user):
            return "USER [" + user + "]"
        case .maintainer(let maintainer):
            return "MAINTAINER " + maintainer
        case .stopSignal(let signal):
            return "STOPSIGNAL [" + signal + "]"
        case .onbuild(let trigger):
            return "ONBUILD " + trigger
        case .shell(let arguments):
            return "SHELL [" + arguments.joined(separator: " ") + "]"
        case .healthcheck(let check):
            return "HEALTHCHECK " + healthcheckDescription(check)
        }
    }

    /// The history line of a metadata-only step: `/bin/sh -c #(nop)  CMD ["10"]`.
    public static func noOperationCreatedBy(_ comment: String, shell: [String] = ["/bin/sh", "-c"]) -> String {
        (shell + ["#(nop) ", comment]).joined(separator: " ")
    }

    /// Go's `%q` of the daemon's `*HealthConfig`: `&{["CMD-SHELL" "curl x"] "5m0s" "0s" "0s" '\x00'}`.
    private func healthcheckDescription(_ check: Healthcheck) -> String {
        switch check {
        case .none:
            return "&{[\"NONE\"] \"0s\" \"0s\" \"0s\" '\\x00'}"
        case .check(let test, let interval, let timeout, let startPeriod, let retries):
            let durations = [interval, timeout, startPeriod].map { "\"" + GoDurationText.string($0 ?? .zero) + "\"" }
            return "&{" + ([goQuotedList(test)] + durations + [goQuotedRune(retries ?? 0)]).joined(separator: " ") + "}"
        }
    }
}

/// WORKDIR resolution as docker's `normaliseWorkdir`: relative paths join the current
/// directory (cleaned); absolute ones are kept as written.
public enum WorkingDirectory {
    public static func resolve(current: String, requested: String) -> String {
        requested.hasPrefix("/") ? requested : cleanPath("/" + current + "/" + requested)
    }

    /// The history comment of a WORKDIR step, from the resolved directory.
    public static func historyComment(_ directory: String) -> String {
        "WORKDIR " + directory
    }
}

/// Go's `%q` of a `[]string`: `["node" "app.js"]`.
func goQuotedList(_ items: [String]) -> String {
    "[" + items.map(goQuoted).joined(separator: " ") + "]"
}

/// Go's `%q` of an int: a quoted character literal (`'\x00'`, `'\x03'`, `'a'`).
func goQuotedRune(_ value: Int) -> String {
    guard let scalar = Unicode.Scalar(UInt32(clamping: max(0, value))) else { return "'\\ufffd'" }
    switch scalar {
    case "'": return "'\\''"
    case "\\": return "'\\\\'"
    case "\n": return "'\\n'"
    case "\t": return "'\\t'"
    case "\r": return "'\\r'"
    case "\u{07}": return "'\\a'"
    case "\u{08}": return "'\\b'"
    case "\u{0C}": return "'\\f'"
    case "\u{0B}": return "'\\v'"
    default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
            let hex = String(scalar.value, radix: 16)
            return "'\\x" + (hex.count < 2 ? "0" : "") + hex + "'"
        }
        return "'" + String(Character(scalar)) + "'"
    }
}

/// Go's `time.Duration.String`: `0s`, `500ms`, `1.5s`, `5m0s`, `1h0m0s`.
enum GoDurationText {
    static func string(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let nanoseconds = seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        guard nanoseconds != 0 else { return "0s" }
        let sign = nanoseconds < 0 ? "-" : ""
        let magnitude = nanoseconds.magnitude
        if magnitude < 1_000_000_000 {
            let (unit, scale): (String, UInt64) = magnitude < 1_000 ? ("ns", 1) : (magnitude < 1_000_000 ? ("µs", 1_000) : ("ms", 1_000_000))
            return sign + decimal(magnitude, scale: scale) + unit
        }
        let hours = magnitude / 3_600_000_000_000
        let minutes = (magnitude / 60_000_000_000) % 60
        let secondsPart = decimal(magnitude % 60_000_000_000, scale: 1_000_000_000) + "s"
        if hours > 0 { return sign + "\(hours)h\(minutes)m" + secondsPart }
        if minutes > 0 { return sign + "\(minutes)m" + secondsPart }
        return sign + secondsPart
    }

    /// `value / scale` with the fraction's trailing zeros dropped.
    private static func decimal(_ value: UInt64, scale: UInt64) -> String {
        let whole = value / scale
        let fraction = value % scale
        guard fraction > 0 else { return String(whole) }
        var digits = String(fraction)
        let width = String(scale).count - 1
        digits = String(repeating: "0", count: width - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return String(whole) + "." + digits
    }
}
