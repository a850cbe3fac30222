import Foundation
import Docker
import Formatting
import Simulation

/// How the CLI prints durations, sizes and timestamps (durations and sizes from `Formatting`).
enum HumanUnits {
    static func duration(_ elapsed: Duration) -> String {
        DockerDuration.human(elapsed)
    }

    static func size(_ bytes: Int, precision: Int = 3) -> String {
        DockerSize.humanSize(Double(bytes), precision: precision)
    }

    /// Go's RFC3339Nano with a fixed nine-digit fraction, as `docker logs -t` prints.
    static func timestamp(_ instant: VirtualInstant) -> String {
        CivilTime(instant).rfc3339NanoFixed
    }
}
