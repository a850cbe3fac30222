/// Column alignment for docker's tables: Go tabwriter with minwidth 20, padding 3, for rows
/// that all have the same cells (which docker's tables do). Kept apart so the shared
/// `Formatting` tabwriter can replace it.
struct Table {
    var rows: [[String]] = []

    init(header: [String]) {
        rows = [header]
    }

    mutating func add(_ row: [String]) {
        rows.append(row)
    }

    var text: String {
        guard let columns = rows.map(\.count).max(), columns > 0 else { return "" }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() where index < columns - 1 {
                widths[index] = max(widths[index], max(20, cell.count + 3))
            }
        }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index < row.count - 1 ? cell + String(repeating: " ", count: widths[index] - cell.count) : cell
            }.joined() + "\n"
        }.joined()
    }
}
