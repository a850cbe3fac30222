import Formatting

/// A docker table: rows of cells laid out by the Go tabwriter with docker 17.x parameters.
struct Table {
    var rows: [[String]] = []

    init(header: [String]) {
        rows = [header]
    }

    mutating func add(_ row: [String]) {
        rows.append(row)
    }

    var text: String {
        TabWriter.format(rows, with: .docker())
    }
}
