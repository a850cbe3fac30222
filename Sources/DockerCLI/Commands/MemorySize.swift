/// Sizes as `docker run -m` reads them (go-units `RAMInBytes`): `64m`, `1g`, `512k`, `100b`,
/// powers of 1024, letters in either case.
public enum MemorySize {
    public static func bytes(parsing text: String) -> Int64? {
        let lowered = text.lowercased()
        var number = lowered
        var unit: Int64 = 1
        for (suffixes, scale) in [(["kb", "k"], Int64(1) << 10), (["mb", "m"], Int64(1) << 20), (["gb", "g"], Int64(1) << 30),
                                  (["tb", "t"], Int64(1) << 40), (["b"], Int64(1))] {
            if let suffix = suffixes.first(where: { lowered.hasSuffix($0) }) {
                number = String(lowered.dropLast(suffix.count))
                unit = scale
                break
            }
        }
        guard let value = Double(number), value >= 0, value.isFinite else { return nil }
        let bytes = value * Double(unit)
        guard bytes < 9e18 else { return nil }
        return Int64(bytes)
    }
}
