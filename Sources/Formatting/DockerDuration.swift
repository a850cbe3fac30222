/// Durations as docker prints them (`github.com/docker/go-units` duration.go).
public enum DockerDuration {
    /// `HumanDuration`: `Less than a second`, `1 second`, `5 seconds`, `About a minute`, `About an hour`, `3 days` …
    public static func human(_ duration: Duration) -> String {
        let nanoseconds = KubernetesDuration.totalNanoseconds(duration)
        let seconds = nanoseconds / 1_000_000_000
        if seconds < 1 { return "Less than a second" }
        if seconds == 1 { return "1 second" }
        if seconds < 60 { return "\(seconds) seconds" }
        let minutes = seconds / 60
        if minutes == 1 { return "About a minute" }
        if minutes < 60 { return "\(minutes) minutes" }
        // Hours are rounded to nearest here, unlike every other unit.
        let hours = Int64(Double(nanoseconds) / 3_600_000_000_000 + 0.5)
        if hours == 1 { return "About an hour" }
        if hours < 48 { return "\(hours) hours" }
        if hours < 24 * 7 * 2 { return "\(hours / 24) days" }
        if hours < 24 * 30 * 2 { return "\(hours / 24 / 7) weeks" }
        if hours < 24 * 365 * 2 { return "\(hours / 24 / 30) months" }
        return "\(nanoseconds / 3_600_000_000_000 / 24 / 365) years"
    }

    /// The CREATED column and `Exited (0) … ago`: `2 minutes ago`, `About an hour ago`.
    public static func ago(_ duration: Duration) -> String {
        human(duration) + " ago"
    }

    /// The STATUS of a running container: `Up 5 minutes`, `Up Less than a second`.
    public static func up(_ duration: Duration) -> String {
        "Up " + human(duration)
    }
}
