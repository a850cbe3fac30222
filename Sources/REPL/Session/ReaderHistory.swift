import World

/// The line reader's history as the shell's `history` sees it.
final class ReaderHistory: CommandHistory {
    private let reader: any LineReading

    init(reader: any LineReading) {
        self.reader = reader
    }

    var entries: [String] { reader.historyEntries }

    func replaceEntries(with entries: [String]) {
        reader.replaceHistory(with: entries)
    }
}
