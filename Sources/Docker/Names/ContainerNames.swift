import Simulation

/// Random container names (`adjective_surname`) and container-name validation, as the daemon
/// does them.
public enum ContainerNames {
    /// `[a-zA-Z0-9][a-zA-Z0-9_.-]`: the characters a name may use (also the error's wording).
    public static let allowedCharacters = "[a-zA-Z0-9][a-zA-Z0-9_.-]"

    /// One random name; on a retry (`attempt > 0`) docker appends a random digit.
    public static func randomName(attempt: Int = 0, using random: inout SeededRandom) -> String {
        var name: String
        repeat {
            let adjective = random.element(of: NameWords.adjectives) ?? "happy"
            let surname = random.element(of: NameWords.surnames) ?? "turing"
            name = adjective + "_" + surname
        } while name == "boring_wozniak" // Steve Wozniak is not boring.
        if attempt > 0 { name += String(random.integer(in: 0...9)) }
        return name
    }

    /// A free name for a new container: up to six random tries (the later ones with a digit),
    /// then the container's short ID, as the daemon's `generateNewName`. `isTaken` answers
    /// whether a name (without `/`) is in use.
    public static func generate(forContainer id: String, using random: inout SeededRandom,
                                isTaken: (String) -> Bool) -> String {
        for attempt in 0..<6 {
            let name = randomName(attempt: attempt, using: &random)
            if !isTaken(name) { return name }
        }
        return ObjectIdentifiers.truncated(id)
    }

    /// Whether a user-chosen name is allowed (`^[a-zA-Z0-9][a-zA-Z0-9_.-]+$`, so at least two
    /// characters; one leading `/` is ignored).
    public static func isValid(_ name: String) -> Bool {
        let bytes = Array((name.hasPrefix("/") ? name.dropFirst() : Substring(name)).utf8)
        guard bytes.count >= 2, isAlphanumeric(bytes[0]) else { return false }
        return bytes.dropFirst().allSatisfy { byte in
            isAlphanumeric(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
        }
    }

    /// The daemon's error for an invalid name, quoting the name as given.
    public static func invalidNameMessage(_ name: String) -> String {
        "Invalid container name (\(name)), only \(allowedCharacters) are allowed"
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}

/// Container and image IDs.
public enum ObjectIdentifiers {
    /// A 64-hex ID whose 12-character short form is never all digits (docker avoids those
    /// because they could be mistaken for numbers).
    public static func randomID(using random: inout SeededRandom) -> String {
        while true {
            let id = random.hexString(count: 64)
            if !truncated(id).utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) { return id }
        }
    }

    /// `sha256:` followed by 64 hex digits, as image IDs are written.
    public static func randomImageID(using random: inout SeededRandom) -> String {
        "sha256:" + random.hexString(count: 64)
    }

    /// The short form docker prints: the algorithm prefix dropped, first 12 characters.
    public static func truncated(_ id: String) -> String {
        var text = Substring(id)
        if let colon = text.firstIndex(of: ":") { text = text[text.index(after: colon)...] }
        return String(text.prefix(12))
    }
}
