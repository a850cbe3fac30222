/// A unified diff of two line lists (`diff -u` style, three lines of context).
public enum UnifiedDiff {
    public static func make(expected: [String], actual: [String], expectedName: String, actualName: String, context: Int = 3) -> String {
        let operations = editScript(expected, actual)
        guard operations.contains(where: { $0.kind != .same }) else { return "" }
        var output = "--- \(expectedName)\n+++ \(actualName)\n"
        var index = 0
        while index < operations.count {
            guard let changeStart = operations[index...].firstIndex(where: { $0.kind != .same }) else { break }
            let hunkStart = max(changeStart - context, index)
            var hunkEnd = changeStart
            var lastChange = changeStart
            while hunkEnd < operations.count {
                if operations[hunkEnd].kind != .same { lastChange = hunkEnd }
                if hunkEnd - lastChange > 2 * context { break }
                hunkEnd += 1
            }
            hunkEnd = min(operations.count, lastChange + context + 1)
            let hunk = operations[hunkStart..<hunkEnd]
            let oldStart = (hunk.first { $0.kind != .insert }?.oldIndex ?? hunk.first?.oldIndex ?? 0) + 1
            let newStart = (hunk.first { $0.kind != .delete }?.newIndex ?? hunk.first?.newIndex ?? 0) + 1
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            output += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for operation in hunk {
                switch operation.kind {
                case .same: output += " " + expected[operation.oldIndex] + "\n"
                case .delete: output += "-" + expected[operation.oldIndex] + "\n"
                case .insert: output += "+" + actual[operation.newIndex] + "\n"
                }
            }
            index = hunkEnd
        }
        return output
    }

    struct Operation {
        enum Kind { case same, delete, insert }
        var kind: Kind
        var oldIndex: Int
        var newIndex: Int
    }

    /// The shortest edit script, from a longest-common-subsequence table (transcripts are small).
    static func editScript(_ old: [String], _ new: [String]) -> [Operation] {
        let n = old.count, m = new.count
        var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i][j] = old[i] == new[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var operations: [Operation] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, old[i] == new[j] {
                operations.append(Operation(kind: .same, oldIndex: i, newIndex: j))
                i += 1
                j += 1
            } else if i < n, j == m || table[i + 1][j] >= table[i][j + 1] {
                // Deletions before insertions, as diff prints them.
                operations.append(Operation(kind: .delete, oldIndex: i, newIndex: j))
                i += 1
            } else {
                operations.append(Operation(kind: .insert, oldIndex: i, newIndex: j))
                j += 1
            }
        }
        return operations
    }
}
