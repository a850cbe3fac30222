import Kernel

/// `cut`: selects fields (`-f` with `-d`), characters (`-c`) or bytes (`-b`) of each line.
public struct CutProgram: Program {
    public let flavor: Flavor

    public init(flavor: Flavor = .gnu) {
        self.flavor = flavor
    }

    /// A list such as `1,3-5,7-`: inclusive 1-based ranges, open ends allowed.
    struct RangeList {
        var ranges: [(lower: Int, upper: Int)] = []

        func contains(_ position: Int) -> Bool {
            ranges.contains { $0.lower <= position && position <= $0.upper }
        }

        enum Problem: Error { case zero, invalid(String), decreasing }

        static func parse(_ text: String) throws(Problem) -> RangeList {
            var list = RangeList()
            for part in text.split(separator: ",", omittingEmptySubsequences: false) {
                let bounds = part.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
                let lowerText = bounds[0]
                let upperText = bounds.count == 2 ? bounds[1] : lowerText
                guard bounds.count == 2 || !lowerText.isEmpty else { throw .invalid(String(part)) }
                guard let lower = lowerText.isEmpty ? 1 : Int(lowerText),
                      let upper = upperText.isEmpty ? Int.max : Int(upperText) else { throw .invalid(String(part)) }
                guard lower >= 1, upper >= 1 else { throw .zero }
                guard lower <= upper else { throw .decreasing }
                list.ranges.append((lower, upper))
            }
            return list
        }
    }

    public func run(_ context: ProgramContext) async throws -> Int32 {
        var specification = OptionSpecification(flags: Set("sn"), valued: Set("dfcb"))
        specification.long = ["delimiter": "d", "fields": "f", "characters": "c", "bytes": "b", "only-delimited": "s"]
        specification.longValued = ["delimiter", "fields", "characters", "bytes"]
        guard let parsed = context.parseOptions(specification, flavor: flavor) else { return 1 }
        let modes = parsed.options.map(\.name).filter { "fcb".contains($0) }
        guard let mode = modes.last, let listText = parsed.value(mode) else {
            context.complain("you must specify a list of bytes, characters, or fields")
            context.printUsageHint(flavor: flavor)
            return 1
        }
        guard Set(modes).count == 1 else {
            context.complain("only one type of list may be specified")
            context.printUsageHint(flavor: flavor)
            return 1
        }
        let list: RangeList
        do {
            list = try RangeList.parse(listText)
        } catch {
            switch error {
            case .zero: context.complain(mode == "f" ? "fields are numbered from 1" : "byte/character positions are numbered from 1")
            case .decreasing: context.complain("invalid decreasing range")
            case .invalid: context.complain(mode == "f" ? "invalid field value \(quoted(listText))" : "invalid byte/character position \(quoted(listText))")
            }
            context.printUsageHint(flavor: flavor)
            return 1
        }
        var delimiter: Character = "\t"
        if let text = parsed.value("d") {
            guard text.count == 1, let character = text.first else {
                context.complain("the delimiter must be a single character")
                context.printUsageHint(flavor: flavor)
                return 1
            }
            delimiter = character
        }
        func cut(_ line: String) -> String? {
            if mode == "f" {
                guard line.contains(delimiter) else { return parsed.has("s") ? nil : line }
                let fields = line.split(separator: delimiter, omittingEmptySubsequences: false)
                return fields.enumerated().filter { list.contains($0.offset + 1) }.map(\.element).joined(separator: String(delimiter))
            }
            return String(Array(line).enumerated().filter { list.contains($0.offset + 1) }.map(\.element))
        }
        var output = ""
        var status: Int32 = 0
        for operand in parsed.operands.isEmpty ? ["-"] : parsed.operands {
            if operand == "-" {
                // Standard input goes through line by line, as a filter in a pipeline should.
                context.emit(output)
                output = ""
                let reader = LineReader(context.stdin)
                while let line = try await reader.next() {
                    if let kept = cut(line.text) { guard context.emit(kept + "\n") else { return status } }
                }
                continue
            }
            switch try await context.readOperand(operand) {
            case .failure(let error):
                context.complain(about: error, path: operand)
                status = 1
            case .success(let bytes):
                output += textLines(bytes).compactMap(cut).map { $0 + "\n" }.joined()
            }
        }
        context.emit(output)
        return status
    }
}
