import Kernel
import Simulation

/// `openssl` 1.1.0f as Debian 9 ships it: `genrsa`, `req -new -x509`, `x509` (with `-text`,
/// `-noout`, `-subject`, `-issuer`, `-dates`) and `version`. Keys come from the simulation's
/// seeded randomness, so a replayed session makes the same key.
public struct OpenSSLProgram: Program {
    public init() {}

    static let version = "OpenSSL 1.1.0f  25 May 2017"

    public func run(_ context: ProgramContext) async throws -> Int32 {
        var arguments = Array(context.arguments.dropFirst())[...]
        guard let command = arguments.popFirst() else {
            context.printError("OpenSSL> ")
            return 0
        }
        switch command {
        case "version": context.emit(Self.version + "\n"); return 0
        case "genrsa": return try await generateKey(context, Array(arguments))
        case "req": return request(context, Array(arguments))
        case "x509": return showCertificate(context, Array(arguments))
        default:
            context.printError("Invalid command '\(command)'; type \"help\" for a list.\n")
            return 1
        }
    }

    /// `-out FILE`-style options: the values of those named in `valued`, the flags, the rest.
    private func options(_ arguments: [String], valued: Set<String>) -> (values: [String: String], flags: Set<String>, rest: [String], missing: String?) {
        var values: [String: String] = [:], flags: Set<String> = [], rest: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument.hasPrefix("-"), argument.count > 1 {
                let name = String(argument.drop { $0 == "-" })
                if valued.contains(name) {
                    guard index + 1 < arguments.count else { return (values, flags, rest, name) }
                    values[name] = arguments[index + 1]
                    index += 1
                } else {
                    flags.insert(name)
                }
            } else {
                rest.append(argument)
            }
            index += 1
        }
        return (values, flags, rest, nil)
    }

    private func write(_ text: String, to path: String?, _ context: ProgramContext) -> Bool {
        guard let path else {
            context.emit(text)
            return true
        }
        do {
            try context.machine.fileSystem.writeFile(context.resolve(path), Array(text.utf8), as: context.user)
            return true
        } catch {
            context.printError("\(path): \(error.code.message)\n")
            return false
        }
    }

    private func read(_ path: String, _ context: ProgramContext) -> String? {
        guard let bytes = try? context.machine.fileSystem.readFile(context.resolve(path), as: context.user) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: genrsa

    private func generateKey(_ context: ProgramContext, _ arguments: [String]) async throws -> Int32 {
        let parsed = options(arguments, valued: ["out", "passout", "rand"])
        if let missing = parsed.missing {
            context.printError("genrsa: Option -\(missing) needs a value\ngenrsa: Use -help for summary.\n")
            return 1
        }
        if let unknown = parsed.flags.subtracting(["f4", "3", "des", "des3", "aes128", "aes256"]).sorted().first {
            context.printError("genrsa: Unrecognized flag \(unknown)\ngenrsa: Use -help for summary.\n")
            return 1
        }
        var bits = 2048
        if let text = parsed.rest.first {
            guard let value = Int(text), value > 0, parsed.rest.count == 1 else {
                context.printError("genrsa: Use -help for summary.\n")
                return 1
            }
            bits = value
        }
        guard bits >= 512, bits <= 8192 else {
            context.printError("Generating RSA private key, \(bits) bit long modulus\n")
            context.printError("\(context.process.pid):error:04081078:rsa routines:rsa_builtin_keygen:key size too small:../crypto/rsa/rsa_gen.c:79:\n")
            return 1
        }
        context.printError("Generating RSA private key, \(bits) bit long modulus\n")
        var random = context.loop.random.split()
        var dots = ""
        let key = RSAKey.generate(bits: bits, random: &random) { step in dots.append(step.rawValue) }
        // The work takes a moment of simulated time, as it does on a real machine.
        try await context.process.sleep(for: .milliseconds(Int64(bits / 8)), skippable: true)
        context.printError(dots)
        context.printError("e is 65537 (0x010001)\n")
        return write(key.pem, to: parsed.values["out"], context) ? 0 : 1
    }

    // MARK: req

    private func request(_ context: ProgramContext, _ arguments: [String]) -> Int32 {
        let parsed = options(arguments, valued: ["key", "out", "days", "subj", "keyout", "newkey", "config", "in", "set_serial"])
        if let missing = parsed.missing {
            context.printError("req: Option -\(missing) needs a value\nreq: Use -help for summary.\n")
            return 1
        }
        guard parsed.flags.contains("x509"), parsed.flags.contains("new") || parsed.values["key"] != nil else {
            context.printError("req: only `-new -x509 -key FILE` is available here\n")
            return 1
        }
        guard let keyPath = parsed.values["key"] else {
            context.printError("req: -new -x509 needs -key here (the key comes from `openssl genrsa`)\n")
            return 1
        }
        guard let keyText = read(keyPath, context) else {
            context.printError("Can't open \(keyPath) for reading, No such file or directory\n")
            return 1
        }
        guard let key = RSAKey(pem: keyText) else {
            context.printError("unable to load Private Key\n\(context.process.pid):error:0906D06C:PEM routines:PEM_read_bio:no start line:../crypto/pem/pem_lib.c:691:Expecting: ANY PRIVATE KEY\n")
            return 1
        }
        guard let subjectText = parsed.values["subj"] else {
            context.printError("req: -subj is needed here: questions are not asked\n")
            return 1
        }
        let subject: DistinguishedName
        do {
            subject = try DistinguishedName(subject: subjectText)
        } catch {
            switch error {
            case .noSlash: context.printError("Subject does not start with '/'.\n")
            case .missingValue(let part): context.printError("Hit end of string before finding the equals.\n\(part)\n")
            case .unknownType(let type): context.printError("Subject Attribute \(type) has no known NID, skipped\n")
            }
            context.printError("problems making Certificate Request\n")
            return 1
        }
        var days = 30
        if let text = parsed.values["days"] {
            guard let value = Int(text), value > 0, value < 1_000_000 else {
                context.printError("req: Invalid number \"\(text)\" for -days\nreq: Use -help for summary.\n")
                return 1
            }
            days = value
        }
        var random = context.loop.random.split()
        var serial = (0..<8).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        serial[0] |= 0x80
        let certificate = Certificate.selfSigned(key: key, subject: subject, serial: serial, now: context.loop.now, days: days)
        return write(PEM.encode("CERTIFICATE", certificate), to: parsed.values["out"], context) ? 0 : 1
    }

    // MARK: x509

    private func showCertificate(_ context: ProgramContext, _ arguments: [String]) -> Int32 {
        let parsed = options(arguments, valued: ["in", "out", "inform", "outform"])
        if let missing = parsed.missing {
            context.printError("x509: Option -\(missing) needs a value\nx509: Use -help for summary.\n")
            return 1
        }
        let text: String
        if let path = parsed.values["in"] {
            guard let contents = read(path, context) else {
                context.printError("Can't open \(path) for reading, No such file or directory\n\(context.process.pid):error:02001002:system library:fopen:No such file or directory:../crypto/bio/bss_file.c:74:fopen('\(path)','r')\n\(context.process.pid):error:2006D080:BIO routines:BIO_new_file:no such file:../crypto/bio/bss_file.c:81:\nunable to load certificate\n")
                return 1
            }
            text = contents
        } else {
            context.printError("x509: reading a certificate from standard input is not available here; use -in FILE\n")
            return 1
        }
        guard let block = PEM.decode(text).first(where: { $0.type == "CERTIFICATE" || $0.type == "TRUSTED CERTIFICATE" }),
              let certificate = Certificate(der: block.bytes) else {
            context.printError("unable to load certificate\n\(context.process.pid):error:0906D06C:PEM routines:PEM_read_bio:no start line:../crypto/pem/pem_lib.c:691:Expecting: TRUSTED CERTIFICATE\n")
            return 1
        }
        var out = ""
        for flag in parsed.flags.sorted(by: { (arguments.firstIndex(of: "-" + $0) ?? 0) < (arguments.firstIndex(of: "-" + $1) ?? 0) }) {
            switch flag {
            case "subject": out += "subject=\(certificate.subject.text)\n"
            case "issuer": out += "issuer=\(certificate.issuer.text)\n"
            case "dates": out += "notBefore=\(Certificate.displayTime(certificate.notBefore))\nnotAfter=\(Certificate.displayTime(certificate.notAfter))\n"
            case "text": out += certificate.text
            case "noout": break
            default:
                context.printError("x509: Unrecognized flag \(flag)\nx509: Use -help for summary.\n")
                return 1
            }
        }
        if !parsed.flags.contains("noout") { out += PEM.encode("CERTIFICATE", block.bytes) }
        return write(out, to: parsed.values["out"], context) ? 0 : 1
    }
}
