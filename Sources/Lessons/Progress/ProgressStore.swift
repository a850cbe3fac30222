import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps `progress.json` in the state directory. Every save replaces the file atomically
/// (a temporary file, flushed, then renamed over it), so a crash or `kill -9` leaves either the
/// old progress or the new, never half of one. A file that cannot be read is set aside as
/// `progress.json.corrupt-<n>` and reported, never silently replaced.
public final class ProgressStore {
    public let url: URL

    /// Why a progress file could not be used.
    public struct Unreadable: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var reason: String
        public var description: String { "\(path) is not a KubeLab progress file (\(reason))" }
    }

    /// What loading found: the progress, and a message for the learner when the file was damaged.
    public struct Loaded: Sendable {
        public var progress: CourseProgress
        /// Set when the file was damaged and set aside.
        public var notice: String?
    }

    /// A store for `progress.json` in `directory`.
    public init(directory: URL) {
        self.url = directory.appendingPathComponent("progress.json")
    }

    /// Reads the progress (fresh progress when there is none). A damaged file is renamed to
    /// `progress.json.corrupt-<n>` and the returned notice says so.
    public func load() throws -> Loaded {
        guard FileManager.default.fileExists(atPath: url.path) else { return Loaded(progress: CourseProgress()) }
        let data = try Data(contentsOf: url)
        let unreadable: Unreadable
        do {
            return Loaded(progress: try Self.decode(data, path: url.path))
        } catch {
            unreadable = error
        }
        let aside = try setAside()
        let notice = "kubelab: your progress file could not be read (\(unreadable.reason)); it was kept as \(aside.path) and the course starts afresh."
        return Loaded(progress: CourseProgress(), notice: notice)
    }

    /// Saves `progress` atomically.
    public func save(_ progress: CourseProgress) throws {
        try Self.writeAtomically(Self.encode(progress), to: url)
    }

    /// Writes the saved progress to `destination` (to move it to another machine).
    public func export(to destination: URL) throws {
        let progress = try load().progress
        try Self.writeAtomically(Self.encode(progress), to: destination)
    }

    /// Replaces the progress with the one in `source`, which is checked first: a file that is
    /// not progress throws and changes nothing. Journal positions belong to the other
    /// machine's world and are dropped.
    @discardableResult
    public func `import`(from source: URL) throws -> CourseProgress {
        let data = try Data(contentsOf: source)
        var progress = try Self.decode(data, path: source.path)
        progress.stepStartPositions = []
        try save(progress)
        return progress
    }

    // MARK: Encoding

    static func encode(_ progress: CourseProgress) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(progress)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    static func decode(_ data: Data, path: String) throws(Unreadable) -> CourseProgress {
        let progress: CourseProgress
        do {
            progress = try JSONDecoder().decode(CourseProgress.self, from: data)
        } catch {
            throw Unreadable(path: path, reason: Self.reason(for: error))
        }
        guard progress.version == 1 else { throw Unreadable(path: path, reason: "format version \(progress.version) is unknown") }
        guard progress.currentStep >= 0, progress.stepStartPositions.allSatisfy({ $0 >= 0 }) else {
            throw Unreadable(path: path, reason: "negative positions")
        }
        return progress
    }

    private static func reason(for error: any Error) -> String {
        switch error as? DecodingError {
        case .dataCorrupted: "not valid JSON"
        case .keyNotFound(let key, _): "\"\(key.stringValue)\" is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            "\"\(context.codingPath.map(\.stringValue).joined(separator: "."))\" has the wrong type"
        default: "not valid JSON"
        }
    }

    /// Renames the damaged file to the first free `progress.json.corrupt-<n>`.
    private func setAside() throws -> URL {
        let manager = FileManager.default
        var number = 1
        while true {
            let aside = url.deletingLastPathComponent().appendingPathComponent(url.lastPathComponent + ".corrupt-\(number)")
            if !manager.fileExists(atPath: aside.path) {
                try manager.moveItem(at: url, to: aside)
                return aside
            }
            number += 1
        }
    }

    /// Writes a temporary file beside `destination`, flushes it to disk, and renames it over
    /// `destination` (rename is atomic within a file system).
    static func writeAtomically(_ data: Data, to destination: URL) throws {
        let manager = FileManager.default
        let directory = destination.deletingLastPathComponent()
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(".\(destination.lastPathComponent).tmp-\(getpid())")
        guard manager.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
            guard rename(temporary.path, destination.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination.path])
            }
        } catch {
            try? manager.removeItem(at: temporary)
            throw error
        }
    }
}
