/// How kubectl splits `-o`/`--output` and `--template` into a format name and its argument.
public struct OutputFormatArgument: Hashable, Sendable {
    /// `jsonpath`, `custom-columns`, `go-template`, … or the flag as given (`wide`, `yaml`).
    public let format: String
    /// The template or column spec (file names for the `-file` formats); empty when none was given.
    public let argument: String

    static let templatedFormats = [
        "go-template=", "go-template-file=", "jsonpath=", "jsonpath-file=", "custom-columns=", "custom-columns-file=",
    ]

    /// `-o jsonpath='{.x}'` gives (`jsonpath`, `{.x}`); `-o jsonpath --template='{.x}'` gives the same;
    /// `--template` alone means `template` (the Go-template printer).
    public init(output: String, template: String = "") {
        var format = output
        var argument = template
        if format.isEmpty && !template.isEmpty { format = "template" }
        for prefix in Self.templatedFormats where format.hasPrefix(prefix) {
            argument = String(format.dropFirst(prefix.count))
            format = String(prefix.dropLast())
        }
        self.format = format
        self.argument = argument
    }
}
