import Foundation
import Testing
import Machine
@testable import World

/// Escape attempts through the workspace folder: links and hard links made on the host, at every
/// depth, against every operation the mirror performs. Nothing outside the folder may be read,
/// written, removed or replaced, whatever the simulated shell does.
@Suite struct SandboxEscapeTests {
    /// Where a host-made link points.
    enum Target: String, CaseIterable, Sendable {
        case outsideFolder, parent, root, grandparent, outsideFile, journal, dangling, selfLoop
    }

    /// What the simulated side does through the link's name.
    enum Operation: String, CaseIterable, Sendable {
        case writeBeneath, writeAsLink, removeBeneath, renameBeneath, readBeneath
    }

    static let depths = ["proj", "a/proj", "a/b/proj"]

    struct Attempt: CustomTestStringConvertible, Sendable {
        var target: Target
        var operation: Operation
        var linkPath: String
        var testDescription: String { "\(operation.rawValue) via \(linkPath) -> \(target.rawValue)" }
    }

    static let attempts: [Attempt] = Target.allCases.flatMap { target in
        Operation.allCases.flatMap { operation in
            depths.map { Attempt(target: target, operation: operation, linkPath: $0) }
        }
    }

    /// A state directory with a workspace, a file outside it, and a journal beside it.
    struct Layout {
        let root: URL
        let state: URL
        let workspace: URL
        let outside: URL
        let fileSystem = FileSystem()
        let mirror: WorkspaceMirror

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("kubelab-sandbox-\(UUID().uuidString)")
            state = root.appendingPathComponent("state")
            workspace = state.appendingPathComponent("workspace")
            outside = root.appendingPathComponent("outside")
            try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
            try Data("secret".utf8).write(to: outside.appendingPathComponent("notes.txt"))
            try Data("journal".utf8).write(to: state.appendingPathComponent("world.journal"))
            try fileSystem.createDirectory("/home/learner", intermediates: true)
            mirror = WorkspaceMirror(folder: workspace, simulatedPath: "/home/learner")
        }

