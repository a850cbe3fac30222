import Kernel

/// What curl's command line asked for.
struct CurlSettings {
    var addresses: [String] = []
    var method: String?
    var data: [UInt8]?
    var headers: [String] = []
    var include = false
    var headOnly = false
    var silent = false
    var showErrors = false
    var verbose = false
    var outputFile: String?
    var remoteName = false
    var followRedirects = false
    var failOnError = false
    var writeOut: String?
    var maximumTime: Duration?
    /// `--connect-timeout`: how long connecting may take.
    var connectTimeout: Duration?
    var userAgent = "curl/\(CurlProgram.version)"
    var showVersion = false
    /// `--path-as-is`: keep `/./` and `/../` in the path instead of squashing them.
    var pathAsIs = false
    /// `-k`: go on when the server's certificate cannot be verified.
    var insecure = false

    /// A command-line problem, with curl's message (exit status 2).
    struct UsageError: Error {
        let message: String
    }

    private static let longOnlyDataBinary: Character = "\u{1}"
    private static let longOnlyConnectTimeout: Character = "\u{2}"
    private static let longOnlyDataRaw: Character = "\u{3}"
    private static let longOnlyPathAsIs: Character = "\u{4}"

    static let specification = OptionSpecification(
        flags: ["i", "I", "s", "S", "v", "O", "L", "f", "k", "V"],
        valued: ["X", "d", "H", "o", "w", "m", "A"],
        long: ["request": "X", "data": "d", "data-ascii": "d", "data-binary": longOnlyDataBinary, "data-raw": longOnlyDataRaw,
               "header": "H", "include": "i", "head": "I", "silent": "s", "show-error": "S", "verbose": "v",
               "output": "o", "remote-name": "O", "location": "L", "fail": "f", "write-out": "w", "max-time": "m",
               "connect-timeout": longOnlyConnectTimeout, "insecure": "k", "user-agent": "A", "version": "V", "path-as-is": longOnlyPathAsIs],
        longValued: ["request", "data", "data-ascii", "data-binary", "data-raw", "header", "output", "write-out",
                     "max-time", "connect-timeout", "user-agent"])

    /// Reads the options; `readData` fetches the bytes behind `@file` data arguments.
    static func parse(_ arguments: ArraySlice<String>, readData: (String) -> [UInt8]?) throws(UsageError) -> (CurlSettings, warnings: [String]) {
        let parsed: ParsedOptions
        do {
            parsed = try specification.parse(arguments)
        } catch {
            switch error {
            case .invalid(let option): throw UsageError(message: "option -\(option): is unknown")
            case .missingValue(let option): throw UsageError(message: "option -\(option): requires parameter")
            case .unrecognized(let option): throw UsageError(message: "option \(option): is unknown")
            case .missingLongValue(let option): throw UsageError(message: "option --\(option): requires parameter")
            }
        }
        var settings = CurlSettings()
        var warnings: [String] = []
        settings.addresses = parsed.operands
        var dataParts: [[UInt8]] = []
        for (name, value) in parsed.options {
            let value = value ?? ""
            switch name {
            case "X": settings.method = value
            case "d", longOnlyDataBinary, longOnlyDataRaw:
                var bytes = Array(value.utf8)
                if name != longOnlyDataRaw, value.hasPrefix("@") {
                    let file = String(value.dropFirst())
                    if let contents = readData(file) {
                        bytes = name == "d" ? contents.filter { $0 != 0x0A && $0 != 0x0D } : contents
                    } else {
                        warnings.append("Warning: Couldn't read data from file \"\(file)\", this makes an \nWarning: empty POST.")
                        bytes = []
                    }
                }
                dataParts.append(bytes)
            case "H": settings.headers.append(value)
            case "i": settings.include = true
            case "I": settings.headOnly = true
            case "s": settings.silent = true
            case "S": settings.showErrors = true
            case "v": settings.verbose = true
            case "o": settings.outputFile = value
            case "O": settings.remoteName = true
            case "L": settings.followRedirects = true
            case "f": settings.failOnError = true
            case "w": settings.writeOut = value
            case "m":
                guard let seconds = Double(value), seconds >= 0 else {
                    throw UsageError(message: "option -m: expected a proper numerical parameter")
                }
                settings.maximumTime = .milliseconds(Int64(seconds * 1000))
            case longOnlyConnectTimeout:
                guard let seconds = Double(value), seconds >= 0 else {
                    throw UsageError(message: "option --connect-timeout: expected a proper numerical parameter")
                }
                // 0 means curl's default (the kernel gives up first).
                settings.connectTimeout = seconds > 0 ? .milliseconds(Int64(seconds * 1000)) : nil
            case "A": settings.userAgent = value
            case "V": settings.showVersion = true
            case "k": settings.insecure = true
            case longOnlyPathAsIs: settings.pathAsIs = true
            default: break // -k: there is no TLS to verify in the simulation
            }
        }
        if !dataParts.isEmpty {
            settings.data = Array(dataParts.joined(separator: [0x26]))
        }
        return (settings, warnings)
    }
}
