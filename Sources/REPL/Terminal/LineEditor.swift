import CLibEdit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Interactive line input through libedit: emacs key bindings, history kept in a
/// file (Up recalls earlier sessions, Ctrl-R searches), Tab completion, and
/// Ctrl-C to cancel the line being typed. Use only when stdin and stdout are terminals.
public final class LineEditor: LineReading {
    private let editLine: OpaquePointer
    private let history: EditLineHistory
    private let completer: Completer?
    /// The C string libedit's prompt callback hands out; it must outlive each `el_gets`.
    private var promptText: UnsafeMutablePointer<CChar>?
    /// What to do while no key is waiting (see `doWhileWaiting`).
    private var idleWork: (() -> Bool)?

    /// Returns nil if libedit cannot be set up (then read with `BufferedLineReader`).
    ///
    /// - Parameters:
    ///   - historyFile: where history is loaded from and saved to; nil keeps it in memory.
    ///   - historyLimit: the most lines the history keeps.
    ///   - completer: what Tab completes with; nil leaves Tab inserting nothing.
    public init?(historyFile: String?, historyLimit: Int = 1000, completer: Completer?) {
        kubelab_use_environment_locale()
        guard let history = EditLineHistory(file: historyFile, limit: historyLimit) else { return nil }
        guard let editLine = kubelab_el_init("kubelab") else { return nil }
        self.editLine = editLine
        self.history = history
        self.completer = completer

        // libedit reads the prompt through a callback and cannot handle a null one.
        setPrompt("")
        InterruptFlag.installSignalHandler()
        ResizeFlag.installSignalHandler()
        _ = kubelab_el_set_client_data(editLine, Unmanaged.passUnretained(self).toOpaque())
        _ = kubelab_el_set_editor(editLine, "emacs")
        _ = kubelab_el_set_history(editLine, history.state)
        _ = kubelab_el_set_prompt(editLine, { editLine in
            guard let editLine, let editor = LineEditor.owner(of: editLine) else { return nil }
            return editor.promptText
        }, CChar(PromptEscapes.marker.asciiValue ?? 1))
        _ = kubelab_el_bind(editLine, "^R", "em-inc-search-prev")
        _ = kubelab_el_add_function(editLine, "kubelab-complete", "Complete the word before the cursor", { editLine, _ in
            guard let editLine, let editor = LineEditor.owner(of: editLine) else { return UInt8(CC_ERROR) }
            return editor.completeWordBeforeCursor()
        })
        _ = kubelab_el_bind(editLine, "^I", "kubelab-complete")
        installReadFunction()
    }

    /// Keys are read here rather than by libedit, so that a resize while editing redraws the
    /// line for the new width (libedit is not told about SIGWINCH), and so that a saved world
    /// can replay while the learner is at the prompt (`doWhileWaiting`).
    private func installReadFunction() {
        _ = kubelab_el_set_read_function(editLine) { editLine, character in
            guard let editLine, let character, let editor = LineEditor.owner(of: editLine) else { return -1 }
            return editor.readKeyWorkingMeanwhile(into: character)
        }
    }

    deinit {
        el_end(editLine)
        history.save()
        promptText?.deallocate()
    }

    /// Keeps `prompt` as a C string for the prompt callback until the next prompt.
    private func setPrompt(_ prompt: String) {
        promptText?.deallocate()
        let bytes = Array(prompt.utf8CString)
        let text = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
        text.initialize(from: bytes, count: bytes.count)
        promptText = text
    }

    /// The editor a libedit callback belongs to, found through `EL_CLIENTDATA`
    /// because C callbacks cannot capture context.
    private static func owner(of editLine: OpaquePointer) -> LineEditor? {
        guard let data = kubelab_el_client_data(editLine) else { return nil }
        return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
    }

    /// Shows `prompt` (colour escapes and CJK text allowed) and lets the user edit a line.
    ///
    /// After `.endOfFile` the cursor is still on the prompt's line; after `.interrupted`
    /// "^C" and a newline have been printed.
    public func readLine(prompt: String) -> LineInput {
        setPrompt(PromptEscapes.marked(prompt))
        InterruptFlag.reset()
        // libedit is not told about SIGWINCH; pick up any resize before editing.
        el_resize(editLine)

        var count: Int32 = 0
        var error: Int32 = 0
        var raw = kubelab_el_gets(editLine, &count, &error)
        // Another signal with a handler (not Ctrl-C) also breaks the read; edit again.
        while raw == nil, error == EINTR, !InterruptFlag.isSet {
            raw = kubelab_el_gets(editLine, &count, &error)
        }
        guard let raw else {
            if error == EINTR {
                InterruptFlag.reset()
                // Step over the rest of the line so "^C" does not overwrite it.
                kubelab_write_output(textAfterCursor() + "^C\n")
                return .interrupted
            }
            return .endOfFile
        }
        var line = String(cString: raw)
        if line.hasSuffix("\n") {
            line.removeLast()
        }
        return .line(line)
    }

    /// Reads a line with the terminal's echo off (a password): the command printed its prompt
    /// and prints the newline itself, as `docker login` does after `term.DisableEcho`.
    public func readSecret(prompt: String) -> LineInput {
        InterruptFlag.reset()
        var saved = termios()
        let isTerminal = tcgetattr(STDIN_FILENO, &saved) == 0
        if isTerminal {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            quiet.c_lflag |= tcflag_t(ICANON | ISIG)
            tcsetattr(STDIN_FILENO, TCSANOW, &quiet)
        }
        defer { if isTerminal { tcsetattr(STDIN_FILENO, TCSANOW, &saved) } }
        var bytes: [UInt8] = []
        while true {
            var byte: UInt8 = 0
            let count = read(STDIN_FILENO, &byte, 1)
            if count < 0 {
                guard errno == EINTR else { return .endOfFile }
                if InterruptFlag.isSet {
                    InterruptFlag.reset()
                    kubelab_write_output("^C\n")
                    return .interrupted
                }
                continue
            }
            if count == 0 { return bytes.isEmpty ? .endOfFile : .line(String(decoding: bytes, as: UTF8.self)) }
            if byte == UInt8(ascii: "\n") { return .line(String(decoding: bytes, as: UTF8.self)) }
            bytes.append(byte)
        }
    }

