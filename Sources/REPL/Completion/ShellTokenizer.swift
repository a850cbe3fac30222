/// Splits a command line into words and operators the way a POSIX shell does,
/// tolerating an unfinished line (open quotes, a trailing backslash).
public enum ShellTokenizer {
    public static func tokenize(_ line: String) -> [ShellToken] {
        var scanner = Scanner(characters: Array(line))
        return scanner.run()
    }

    private struct Scanner {
        let characters: [Character]
        var index = 0
        var tokens: [ShellToken] = []

        // The word being built.
        var wordStart: Int?
        var wordValue = ""

        init(characters: [Character]) {
            self.characters = characters
        }

        mutating func run() -> [ShellToken] {
            while index < characters.count {
                let character = characters[index]
                if character.isWhitespace {
                    finishWord()
                    index += 1
                } else if let operatorText = operatorAt(index) {
                    scanOperator(operatorText)
                } else {
                    scanWordPart()
                }
            }
            finishWord()
            return tokens
        }

        mutating func finishWord(openQuote: Character? = nil) {
            guard let start = wordStart else { return }
            tokens.append(ShellToken(kind: .word, value: wordValue, start: start, end: index, openQuote: openQuote))
            wordStart = nil
            wordValue = ""
        }

        /// The operator starting at `position`, longest match first.
        func operatorAt(_ position: Int) -> String? {
            let operators = ["&&", "||", ">>", "<<", "&>", ">&", "|", "&", ";", "(", ")", ">", "<"]
            for candidate in operators {
                let length = candidate.count
                guard position + length <= characters.count else { continue }
                if String(characters[position..<position + length]) == candidate {
                    return candidate
                }
            }
            return nil
        }

        mutating func scanOperator(_ operatorText: String) {
            let isRedirection = operatorText.contains(">") || operatorText.contains("<")
            // `2>` or `10>>`: a word of digits glued to a redirection is its file descriptor.
            if isRedirection, let start = wordStart, !wordValue.isEmpty,
               wordValue.allSatisfy(\.isASCII), wordValue.allSatisfy(\.isNumber),
               characters[start..<index].allSatisfy(\.isNumber) {
                wordStart = nil
                let value = wordValue + operatorText
                wordValue = ""
                index += operatorText.count
                tokens.append(ShellToken(kind: .redirection, value: value, start: start, end: index))
                return
            }
            finishWord()
            let start = index
            index += operatorText.count
            tokens.append(ShellToken(
                kind: isRedirection ? .redirection : .commandSeparator,
                value: operatorText, start: start, end: index
            ))
        }

        mutating func scanWordPart() {
            if wordStart == nil {
                wordStart = index
            }
            let character = characters[index]
            switch character {
            case "\\":
                index += 1
                if index < characters.count {
                    if characters[index] != "\n" {
                        wordValue.append(characters[index])
                    }
                    index += 1
                }
            case "'":
                index += 1
                while index < characters.count, characters[index] != "'" {
                    wordValue.append(characters[index])
                    index += 1
                }
                if index < characters.count {
                    index += 1
                } else {
                    finishWord(openQuote: "'")
                }
            case "\"":
                index += 1
                while index < characters.count, characters[index] != "\"" {
                    if characters[index] == "\\", index + 1 < characters.count,
                       "\"\\$`".contains(characters[index + 1]) {
                        index += 1
                    }
                    wordValue.append(characters[index])
                    index += 1
                }
                if index < characters.count {
                    index += 1
                } else {
                    finishWord(openQuote: "\"")
                }
            default:
                wordValue.append(character)
                index += 1
            }
        }
    }
}
