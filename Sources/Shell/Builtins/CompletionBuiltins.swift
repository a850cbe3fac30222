import Kernel

extension Shell {
    static let completeUsage = "complete: usage: complete [-abcdefgjksuv] [-pr] [-DE] [-o option] [-A action] [-G globpat] "
        + "[-W wordlist]  [-F function] [-C command] [-X filterpat] [-P prefix] [-S suffix] [name ...]"
    static let compgenUsage = "compgen: usage: compgen [-abcdefgjksuv] [-o option]  [-A action] [-G globpat] "
        + "[-W wordlist]  [-F function] [-C command] [-X filterpat] [-P prefix] [-S suffix] [word]"

    /// What `complete` and `compgen` were asked: a specification, and for `complete` what to do with it.
    struct CompletionRequest {
        var specification = CompletionSpecification()
        var prints = false
        var removes = false
        var hasSpecification = false
        var operands: [String] = []
    }

    /// Reads the options `complete` and `compgen` share, bash's way (`-fd`, `-Wwords`, `-W words`);
    /// nil after reporting a usage error.
    func parseCompletionOptions(_ arguments: [String], builtin: String, io: ShellIO) -> CompletionRequest? {
        var request = CompletionRequest()
        let usage = builtin == "complete" ? Self.completeUsage : Self.compgenUsage
        let listing: Set<Character> = builtin == "complete" ? ["p", "r", "D", "E"] : []
        var index = 0
        func fail(_ message: String, showUsage: Bool) -> CompletionRequest? {
            report("\(builtin): " + message, io: io)
            if showUsage { try? io.stderr.write(usage + "\n") }
            return nil
        }
        while index < arguments.count {
            let word = arguments[index]
            if word == "--" {
                index += 1
                break
            }
            guard word.hasPrefix("-"), word.count > 1 else { break }
            var letters = Array(word.dropFirst())[...]
            while let letter = letters.popFirst() {
                if let action = CompletionSpecification.lettered.first(where: { $0.letter == letter })?.action {
                    request.specification.actions.insert(action)
                    request.hasSpecification = true
                    continue
                }
                if listing.contains(letter) {
                    if letter == "p" { request.prints = true }
                    if letter == "r" { request.removes = true }
                    continue
                }
                guard "oAGWFCXPS".contains(letter) else {
                    return fail("-\(letter): invalid option", showUsage: true)
                }
                var value = String(letters)
                letters = []
                if value.isEmpty {
                    index += 1
                    guard index < arguments.count else { return fail("-\(letter): option requires an argument", showUsage: true) }
                    value = arguments[index]
                }
                request.hasSpecification = true
                switch letter {
                case "o":
                    guard CompletionSpecification.optionNames.contains(value) else { return fail("\(value): invalid option name", showUsage: false) }
                    request.specification.options.insert(value)
                case "A":
                    guard CompletionSpecification.actionNames.contains(value) else { return fail("\(value): invalid action name", showUsage: false) }
                    request.specification.actions.insert(value)
                case "G": request.specification.globPattern = value
                case "W": request.specification.wordList = value
                case "F": request.specification.function = value
                case "C": request.specification.command = value
                case "X": request.specification.filterPattern = value
                case "P": request.specification.prefix = value
                default: request.specification.suffix = value
                }
            }
            index += 1
        }
        request.operands = Array(arguments[index...])
        return request
    }

    /// `complete`: registers, prints (`-p`) or removes (`-r`) how commands' arguments complete.
    func complete(_ arguments: [String], io: ShellIO) throws -> Int32 {
        guard let request = parseCompletionOptions(arguments, builtin: "complete", io: io) else { return 2 }
        let names = request.operands
        if request.removes {
            guard !names.isEmpty else {
                completions.removeAll()
                return 0
            }
            var status: Int32 = 0
            for name in names where completions.removeValue(forKey: name) == nil {
                report("complete: \(name): no completion specification", io: io)
                status = 1
            }
            return status
        }
        if names.isEmpty || request.prints {
            // `complete` and `complete -p` list every registration; options without names change nothing.
            guard request.prints || !request.hasSpecification else { return 0 }
            var status: Int32 = 0
            for name in names.isEmpty ? completions.keys.sorted() : names {
                guard let specification = completions[name] else {
                    report("complete: \(name): no completion specification", io: io)
                    status = 1
                    continue
                }
                try write(specification.commandLine(for: name) + "\n", to: io.stdout)
            }
            return status
        }
        for name in names { completions[name] = request.specification }
        return 0
    }

    /// `compgen`: the candidates a specification gives for `word`, one per line.
    func compgen(_ arguments: [String], io: ShellIO) async throws -> Int32 {
        guard let request = parseCompletionOptions(arguments, builtin: "compgen", io: io) else { return 2 }
        let word = request.operands.first ?? ""
        let specification = request.specification
        var candidates: [String] = []
        for action in specification.actions.sorted() { candidates += completionCandidates(for: action, word: word) }
        if let list = specification.wordList {
            let separators = Set(variables["IFS"] ?? " \t\n")
            candidates += list.split { separators.contains($0) }.map(String.init).filter { $0.hasPrefix(word) }
        }
        if let pattern = specification.filterPattern {
            let negated = pattern.hasPrefix("!")
            let matcher = ShellPattern(negated ? String(pattern.dropFirst()) : pattern)
            // -X removes what matches; `!pattern` keeps only what matches.
            candidates = candidates.filter { matcher.matches($0) == negated }
        }
        if specification.function != nil || specification.command != nil {
            report("compgen: warning: -\(specification.function != nil ? "F" : "C") option may not work as you expect", io: io)
        }
        guard !candidates.isEmpty else { return 1 }
        let text = candidates.map { (specification.prefix ?? "") + $0 + (specification.suffix ?? "") + "\n" }.joined()
        try write(text, to: io.stdout)
        return 0
    }

    /// Candidates of one `-A` action that start with `word`.
    private func completionCandidates(for action: String, word: String) -> [String] {
        let names: [String]
        switch action {
        case "alias": names = aliases.keys.sorted()
        case "builtin": names = Self.builtinNames.sorted()
        case "keyword": names = Self.keywords.sorted()
        case "function": names = functions.keys.sorted()
        case "variable": names = variables.keys.sorted()
        case "export": names = exportedNames.sorted()
        case "job": names = jobs.map { String($0.text.split(separator: " ").first ?? "") }
        case "command":
            var all = Set(Self.builtinNames).union(Self.keywords).union(functions.keys).union(aliases.keys)
            for directory in (variables["PATH"] ?? "").split(separator: ":") {
                all.formUnion((try? machine.fileSystem.listDirectory(String(directory), as: user)) ?? [])
            }
            names = all.sorted()
        case "file", "directory":
            let slash = word.lastIndex(of: "/")
            let directoryPart = slash.map { String(word[...$0]) } ?? ""
            let directory = Paths.normalize(directoryPart.isEmpty ? "." : directoryPart, relativeTo: workingDirectory)
            let entries = (try? machine.fileSystem.listDirectory(directory, as: user)) ?? []
            names = entries.sorted().filter { entry in
                action == "file" || machine.fileSystem.isDirectory(Paths.normalize(entry, relativeTo: directory))
            }.map { directoryPart + $0 }
        default: names = []
        }
        return names.filter { $0.hasPrefix(word) }
    }
}
