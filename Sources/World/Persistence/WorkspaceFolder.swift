import Foundation

/// The real workspace folder, reached only through directory descriptors one path component at
/// a time, never through a symbolic link: a link made on the host anywhere inside the folder
/// (`proj -> /etc`, `up -> ..`) cannot lead a read, a write or a removal outside it.
///
/// New contents are written to a staging folder beside the workspace and renamed into place, so
/// a kill never leaves a half-written file (or a stray temporary file) in the learner's folder.
struct WorkspaceFolder {
    let path: String
    let stagingPath: String

    /// A system call failed: `strerror`'s text, as the real tools print it.
    struct Failure: Error, CustomStringConvertible, Equatable {
        let code: Int32
        var description: String { String(cString: strerror(code)) }
    }

    init(path: String) {
        self.path = path
        self.stagingPath = path + ".staging"
    }

    // MARK: Reading

    /// The regular files under the folder by relative path (`present`), and the contents of those
    /// no larger than `sizeLimit` and with no other (hard-linked) name; symbolic links and devices
    /// are left out.
    func files(sizeLimit: Int) -> (present: Set<String>, contents: [String: [UInt8]]) {
        var result: (present: Set<String>, contents: [String: [UInt8]]) = ([], [:])
        guard let root = try? openRoot() else { return result }
        defer { close(root) }
        walk(root, "", sizeLimit: sizeLimit, into: &result)
        return result
    }

    private func walk(_ directory: Int32, _ relative: String, sizeLimit: Int,
                      into result: inout (present: Set<String>, contents: [String: [UInt8]])) {
        let listing = dup(directory)
        guard listing >= 0, let stream = fdopendir(listing) else {
            if listing >= 0 { close(listing) }
            return
        }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { buffer in
                String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name != ".", name != ".." else { continue }
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            var status = stat()
            guard fstatat(directory, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                let child = openat(directory, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard child >= 0 else { continue }
                walk(child, childRelative, sizeLimit: sizeLimit, into: &result)
                close(child)
            case S_IFREG:
                result.present.insert(childRelative)
                if let bytes = try? readFile(in: directory, name: name, sizeLimit: sizeLimit) { result.contents[childRelative] = bytes }
            default:
                continue
            }
        }
    }

    /// The contents of the regular file at `relative`; nil when it is absent, not a regular file
    /// or larger than `sizeLimit`.
    func read(_ relative: String, sizeLimit: Int) throws(Failure) -> [UInt8]? {
        let (parent, name) = try openParent(of: relative, creating: false)
        defer { close(parent) }
        return try readFile(in: parent, name: name, sizeLimit: sizeLimit)
    }

    private func readFile(in directory: Int32, name: String, sizeLimit: Int) throws(Failure) -> [UInt8]? {
        let file = openat(directory, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard file >= 0 else {
            if errno == ENOENT { return nil }
            throw Failure(code: errno)
        }
        defer { close(file) }
        var status = stat()
        guard fstat(file, &status) == 0 else { throw Failure(code: errno) }
        // A file with other names may be a hard link made on the host to a file outside the
        // folder: it is not read (writes replace the name, so they never reach it either).
        guard status.st_mode & S_IFMT == S_IFREG, status.st_nlink == 1, Int(status.st_size) <= sizeLimit else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(file, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw Failure(code: errno) }
            if count == 0 { break }
            filled += count
        }
        return Array(bytes.prefix(filled))
    }

    /// Whether a file could have this relative path here at all (no name over `NAME_MAX` bytes).
    static func canHold(_ relative: String) -> Bool {
        relative.split(separator: "/").allSatisfy { $0.utf8.count <= Int(NAME_MAX) }
    }

    // MARK: Writing

    /// Replaces the file at `relative` with `bytes`, making missing folders; a link in the way
    /// of a folder is refused (`Too many levels of symbolic links`), a link at the file itself
    /// is replaced, not followed.
    func write(_ relative: String, _ bytes: [UInt8]) throws(Failure) {
        let (parent, name) = try openParent(of: relative, creating: true)
        defer { close(parent) }
        guard mkdir(stagingPath, 0o700) == 0 || errno == EEXIST else { throw Failure(code: errno) }
        let staging = open(stagingPath, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard staging >= 0 else { throw Failure(code: errno) }
        defer { close(staging) }
        // Checked before anything is written: the rename below would report it only afterwards.
        guard name.utf8.count <= Int(NAME_MAX) else { throw Failure(code: ENAMETOOLONG) }
        let temporary = "saving-\(getpid())"
        let file = openat(staging, temporary, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard file >= 0 else { throw Failure(code: errno) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                Glibc.write(file, buffer.baseAddress! + written, buffer.count - written)
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                let code = count < 0 ? errno : ENOSPC
                close(file)
                unlinkat(staging, temporary, 0)
                throw Failure(code: code)
            }
            written += count
        }
        close(file)
        guard renameat(staging, temporary, parent, name) == 0 else {
            let code = errno
            unlinkat(staging, temporary, 0)
            throw Failure(code: code)
        }
    }

    /// Removes the file at `relative` (absent already: nothing to do). Only a regular file or a
    /// link is removed, never a folder, and never what a link points to.
    func remove(_ relative: String) throws(Failure) {
        let parent: Int32
        let name: String
        do {
            (parent, name) = try openParent(of: relative, creating: false)
        } catch {
            if error.code == ENOENT { return }
            throw error
        }
        defer { close(parent) }
        guard unlinkat(parent, name, 0) == 0 || errno == ENOENT else { throw Failure(code: errno) }
    }

    /// Removes what a killed export left in the staging folder.
    func clearStaging() {
        let staging = open(stagingPath, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard staging >= 0 else { return }
        defer { close(staging) }
        let listing = dup(staging)
        guard listing >= 0, let stream = fdopendir(listing) else { return }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { buffer in
                String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { unlinkat(staging, name, 0) }
        }
    }

    // MARK: Walking down

    private func openRoot() throws(Failure) -> Int32 {
        let root = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard root >= 0 else { throw Failure(code: errno) }
        return root
    }

    /// Opens the folder holding `relative` component by component, refusing links; returns it
    /// with the last component's name.
    private func openParent(of relative: String, creating: Bool) throws(Failure) -> (Int32, String) {
        let components = relative.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard let name = components.last, !components.contains(where: { $0 == "." || $0 == ".." }) else {
            throw Failure(code: EINVAL)
        }
        var directory = try openRoot()
        for component in components.dropLast() {
            var next = openat(directory, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0, errno == ENOENT, creating {
                guard mkdirat(directory, component, 0o755) == 0 || errno == EEXIST else {
                    let code = errno
                    close(directory)
                    throw Failure(code: code)
                }
                next = openat(directory, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            }
            guard next >= 0 else {
                // A link where a folder should be: O_NOFOLLOW with O_DIRECTORY reports ENOTDIR
                // on Linux; say what it is.
                var code = errno
                var status = stat()
                if fstatat(directory, component, &status, AT_SYMLINK_NOFOLLOW) == 0, status.st_mode & S_IFMT == S_IFLNK { code = ELOOP }
                close(directory)
                throw Failure(code: code)
            }
            close(directory)
            directory = next
        }
        return (directory, name)
    }
}
