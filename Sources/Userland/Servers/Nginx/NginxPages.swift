import Kernel

/// The pages nginx builds itself for errors and redirects.
enum NginxPages {
    static let version = "nginx/1.13.9"

    /// `<html>…<h1>404 Not Found</h1>…` with CRLF line ends, as nginx sends it.
    static func errorPage(status: Int, reason: String) -> [UInt8] {
        let title = "\(status) \(reason)"
        return Array("""
            <html>\r
            <head><title>\(title)</title></head>\r
            <body bgcolor="white">\r
            <center><h1>\(title)</h1></center>\r
            <hr><center>\(version)</center>\r
            </body>\r
            </html>\r

            """.utf8)
    }

    /// nginx's own reason phrases where they differ from the common ones.
    static func reason(for status: Int) -> String {
        status == 405 ? "Not Allowed" : HTTPResponse.standardReason(for: status)
    }
}
