import Formatting

/// A docker table: rows of cells laid out by the Go tabwriter with the era's parameters.
struct Table {
    var rows: [[String]] = []

    init(header: [String]) {
        rows = [header]
    }

    mutating func add(_ row: [String]) {
        rows.append(row)
    }

    /// The table laid out as the engine's release does (`Era.Docker.tables`).
    func text(_ layout: TabWriter) -> String {
        TabWriter.format(rows, with: layout)
    }
}
