import Foundation

/// The prompt a saved world showed last, kept beside its journal so that the next start can
/// show it before the journal has been replayed.
///
/// It is keyed by the journal's digest: a world is a pure function of its journal, so a
/// matching digest means the replayed world would show this very prompt. Any mismatch (a kill
/// between the journal's append and this file's update, an undo) only means the prompt waits
/// for the replay, as it did before this file existed. Written atomically; never trusted
/// beyond its key.
public final class RememberedPrompt {
    public let url: URL
    private var record: Record?

    private struct Record: Codable, Equatable {
        var journalDigest: String
        var prompt: String
    }

    /// Reads what is remembered at `url`, if anything readable is there.
    public init(url: URL) {
        self.url = url
        record = (try? Data(contentsOf: url)).flatMap { try? JSONDecoder().decode(Record.self, from: $0) }
    }

    /// The prompt of the world whose journal has `digest`, when that is what was remembered.
    public func prompt(forJournal digest: String?) -> String? {
        guard let digest, let record, record.journalDigest == digest else { return nil }
        return record.prompt
    }

    /// Remembers `prompt` as the prompt of the world whose journal has `digest`.
    public func remember(_ prompt: String, forJournal digest: String) {
        let new = Record(journalDigest: digest, prompt: prompt)
        guard new != record, let data = try? JSONEncoder().encode(new) else { return }
        // Losing this file costs one slower start, nothing else: replace it whole, but without
        // the wait for the disk that an atomic write adds (it would delay the first prompt).
        // (Foundation's writes force the disk even when not atomic: write through the system.)
        let temporary = url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".new").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return }
        let written = data.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        guard written == data.count, rename(temporary, url.path) == 0 else {
            unlink(temporary)
            return
        }
        record = new
    }
}
