import Formatting

/// A language lessons and the course speak.
public enum Language: String, CaseIterable, Codable, Sendable {
    case english = "en"
    case chinese = "zh"

    /// The language a `LANG`/`LC_ALL` value asks for: `zh*` is Chinese, anything else English.
    public init(environment: [String: String]) {
        let value = environment["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["LANG"] ?? ""
        self = value.lowercased().hasPrefix("zh") ? .chinese : .english
    }
}

/// Text given in English and Chinese side by side (`{en: …, zh: …}` in a lesson file).
public struct LocalizedText: Hashable, Sendable {
    public var english: String
    public var chinese: String?

    public init(english: String, chinese: String? = nil) {
        self.english = english
        self.chinese = chinese
    }

    /// The text in `language`, falling back to English where a translation is missing. It comes
    /// from a file: control characters in it are made visible, never sent to the terminal.
    public func text(in language: Language) -> String {
        switch language {
        case .english: VisibleControls.escape(english)
        case .chinese: VisibleControls.escape(chinese ?? english)
        }
    }
}
