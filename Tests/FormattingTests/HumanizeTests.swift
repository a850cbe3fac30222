import Testing
@testable import Formatting

@Suite("Durations and sizes")
struct HumanizeTests {
    static let second: Int64 = 1, minute: Int64 = 60, hour: Int64 = 3600
    static let day: Int64 = 86_400, year: Int64 = 86_400 * 365

    static let kubectlShortCases: [(Int64, String)] = [
        (-3000, "<invalid>"), (-2000, "<invalid>"), (-1500, "0s"),
        (-1000, "0s"), (0, "0s"), (999, "0s"), (59_000, "59s"),
        (60_000, "1m"), (3_599_000, "59m"), (hour * 1000, "1h"), ((hour * 23 + minute * 59) * 1000, "23h"),
        (day * 1000, "1d"), (day * 364_000, "364d"), (year * 1000, "1y"), ((year * 9 + day * 100) * 1000, "9y"),
    ]
    static let kubectlHumanCases: [(Int64, String)] = [
        (-2, "<invalid>"), (-1, "0s"), (0, "0s"), (5, "5s"),
        (119, "119s"), (120, "2m"), (150, "2m30s"), (599, "9m59s"),
        (600, "10m"), (hour * 3 - second, "179m"), (hour * 3, "3h"), (hour * 5 + minute * 3, "5h3m"),
        (hour * 8 - second, "7h59m"), (hour * 8, "8h"), (hour * 47 + minute * 59, "47h"), (hour * 48, "2d"),
        (day * 3 + hour * 4, "3d4h"), (day * 8 - second, "7d23h"), (day * 8, "8d"), (day * 45, "45d"),
        (day * 729, "729d"), (day * 730, "2y"), (day * 745, "2y15d"), (year * 8 - second, "7y364d"),
        (year * 8, "8y"), (year * 12 + day * 5, "12y"),
    ]
    static let dockerHumanCases: [(Int64, String)] = [
        (-5000, "Less than a second"), (999, "Less than a second"),
        (1000, "1 second"), (1999, "1 second"), (2000, "2 seconds"),
        (59_000, "59 seconds"), (60_000, "About a minute"), (119_000, "About a minute"),
        (120_000, "2 minutes"), (3_599_000, "59 minutes"), (hour * 1000, "About an hour"),
        ((hour + minute * 29) * 1000, "About an hour"), ((hour + minute * 30) * 1000, "2 hours"), (hour * 47_000, "47 hours"),
        ((hour * 47 + minute * 30) * 1000, "2 days"), (day * 13_000, "13 days"), (day * 14_000, "2 weeks"),
        (day * 59_000, "8 weeks"), (day * 60_000, "2 months"), (day * 729_000, "24 months"), (day * 730_000, "2 years"),
        (year * 5000, "5 years"),
    ]
    static let tableSizeCases: [(Int64, String)] = [
        (0, "0B"), (1, "1B"), (999, "999B"), (1000, "1kB"), (1840, "1.84kB"), (1845, "1.84kB"),
        (1855, "1.85kB"), (10_100, "10.1kB"), (13_345, "13.3kB"), (998_000_000, "998MB"), (660_000_000, "660MB"),
        (999_499, "999kB"), (999_500, "1e+03kB"), (1_090_000_000, "1.09GB"), (1_000_000_000_000, "1TB"),
    ]
    static let percentGCases: [(Double, Int, String)] = [
        (0.0001234, 3, "0.000123"), (0.00001234, 3, "1.23e-05"), (123456.0, 6, "123456"), (1234567.0, 6, "1.23457e+06"),
        (100.0, 3, "100"), (1000.0, 3, "1e+03"), (-2.5, 1, "-2"), (3.5, 1, "4"), (1e21, 3, "1e+21"), (1e100, 3, "1e+100"),
    ]

    @Test(arguments: kubectlShortCases)
    func kubectlShort(_ milliseconds: Int64, _ expected: String) {
        #expect(KubernetesDuration.short(.milliseconds(milliseconds)) == expected)
    }

    @Test(arguments: kubectlHumanCases)
    func kubectlHuman(_ seconds: Int64, _ expected: String) {
        #expect(KubernetesDuration.human(.seconds(seconds)) == expected)
    }

    @Test(arguments: dockerHumanCases)
    func dockerHuman(_ milliseconds: Int64, _ expected: String) {
        #expect(DockerDuration.human(.milliseconds(milliseconds)) == expected)
    }

    @Test func dockerUsages() {
        #expect(DockerDuration.ago(.seconds(120)) == "2 minutes ago")
        #expect(DockerDuration.ago(.seconds(3600)) == "About an hour ago")
        #expect(DockerDuration.up(.milliseconds(10)) == "Up Less than a second")
        #expect(DockerDuration.up(.seconds(300)) == "Up 5 minutes")
    }

    @Test(arguments: tableSizeCases)
    func dockerTableSize(_ bytes: Int64, _ expected: String) {
        #expect(DockerSize.tableSize(bytes) == expected)
    }

    @Test func dockerHumanSizeAndBytesSize() {
        #expect(DockerSize.humanSize(2048) == "2.048kB")
        #expect(DockerSize.humanSize(119_300) == "119.3kB")
        #expect(DockerSize.bytesSize(1024) == "1KiB")
        #expect(DockerSize.bytesSize(1_572_864) == "1.5MiB")
        #expect(DockerSize.bytesSize(2_147_483_648) == "2GiB")
    }

    @Test(arguments: percentGCases)
    func goPercentG(_ value: Double, _ digits: Int, _ expected: String) {
        #expect(goFormat(value, significantDigits: digits) == expected)
    }
}
