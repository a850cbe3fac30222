/// Writes a completed word back into the command line, quoted the way the user began it.
enum ShellQuoting {
    /// Characters a shell would otherwise treat specially outside quotes.
    /// `$` and `~` stay bare so `$HOME/…` and `~/…` keep expanding.
    private static let special: Set<Character> = [
        " ", "\t", "'", "\"", "\\", "|", "&", ";", "<", ">", "(", ")", "`", "*", "?", "[", "]", "!", "{", "}",
    ]

    /// `value` quoted in the style given by `openQuote` (`'`, `"` or none = backslashes),
    /// without the closing quote.
    static func quote(_ value: String, openQuote: Character?) -> String {
        switch openQuote {
        case "'":
            // A single quote cannot appear inside single quotes: close, escape, reopen.
            return "'" + value.replacingOccurrences(of: "'", with: "'\\''")
        case "\"":
            var result = "\""
            for character in value {
                if "\"\\$`".contains(character) {
                    result.append("\\")
                }
                result.append(character)
            }
            return result
        default:
            var result = ""
            for character in value {
                if special.contains(character) {
                    result.append("\\")
                }
                result.append(character)
            }
            return result
        }
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
