import Kernel
/// curl's side of TLS with OpenSSL 1.0.2: the handshake trace of `-v`, the server certificate it
/// shows, verification against the system's CA bundle (which knows no simulated CA), and `-k`.
extension CurlTransfer {
    /// Runs the handshake; true when the server chose HTTP/2 (ALPN).
    func handshake(_ address: WebAddress, reader: SimulatedTLS.RecordReader, output: any WritableStream) async throws -> Bool {
        // An address literal is sent without a server name (SNI names hosts only).
        let parts = address.host.split(separator: ".", omittingEmptySubsequences: false)
        let isAddress = parts.count == 4 && parts.allSatisfy { UInt8($0) != nil }
        let serverName = isAddress ? "" : address.host
        try? output.write(SimulatedTLS.clientHello(serverName: serverName))
        trace("* ALPN, offering h2\n* ALPN, offering http/1.1\n"
            + "* Cipher selection: ALL:!EXPORT:!EXPORT40:!EXPORT56:!aNULL:!LOW:!RC4:@STRENGTH\n"
            + "* successfully set certificate verify locations:\n*   CAfile: /etc/ssl/certs/ca-certificates.crt\n  CApath: /etc/ssl/certs\n"
            + "* TLSv1.2 (OUT), TLS header, Certificate Status (22):\n* TLSv1.2 (OUT), TLS handshake, Client hello (1):\n")
        guard let answer = try? await reader.readServerCertificate(), let certificate = Certificate(der: answer.certificate) else {
            // A server that does not speak TLS: OpenSSL finds no handshake in its answer, or
            // the connection ends first.
            let answered = (try? await reader.peek()) != nil
            let reason = answered ? "error:140770FC:SSL routines:SSL23_GET_SERVER_HELLO:unknown protocol"
                : "Unknown SSL protocol error in connection to \(address.host):\(address.port) "
            trace("* \(reason)\n* Curl_http_done: called premature == 1\n* Closing connection \(connectionNumber)\n")
            throw Failure(code: 35, message: reason)
        }
        trace("* TLSv1.2 (IN), TLS handshake, Server hello (2):\n* TLSv1.2 (IN), TLS handshake, Certificate (11):\n")
        // Only the simulated world's own certificates exist, and no CA of the bundle signed them.
        let (problem, number) = certificate.isSelfIssued ? ("self signed certificate", 18) : ("unable to get local issuer certificate", 20)
        guard settings.insecure else {
            trace("* TLSv1.2 (OUT), TLS alert, Server hello (2):\n* SSL certificate problem: \(problem)\n"
                + "* Curl_http_done: called premature == 1\n* stopped the pause stream!\n* Closing connection \(connectionNumber)\n")
            throw Failure(code: 60, message: "SSL certificate problem: \(problem)\n" + Self.certificateAdvice)
        }
        let http2 = answer.applicationProtocol == "h2"
        trace("* TLSv1.2 (IN), TLS handshake, Server key exchange (12):\n* TLSv1.2 (IN), TLS handshake, Server finished (14):\n"
            + "* TLSv1.2 (OUT), TLS handshake, Client key exchange (16):\n* TLSv1.2 (OUT), TLS change cipher, Client hello (1):\n"
            + "* TLSv1.2 (OUT), TLS handshake, Finished (20):\n* TLSv1.2 (IN), TLS change cipher, Client hello (1):\n"
            + "* TLSv1.2 (IN), TLS handshake, Finished (20):\n* SSL connection using TLSv1.2 / ECDHE-RSA-AES256-GCM-SHA384\n"
            + (http2 ? "* ALPN, server accepted to use h2\n" : "* ALPN, server did not agree to a protocol\n")
            + "* Server certificate:\n*  subject: \(Self.oneLine(certificate.subject))\n"
            + "*  start date: \(Certificate.displayTime(certificate.notBefore))\n*  expire date: \(Certificate.displayTime(certificate.notAfter))\n"
            + "*  issuer: \(Self.oneLine(certificate.issuer))\n"
            + "*  SSL certificate verify result: \(problem) (\(number)), continuing anyway.\n")
        return http2
    }

    /// How curl's OpenSSL backend prints a name (`XN_FLAG_SEP_SPLUS_SPC`).
    static func oneLine(_ name: DistinguishedName) -> String {
        name.attributes.map { "\($0.type)=\($0.value)" }.joined(separator: "; ")
    }

    /// The curl tool's explanation after error 60.
    static let certificateAdvice = """
        More details here: https://curl.haxx.se/docs/sslcerts.html

        curl performs SSL certificate verification by default, using a "bundle"
         of Certificate Authority (CA) public keys (CA certs). If the default
         bundle file isn't adequate, you can specify an alternate file
         using the --cacert option.
        If this HTTPS server uses a certificate signed by a CA represented in
         the bundle, the certificate verification probably failed due to a
         problem with the certificate (it might be expired, or the name might
         not match the domain name in the URL).
        If you'd like to turn off curl's verification of the certificate, use
         the -k (or --insecure) option.
        """

    /// An HTTP/2 response as curl shows it: `HTTP/2 200 `, lower-case names, no connection headers.
    static func asHTTP2(_ response: HTTPResponse) -> HTTPResponse {
        let dropped: Set<String> = ["connection", "transfer-encoding", "keep-alive"]
        let headers = HTTPHeaders(response.headers.filter { !dropped.contains($0.name.lowercased()) }.map { ($0.name.lowercased(), $0.value) })
        return HTTPResponse(version: "HTTP/2", status: response.status, reason: "", headers: headers, body: response.body)
    }
}
