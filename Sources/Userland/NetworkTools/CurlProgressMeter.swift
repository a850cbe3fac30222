import Kernel

/// curl's progress meter, which it writes to stderr when the body does not go to a terminal.
/// Its numbers come from the virtual clock; a transfer that took no virtual time counts as one
/// millisecond, as the quickest real transfers show.
struct CurlProgressMeter {
    static let header = """
          % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current
                                         Dload  Upload   Total   Spent    Left  Speed

        """

    /// The line shown before anything moved.
    static let initialLine = line(downloaded: 0, expectedDownload: nil, uploaded: 0, expectedUpload: nil, elapsed: .zero)

    /// One `\r`-led meter line, as curl's `progress.c` lays it out.
    static func line(downloaded: Int, expectedDownload: Int?, uploaded: Int, expectedUpload: Int?, elapsed: Duration) -> String {
        let moved = downloaded + uploaded > 0
        let seconds = max(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, moved ? 0.001 : 0)
        let downloadSpeed = seconds > 0 ? Int(Double(downloaded) / seconds) : 0
        let uploadSpeed = seconds > 0 ? Int(Double(uploaded) / seconds) : 0
        let totalExpected = (expectedUpload ?? uploaded) + (expectedDownload ?? downloaded)
        let transferred = downloaded + uploaded
        let totalPercent = totalExpected > 10_000 ? transferred / (totalExpected / 100) : totalExpected > 0 ? transferred * 100 / totalExpected : 0
        let downloadPercent = percent(downloaded, of: expectedDownload)
        let uploadPercent = percent(uploaded, of: expectedUpload)
        var estimate = 0
        if let expectedDownload, downloadSpeed > 100 { estimate = max(estimate, expectedDownload / downloadSpeed) }
        if let expectedUpload, uploadSpeed > 100 { estimate = max(estimate, expectedUpload / uploadSpeed) }
        let spent = Int(seconds)
        let total = estimate > 0 ? time(estimate) : "--:--:--"
        let left = estimate > 0 ? time(estimate - spent) : "--:--:--"
        return "\r\(pad(totalPercent, 3)) \(compact(totalExpected))  \(pad(downloadPercent, 3)) \(compact(downloaded))  "
            + "\(pad(uploadPercent, 3)) \(compact(uploaded))  \(compact(downloadSpeed))  \(compact(uploadSpeed)) "
            + "\(total) \(time(spent)) \(left) \(compact(max(downloadSpeed, uploadSpeed)))"
    }

    private static func percent(_ done: Int, of expected: Int?) -> Int {
        guard let expected, expected > 0 else { return 0 }
        return expected > 10_000 ? done / (expected / 100) : done * 100 / expected
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        padLeft(String(value), width)
    }

    /// A byte count in at most five characters: `  612`, ` 597k`, `12.3M`.
    static func compact(_ bytes: Int) -> String {
        let kilobyte = 1024, megabyte = 1024 * 1024
        if bytes < 100_000 { return pad(bytes, 5) }
        if bytes < 10_000 * kilobyte { return pad(bytes / kilobyte, 4) + "k" }
        if bytes < 100 * megabyte { return pad(bytes / megabyte, 2) + "." + String((bytes % megabyte) / (megabyte / 10)) + "M" }
        if bytes < 10_000 * megabyte { return pad(bytes / megabyte, 4) + "M" }
        return pad(bytes / (1024 * megabyte), 4) + "G"
    }

    /// `H:MM:SS` in eight characters, or dashes for nothing.
    static func time(_ seconds: Int) -> String {
        guard seconds > 0 else { return "--:--:--" }
        let hours = seconds / 3600, minutes = seconds % 3600 / 60, rest = seconds % 60
        if hours > 99 { return pad(hours / 24, 3) + "d " + pad(hours % 24, 2) + "h" }
        return pad(hours, 2) + ":" + (minutes < 10 ? "0" : "") + String(minutes) + ":" + (rest < 10 ? "0" : "") + String(rest)
    }
}