    /// Adds the line to the history and saves at once, so a kill loses nothing.
    public func addToHistory(_ line: String) {
        history.add(line)
        history.save()
    }

    public func saveHistory() {
        history.save()
    }

    public var historyEntries: [String] {
        history.entries
    }

    public func replaceHistory(with entries: [String]) {
        history.replaceEntries(with: entries)
        history.save()
    }

    /// The `^I` binding: inserts the completion of the word before the cursor, or,
    /// when several candidates leave nothing to insert, lists them below the line.
    private func completeWordBeforeCursor() -> UInt8 {
        guard let completer, let info = el_line(editLine)?.pointee else { return UInt8(CC_ERROR) }
        let lineLength = info.lastchar - info.buffer
        let cursorOffset = info.cursor - info.buffer
        let bytes = UnsafeBufferPointer(start: info.buffer, count: max(0, lineLength))
            .map { UInt8(bitPattern: $0) }
        let line = String(decoding: bytes, as: UTF8.self)
        let cursor = String(decoding: bytes.prefix(max(0, cursorOffset)), as: UTF8.self).count

        let completion = completer.complete(CompletionRequest(line: line, cursor: cursor))
        if completion.insertsText {
            // libedit counts code points, not grapheme clusters.
            el_deletestr(editLine, Int32(completion.replacedText.unicodeScalars.count))
            guard el_insertstr(editLine, completion.replacement) == 0 else { return UInt8(CC_REFRESH_BEEP) }
            return UInt8(CC_REFRESH)
        }
        guard completion.candidates.count > 1 else { return UInt8(CC_REFRESH_BEEP) }
        if completion.candidates.count > Self.listingQueryThreshold {
            // Like bash, ask before flooding the screen with thousands of pod names.
            kubelab_write_output("\nDisplay all \(completion.candidates.count) possibilities? (y or n)")
            var answer: CChar = 0
            let confirmed = el_getc(editLine, &answer) == 1 && "yY ".utf8.contains(UInt8(bitPattern: answer))
            guard confirmed else {
                kubelab_write_output("\n")
                return UInt8(CC_REDISPLAY)
            }
        }
        let listing = CompletionListing.columns(completion.displayedCandidates, width: Terminal.width)
        kubelab_write_output("\n" + listing)
        return UInt8(CC_REDISPLAY)
    }

    // MARK: Working while waiting for keys

    /// Reads keys through `readKeyWorkingMeanwhile` until `work` is done; then libedit reads
    /// them itself again. Everything stays on this one thread: the work runs between keys.
    public func doWhileWaiting(_ work: @escaping () -> Bool) {
        idleWork = work
    }

    /// libedit's read of one character, with the wait for it spent on the idle work. Ctrl-C
    /// during the work cancels the line as it does during a wait.
    private func readKeyWorkingMeanwhile(into character: UnsafeMutablePointer<wchar_t>) -> Int32 {
        while let work = idleWork, kubelab_input_waiting(STDIN_FILENO) == 0 {
            if InterruptFlag.isSet {
                errno = EINTR
                return -1
            }
            if !work() { idleWork = nil }
        }
        while true {
            let result = Self.readCharacter(from: STDIN_FILENO, into: character)
            guard result < 0, errno == EINTR, !InterruptFlag.isSet, ResizeFlag.consume() else { return result }
            // The terminal reflowed what it shows itself; libedit lays out the next change
            // at the new width (redrawing now would print the prompt a second time).
            el_resize(editLine)
        }
    }

    /// Reads one character as libedit's own reader does: a byte at a time until the locale's
    /// multi-byte decoding completes one; 1 for a character, 0 at end of input, -1 on error.
    static func readCharacter(from descriptor: Int32, into character: UnsafeMutablePointer<wchar_t>) -> Int32 {
        var bytes: [CChar] = []
        while true {
            var byte: CChar = 0
            let count = read(descriptor, &byte, 1)
            if count < 0 {
                character.pointee = 0
                return -1
            }
            if count == 0 {
                character.pointee = 0
                return 0
            }
            bytes.append(byte)
            decoding: while !bytes.isEmpty {
                var state = mbstate_t()
                let decoded = bytes.withUnsafeBufferPointer { mbrtowc(character, $0.baseAddress, $0.count, &state) }
                switch decoded {
                case -1:
                    // An invalid sequence: keep only its last byte, which may begin a character.
                    bytes = bytes.count > 1 ? [bytes[bytes.count - 1]] : []
                case -2:
                    guard bytes.count < Int(MB_LEN_MAX) else {
                        errno = EILSEQ
                        character.pointee = 0
                        return -1
                    }
                    break decoding // incomplete: read the next byte
                default:
                    return 1
                }
            }
        }
    }

    /// How many candidates a listing shows without asking first (bash's default).
    private static let listingQueryThreshold = 100

    /// The part of the line being edited that lies right of the cursor.
    private func textAfterCursor() -> String {
        guard let info = el_line(editLine)?.pointee, info.cursor < info.lastchar else { return "" }
        let bytes = UnsafeBufferPointer(start: info.cursor, count: info.lastchar - info.cursor)
            .map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
