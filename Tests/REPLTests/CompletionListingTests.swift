import Testing
@testable import REPL

struct CompletionListingTests {
    @Test(arguments: [
        // Fits on one line: columns are the widest entry plus two.
        (["get", "describe", "delete"], 80, "get       describe  delete\n"),
        // Sorted down the columns, as a shell lists them.
        (["a", "b", "c", "d", "e"], 7, "a  c  e\nb  d\n"),
        (["a", "b", "c", "d", "e"], 6, "a  d\nb  e\nc\n"),
        // Narrower than one entry: one per line.
        (["pods", "services"], 3, "pods\nservices\n"),
        ([], 80, ""),
        // Chinese characters are two columns wide.
        (["笔记", "ab"], 80, "笔记  ab\n"),
    ] as [([String], Int, String)])
    func laysOutColumns(items: [String], width: Int, expected: String) {
        #expect(CompletionListing.columns(items, width: width) == expected)
    }

    @Test(arguments: [
        ("abc", 3),
        ("你好", 4),
        ("e\u{301}", 1),
        ("\u{1B}", 0),
        ("ｋｕｂｅ", 8),
    ] as [(String, Int)])
    func displayWidth(text: String, expected: Int) {
        #expect(DisplayWidth.of(text) == expected)
    }
}
