/// Lays out completion candidates in columns below the input line, the way a shell
/// lists them: sorted down the columns, each column as wide as the widest entry plus two.
enum CompletionListing {
    static func columns(_ items: [String], width: Int) -> String {
        guard !items.isEmpty else { return "" }
        let widths = items.map(DisplayWidth.of)
        let columnWidth = (widths.max() ?? 0) + 2
        let columnCount = max(1, min(items.count, (width + 2) / columnWidth))
        let rowCount = (items.count + columnCount - 1) / columnCount
        var output = ""
        for row in 0..<rowCount {
            var line = ""
            var column = 0
            while row + column * rowCount < items.count {
                let index = row + column * rowCount
                let isLast = row + (column + 1) * rowCount >= items.count
                line += items[index]
                if !isLast {
                    line += String(repeating: " ", count: columnWidth - widths[index])
                }
                column += 1
            }
            output += line + "\n"
        }
        return output
    }
}
