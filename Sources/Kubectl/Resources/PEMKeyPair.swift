import KubernetesAPI

/// The PEM checks of Go's `tls.X509KeyPair`, which `kubectl create secret tls` runs on its files.
/// Only the PEM framing is checked; the certificate's DER and the key's match are not.
enum PEMKeyPair {
    /// Go's error text for a pair it refuses, nil when both files hold the right PEM blocks.
    static func problem(certificate: [UInt8], key: [UInt8]) -> String? {
        let certificateTypes = blockTypes(certificate)
        if !certificateTypes.contains("CERTIFICATE") {
            if certificateTypes.isEmpty { return "tls: failed to find any PEM data in certificate input" }
            if certificateTypes.count == 1, certificateTypes[0].hasSuffix("PRIVATE KEY") {
                return "tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched"
            }
            return "tls: failed to find \"CERTIFICATE\" PEM block in certificate input after skipping PEM blocks of the following types: [\(certificateTypes.joined(separator: " "))]"
        }
        var skipped: [String] = []
        for type in blockTypes(key) {
            if type == "PRIVATE KEY" || type.hasSuffix(" PRIVATE KEY") { return nil }
            skipped.append(type)
        }
        if skipped.isEmpty { return "tls: failed to find any PEM data in key input" }
        if skipped == ["CERTIFICATE"] { return "tls: found a certificate rather than a key in the PEM for the private key" }
        return "tls: failed to find PEM block with type ending in \"PRIVATE KEY\" in key input after skipping PEM blocks of the following types: [\(skipped.joined(separator: " "))]"
    }

    /// The types of the well-formed PEM blocks in the text, in order (`pem.Decode` in a loop).
    static func blockTypes(_ bytes: [UInt8]) -> [String] {
        let lines = String(decoding: bytes, as: UTF8.self).split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        var types: [String] = []
        var index = 0
        while index < lines.count {
            let line = lines[index].trimmingSpaces
            index += 1
            guard line.hasPrefix("-----BEGIN "), line.hasSuffix("-----"), line.count > 16 else { continue }
            let type = String(line.dropFirst(11).dropLast(5))
            var body = ""
            var closed = false
            while index < lines.count {
                let inner = lines[index].trimmingSpaces
                index += 1
                if inner == "-----END \(type)-----" { closed = true; break }
                if inner.contains(":") { continue }  // headers such as Proc-Type
                body += inner
            }
            if closed, case .success = Base64.decode(body) { types.append(type) }
        }
        return types
    }
}

private extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.last == " " || text.last == "\t" { text = text.dropLast() }
        return String(text)
    }
}
