extension Shell {
    /// The interactive session's list of entered command lines, kept by whoever reads them (the
    /// line editor); `history` reads and edits it through this.
    public protocol History: AnyObject {
        /// The lines, oldest first.
        var entries: [String] { get }
        /// Replaces every line (`history -c`, `-d`, `-s`).
        func replaceEntries(with entries: [String])
    }

    /// The list of an interactive shell that reads its own lines (bash in a container).
    final class InMemoryHistory: History {
        private(set) var entries: [String] = []
        /// bash's default `HISTSIZE`.
        static let limit = 500

        func replaceEntries(with entries: [String]) {
            self.entries = Array(entries.suffix(Self.limit))
        }
    }

    static let historyUsage = "history: usage: history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]"

    /// bash 4.4's `history [-c] [-d offset] [n]` and `history -s arg…`. A shell without a
    /// history list (scripts, containers' non-interactive shells) lists nothing, as bash does.
    func history(_ arguments: [String], io: ShellIO) throws -> Int32 {
        var clear = false
        var deleteOffset: String?
        var store = false
        var operands: [String] = []
        var index = 0
        func invalid(_ option: String) -> Int32 {
            report("history: \(option): invalid option", io: io)
            try? io.stderr.write(Self.historyUsage + "\n")
            return 2
        }
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" { break }
            // bash reads `-5` as an option, not a count.
            guard argument.hasPrefix("-"), argument.count > 1 else {
                index -= 1
                break
            }
            var letters = Substring(argument.dropFirst())
            while let letter = letters.popFirst() {
                switch letter {
                case "c": clear = true
                case "s": store = true
                case "d":
                    if !letters.isEmpty {
                        deleteOffset = String(letters)
                        letters = ""
                    } else if index < arguments.count {
                        deleteOffset = arguments[index]
                        index += 1
                    } else {
                        report("history: -d: option requires an argument", io: io)
                        try? io.stderr.write(Self.historyUsage + "\n")
                        return 2
                    }
                default:
                    return invalid("-\(letter)")
                }
            }
        }
        operands = Array(arguments[index...])
        var entries = commandHistory?.entries ?? []
        if clear {
            commandHistory?.replaceEntries(with: [])
            return 0
        }
        if let deleteOffset {
            // bash 4.4 counts from 1 and knows no negative offsets (those came with 5.0).
            guard let position = Int(deleteOffset), position >= 1, position <= entries.count else {
                report("history: \(deleteOffset): history position out of range", io: io)
                return 1
            }
            entries.remove(at: position - 1)
            commandHistory?.replaceEntries(with: entries)
            return 0
        }
        if store {
            // `-s` replaces the `history -s …` line itself with its arguments.
            guard !operands.isEmpty else { return 0 }
            if !entries.isEmpty { entries.removeLast() }
            entries.append(operands.joined(separator: " "))
            commandHistory?.replaceEntries(with: entries)
            return 0
        }
        var shown = entries.count
        if let count = operands.first {
            guard let limit = Int(count), count.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                report("history: \(count): numeric argument required", io: io)
                return 1
            }
            guard operands.count == 1 else {
                report("history: too many arguments", io: io)
                return 1
            }
            shown = min(limit, entries.count)
        }
        var text = ""
        for (offset, entry) in entries.enumerated().suffix(shown) {
            // bash: "%5d%c %s", the mark being `*` for an edited entry (KubeLab keeps none).
            let number = String(offset + 1)
            text += String(repeating: " ", count: max(0, 5 - number.count)) + number + "  " + entry + "\n"
        }
        try write(text, to: io.stdout)
        return 0
    }
}
