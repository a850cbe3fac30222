import Foundation
import Testing

/// Escape attempts through links made on the host inside the workspace folder: the learner's
/// commands run in `kubelab sandbox` and must neither read nor write anything outside.
///
/// Each line of a session is one attempt; it writes a marker naming itself (`pwned-…`), so a
/// failure shows which attempt got through.
@Suite("Sandbox: host links in the workspace", .serialized)
struct WorkspaceLinkEscapeTests {
    /// A link made on the host, and the simulated path that goes through it.
    struct HostLink: CustomTestStringConvertible, Sendable {
        let name: String
        let make: @Sendable (HostFixture) throws -> Void
        /// The path, relative to the learner's home, that goes through the link.
        let path: @Sendable (HostFixture) -> String
        var testDescription: String { name }
    }

    static let directoryLinks: [HostLink] = [
        HostLink(name: "symlink to an outside folder", make: { try $0.symlink("proj", to: $0.outside.appendingPathComponent("dir").path) }, path: { _ in "proj" }),
        HostLink(name: "relative symlink to an outside folder", make: { try $0.symlink("rel", to: "../../outside/dir") }, path: { _ in "rel" }),
        HostLink(name: "symlink to the state directory", make: { try $0.symlink("up", to: "..") }, path: { _ in "up" }),
        HostLink(name: "symlink to /", make: { try $0.symlink("slash", to: "/") }, path: { "slash" + $0.outside.appendingPathComponent("dir").path }),
        HostLink(name: "chain of symlinks", make: { try $0.symlink("a", to: "b"); try $0.symlink("b", to: $0.outside.appendingPathComponent("dir").path) }, path: { _ in "a" }),
        HostLink(name: "symlink in a subfolder", make: { try $0.symlink("sub/link", to: $0.outside.appendingPathComponent("dir").path) }, path: { _ in "sub/link" }),
    ]

    /// Reads through the link: must fail or read the simulated side, never the host file.
    static let readAttempts = [
        "cat {P}/inner.txt", "ls -la {P}/", "cp {P}/inner.txt copy-read.txt && cat copy-read.txt", "head -c 100 {P}/inner.txt",
        "grep -r OUTSIDE {P}/", "wc -c {P}/inner.txt", "find {P} -type f", "tar cf - {P} 2>&1 | head -c 300",
    ]
    /// Writes, deletes and renames through the link: must not reach the host folder.
    static let writeAttempts = [
        "mkdir -p {P} && echo pwned-write > {P}/inner.txt", "mkdir -p {P} && echo pwned-append >> {P}/inner.txt",
        "mkdir -p {P} && echo pwned-new > {P}/new.txt", "mkdir -p {P}/sub && echo pwned-deep > {P}/sub/deep.txt",
        "mkdir -p {P} && touch {P}/pwned-touched.txt", "echo pwned-mv > m.txt && mkdir -p {P} && mv m.txt {P}/moved.txt",
        "mkdir -p {P} && printf pwned-tee | tee {P}/tee.txt", "mkdir -p {P} && echo pwned-then-rm > {P}/inner.txt; rm -f {P}/inner.txt",
        "rm -rf {P}",
    ]

    static func attempt(_ link: HostLink, _ commands: [String], allowsReading: Bool = false) throws {
        let fixture = try HostFixture("link")
        try link.make(fixture)
        let path = link.path(fixture)
        let script = commands.map { $0.replacingOccurrences(of: "{P}", with: path) }.joined(separator: "\n") + "\nexit\n"
        let result = try KubeLabRun.run(["sandbox", "--home", fixture.state.path], input: script)
        #expect(result.signal == nil, "kubelab crashed or hung: \(result.output.suffix(500))")
        #expect(fixture.escapes() == [], "through \(link.name)")
        if !allowsReading {
            #expect(!result.output.contains(HostFixture.secretMarker), "read through \(link.name): \(result.output.suffix(800))")
        }
    }

    @Test(arguments: directoryLinks)
    func readsThroughDirectoryLinks(_ link: HostLink) throws {
        try Self.attempt(link, Self.readAttempts)
    }

    @Test(arguments: directoryLinks)
    func writesThroughDirectoryLinks(_ link: HostLink) throws {
        try Self.attempt(link, Self.writeAttempts)
    }

    static let fileLinks: [HostLink] = [
        HostLink(name: "symlink to an outside file", make: { try $0.symlink("secret.txt", to: $0.outside.appendingPathComponent("secret.txt").path) }, path: { _ in "secret.txt" }),
        HostLink(name: "dangling symlink to an outside path", make: { try $0.symlink("later.txt", to: $0.outside.appendingPathComponent("later.txt").path) }, path: { _ in "later.txt" }),
        HostLink(name: "symlink loop", make: { try $0.symlink("loop", to: "loop") }, path: { _ in "loop" }),
        HostLink(name: "symlink to the journal", make: { try $0.symlink("journal", to: "../world.journal") }, path: { _ in "journal" }),
    ]

    /// Every kind of access to a file through the link.
    static let fileAttempts = [
        "cat {P}", "cp {P} copy.txt && cat copy.txt", "echo pwned-write > {P}", "echo pwned-append >> {P}", ": > {P}", "rm -f {P}",
        "echo pwned-mv-in > m.txt && mv m.txt {P}", "mv {P} moved.txt && cat moved.txt", "chmod 000 {P}", "ln -sf /etc/passwd {P}", "touch {P}",
    ]

    @Test(arguments: fileLinks)
    func accessThroughFileLinks(_ link: HostLink) throws {
        try Self.attempt(link, Self.fileAttempts)
    }

    /// A hard link is the same file inside and out: reading it is reading the workspace, but
    /// KubeLab writes files whole (a new file renamed over), so the outside name keeps its contents.
    @Test func writesThroughAHardLink() throws {
        let link = HostLink(name: "hard link to an outside file",
                            make: { try $0.hardLink("hard.txt", to: $0.outside.appendingPathComponent("secret.txt")) }, path: { _ in "hard.txt" })
        try Self.attempt(link, ["cat {P}", "echo pwned-write > {P}", "echo pwned-append >> {P}", ": > {P}", "chmod 000 {P}", "rm -f {P}"], allowsReading: true)
    }
}