        /// Every file outside the workspace with its contents: must not change.
        func outsideSnapshot() -> [String: Data] {
            var result: [String: Data] = [:]
            guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return result }
            while let relative = enumerator.nextObject() as? String {
                if relative == "state/workspace" || relative.hasPrefix("state/workspace.") {
                    enumerator.skipDescendants()
                    continue
                }
                let url = root.appendingPathComponent(relative)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    result[relative] = (try? Data(contentsOf: url)) ?? Data()
                }
            }
            return result
        }

        func destination(of target: Target, linkDepth: Int) -> String {
            let up = String(repeating: "../", count: linkDepth)
            switch target {
            case .outsideFolder: return outside.path
            case .parent: return up + ".."
            case .root: return "/"
            case .grandparent: return up + "../.."
            case .outsideFile: return outside.appendingPathComponent("notes.txt").path
            case .journal: return up + "../world.journal"
            case .dangling: return outside.appendingPathComponent("missing").path
            case .selfLoop: return "proj"
            }
        }

        func makeLink(at relative: String, to target: Target) throws {
            let url = workspace.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let depth = relative.split(separator: "/").count - 1
            try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: destination(of: target, linkDepth: depth))
        }

        func write(_ relative: String, _ text: String) throws {
            let path = "/home/learner/" + relative
            try fileSystem.createDirectory(Paths.parent(path), intermediates: true)
            try fileSystem.writeFile(path, Array(text.utf8))
        }
    }

    @Test(arguments: attempts)
    func nothingOutsideTheWorkspaceIsReachable(_ attempt: Attempt) throws {
        let layout = try Layout()
        defer { try? FileManager.default.removeItem(at: layout.root) }
        let before = layout.outsideSnapshot()
        let link = attempt.linkPath
        switch attempt.operation {
        case .writeBeneath:
            try layout.makeLink(at: link, to: attempt.target)
            try layout.write(link + "/notes.txt", "overwritten")
            try layout.write(link + "/world.journal", "overwritten")
            let failures = layout.mirror.export(from: layout.fileSystem)
            #expect(!failures.isEmpty)
            // Reported once: a second export with nothing new says nothing again.
            #expect(layout.mirror.export(from: layout.fileSystem).isEmpty)
        case .writeAsLink:
            try layout.makeLink(at: link, to: attempt.target)
            try layout.write(link, "replaced")
            layout.mirror.export(from: layout.fileSystem)
            let real = layout.workspace.appendingPathComponent(link)
            #expect(try String(contentsOf: real, encoding: .utf8) == "replaced")
            #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: real.path)) == nil)
        case .removeBeneath, .renameBeneath:
            // Mirrored while `proj` was a real folder; the host then swaps it for a link.
            try layout.write(link + "/notes.txt", "mine")
            layout.mirror.export(from: layout.fileSystem)
            try FileManager.default.removeItem(at: layout.workspace.appendingPathComponent(link))
            try layout.makeLink(at: link, to: attempt.target)
            if attempt.operation == .renameBeneath {
                try layout.fileSystem.move("/home/learner/" + link + "/notes.txt", to: "/home/learner/" + link + "/renamed.txt")
            } else {
                try layout.fileSystem.remove("/home/learner/" + link + "/notes.txt")
            }
            layout.mirror.export(from: layout.fileSystem)
        case .readBeneath:
            try layout.makeLink(at: link, to: attempt.target)
            let edits = layout.mirror.externalEdits()
            #expect(edits.isEmpty, "read through a link: \(edits.map(\.path))")
        }
        #expect(layout.outsideSnapshot() == before)
        // And nothing came in through the link.
        #expect(layout.mirror.externalEdits().allSatisfy { $0.contents == nil || !$0.path.hasPrefix(link + "/") })
    }

    @Test func theAttemptsNumberAtLeastAHundred() {
        #expect(Self.attempts.count >= 100)
    }

    @Test func aHostHardLinkIsReplacedNotWrittenThrough() throws {
        let layout = try Layout()
        defer { try? FileManager.default.removeItem(at: layout.root) }
        let inside = layout.workspace.appendingPathComponent("notes.txt")
        try FileManager.default.linkItem(at: layout.outside.appendingPathComponent("notes.txt"), to: inside)
        layout.mirror.assumeExported(layout.fileSystem)
        #expect(layout.mirror.externalEdits().isEmpty, "read through a hard link")
        try layout.write("notes.txt", "learner's")
        #expect(layout.mirror.export(from: layout.fileSystem).isEmpty)
        #expect(try String(contentsOf: inside, encoding: .utf8) == "learner's")
        #expect(try String(contentsOf: layout.outside.appendingPathComponent("notes.txt"), encoding: .utf8) == "secret")
    }

    @Test func aWorkspaceFolderThatIsItselfALinkIsNotUsed() throws {
        let layout = try Layout()
        defer { try? FileManager.default.removeItem(at: layout.root) }
        try FileManager.default.removeItem(at: layout.workspace)
        try FileManager.default.createSymbolicLink(at: layout.workspace, withDestinationURL: layout.outside)
        try layout.write("notes.txt", "overwritten")
        #expect(!layout.mirror.export(from: layout.fileSystem).isEmpty)
        #expect(layout.mirror.externalEdits().isEmpty)
        #expect(try String(contentsOf: layout.outside.appendingPathComponent("notes.txt"), encoding: .utf8) == "secret")
    }

    @Test(arguments: ["../../etc/passwd", "../outside", "/etc/passwd", "a/../../x", ".."])
    func editsNamingPathsOutsideTheHomeAreIgnored(_ path: String) throws {
        let fileSystem = FileSystem()
        try fileSystem.createDirectory("/home/learner", intermediates: true)
        let learner = Credentials(uid: 1000, gid: 1000, userName: "learner", home: "/home/learner")
        let before = fileSystem.exists("/etc/passwd")
        WorkspaceMirror.apply(path: path, contents: Array("x".utf8), to: fileSystem, home: "/home/learner", owner: learner)
        #expect(fileSystem.exists("/etc/passwd") == before)
        #expect(!fileSystem.exists("/home/outside"))
        #expect(!fileSystem.exists("/x"))
    }
}
