import Formatting
import Simulation

/// Cell formats several kinds' rows share, as kubectl 1.8's printers wrote them.
public enum TableCells {
    /// The AGE cell: `5s`, `3m`, `<unknown>`.
    public static func age(_ timestamp: Timestamp?, now: VirtualInstant) -> String {
        guard let timestamp else { return "<unknown>" }
        return KubernetesDuration.short(now - timestamp.instant)
    }

    /// `<none>` for an empty value.
    public static func nonEmpty(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return "<none>" }
        return text
    }

    /// The CONTAINERS and IMAGES cells of a workload's wide row.
    public static func containerCells(_ spec: PodSpec?) -> [String] {
        let containers = spec?.containers ?? []
        return [containers.map(\.name).joined(separator: ","), containers.map { $0.image ?? "" }.joined(separator: ",")]
    }
}
