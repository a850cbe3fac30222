/// Byte counts as docker prints them (`github.com/docker/go-units` size.go).
public enum DockerSize {
    private static let decimalUnits = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"]
    private static let binaryUnits = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"]

    /// `HumanSizeWithPrecision`: decimal units, `precision` significant digits, no space (`660MB`, `13.3kB`).
    public static func humanSize(_ bytes: Double, precision: Int) -> String {
        let (scaled, unit) = scale(bytes, base: 1000, units: decimalUnits)
        return goFormat(scaled, significantDigits: precision) + unit
    }

    /// `HumanSize`: 4 significant digits (`2.048kB`), used in pull/push progress.
    public static func humanSize(_ bytes: Double) -> String {
        humanSize(bytes, precision: 4)
    }

    /// The 3-digit form of docker tables (`docker images`, `docker history`, `docker ps -s`).
    public static func tableSize(_ bytes: Int64) -> String {
        humanSize(Double(bytes), precision: 3)
    }

    /// `BytesSize`: binary units, 4 significant digits (`1.5MiB`), as `docker info` prints memory.
    public static func bytesSize(_ bytes: Double) -> String {
        let (scaled, unit) = scale(bytes, base: 1024, units: binaryUnits)
        return goFormat(scaled, significantDigits: 4) + unit
    }

    private static func scale(_ size: Double, base: Double, units: [String]) -> (Double, String) {
        var size = size
        var index = 0
        while size >= base && index < units.count - 1 {
            size /= base
            index += 1
        }
        return (size, units[index])
    }
}
