@testable import KubernetesAPI
import Simulation
import Testing

struct QuantityTests {
    @Test(arguments: [
        ("100m", "100m", 100), ("1000m", "1", 1000), (".65", "650m", 650), ("0.5", "500m", 500), ("2", "2", 2000),
        ("128Mi", "128Mi", 134_217_728_000), ("1Gi", "1Gi", 1_073_741_824_000), ("1024Mi", "1Gi", 1_073_741_824_000),
        ("1536Mi", "1536Mi", 1_610_612_736_000), ("100Ki", "100Ki", 102_400_000), ("1.5Gi", "1536Mi", 1_610_612_736_000),
        ("0", "0", 0), ("1500000", "1500k", 1_500_000_000), ("1e3", "1e3", 1_000_000), ("15m", "15m", 15), ("500Gi", "500Gi", 536_870_912_000_000),
    ] as [(String, String, Int64)])
    func parsesAndPrintsCanonically(input: String, canonical: String, milli: Int64) throws {
        let quantity = try Quantity(parsing: input)
        #expect(quantity.milliValue == milli)
        #expect(quantity.description == canonical)
    }

    @Test(arguments: ["", "abc", "1.2.3", "12Q", "m"])
    func rejectsMalformedText(input: String) {
        #expect(throws: QuantityError.self) { try Quantity(parsing: input) }
    }

    @Test func intOrStringScalesPercentages() {
        #expect(IntOrString.string("25%").scaledValue(total: 3, roundUp: true) == 1)
        #expect(IntOrString.string("25%").scaledValue(total: 3, roundUp: false) == 0)
        #expect(IntOrString.int(2).scaledValue(total: 3, roundUp: false) == 2)
    }

    @Test(arguments: [
        (Int64(1_520_326_800), "2018-03-06T09:00:00Z"), (Int64(0), "1970-01-01T00:00:00Z"), (Int64(951_782_400), "2000-02-29T00:00:00Z"),
    ])
    func timestampsPrintAsRFC3339(seconds: Int64, text: String) {
        let timestamp = Timestamp(VirtualInstant(secondsSinceEpoch: seconds))
        #expect(timestamp.description == text)
        #expect(Timestamp(rfc3339: text) == timestamp)
    }
}
