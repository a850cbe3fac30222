import Docker
import Foundation
import Formatting
import GoTemplates
import StructuredData

/// `--format` of `docker ps` and `docker images`, as docker/cli 17.12's formatter.Context does
/// it: `\t` and `\n` in the text become tab and newline, a leading `table` prints a header row
/// (the template run on the column titles) and aligns the cells in docker's tabwriter, and each
/// row is the template's output and a newline.
struct ListFormat {
    /// docker/cli's column titles for the fields of `docker ps`.
    static let containerHeaders = [
        ("ID", "CONTAINER ID"), ("Image", "IMAGE"), ("Command", "COMMAND"), ("CreatedAt", "CREATED AT"),
        ("RunningFor", "CREATED"), ("Ports", "PORTS"), ("Status", "STATUS"), ("Size", "SIZE"), ("Names", "NAMES"),
        ("Labels", "LABELS"), ("Mounts", "MOUNTS"), ("Networks", "NETWORKS"),
    ]

    /// docker/cli's column titles for the fields of `docker images`.
    static let imageHeaders = [
        ("ID", "IMAGE ID"), ("Repository", "REPOSITORY"), ("Tag", "TAG"), ("Digest", "DIGEST"),
        ("CreatedSince", "CREATED"), ("CreatedAt", "CREATED AT"), ("Size", "SIZE"),
    ]

    let template: GoTemplate
    let isTable: Bool
    let headers: JSONObject

    init(_ format: String, headers: [(String, String)]) throws(TemplateError) {
        var text = Substring(format)
        isTable = text.hasPrefix("table")
        if isTable { text = text.dropFirst("table".count) }
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        let expanded = String(text).replacingOccurrences(of: "\\t", with: "\t").replacingOccurrences(of: "\\n", with: "\n")
        template = try GoTemplate(parsing: expanded)
        self.headers = JSONObject(pairs: headers.map { ($0.0, .string($0.1)) })
    }

    func render(_ rows: [JSONValue]) throws(TemplateError) -> String {
        var body = ""
        for row in rows { body += try template.render(row) + "\n" }
        guard isTable else { return body }
        var writer = TabWriter.docker()
        writer.write(try template.render(.object(headers)) + "\n" + body)
        return writer.flush()
    }
}
