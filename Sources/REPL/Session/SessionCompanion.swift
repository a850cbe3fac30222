/// Something that rides along a session and watches the learner work: the course.
public protocol SessionCompanion: AnyObject {
    /// Shown before the shell prompt, e.g. `[2.1 3/8] `.
    var promptPrefix: String { get }
    /// The companion's own command names, for completion.
    var commandNames: [String] { get }
    /// Called once, before the first prompt.
    func sessionDidStart(_ session: Session)
    /// Offered every command line first; returns true when the line was the companion's.
    func handle(_ line: String, in session: Session) -> Bool
    /// Called after each command line the shell ran, and after `wait`.
    func commandDidFinish(_ line: String, status: Int32, in session: Session)
}
