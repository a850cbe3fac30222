/// Textual path arithmetic: joining, `.` and `..`, components. No symbolic links are followed.
public enum Paths {
    /// The absolute, normalized form of `path` taken relative to `directory`.
    public static func normalize(_ path: String, relativeTo directory: String = "/") -> String {
        let start = path.hasPrefix("/") ? [] : components(of: directory)
        var result: [String] = start
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": if !result.isEmpty { result.removeLast() }
            default: result.append(String(component))
            }
        }
        return "/" + result.joined(separator: "/")
    }

    /// The names along an absolute path, without empty ones: `/a/b/` → `["a", "b"]`.
    public static func components(of path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    /// The last name of `path` (`/` for the root), as `basename` prints it.
    public static func lastComponent(_ path: String) -> String {
        components(of: path).last ?? "/"
    }

    /// The directory that holds `path`, as `dirname` prints it.
    public static func parent(_ path: String) -> String {
        var parts = components(of: path)
        guard !parts.isEmpty else { return "/" }
        parts.removeLast()
        if parts.isEmpty { return path.hasPrefix("/") ? "/" : "." }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }

    /// `directory` and `name` joined with one slash.
    public static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
