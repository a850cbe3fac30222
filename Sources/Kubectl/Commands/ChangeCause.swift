import KubernetesAPI
import StructuredData

/// `--record` (1.8's `cmdutil.RecordChangeCause`): the command line is written into the
/// object's `kubernetes.io/change-cause` annotation, as `f.Command` rebuilds it: the program's
/// base name, the words that are not flags, then every flag given as `--name=value`.
enum ChangeCause {
    static let annotation = "kubernetes.io/change-cause"
    static let flagHelp = "Record current kubectl command in the resource annotation. If set to false, do not record the command. If set to true, record the command. If not set, default to updating the existing annotation value only if one already exists."

    /// The command line as the annotation records it; empty when it does not parse.
    static func command(_ invocation: Invocation) -> String {
        let arguments = invocation.context.arguments
        guard let program = arguments.first, let parsed = try? invocation.commandFlags.parse(Array(arguments.dropFirst())) else { return "" }
        let base = program.split(separator: "/").last.map(String.init) ?? program
        let words = parsed.positional + parsed.afterDash
        var text = base + (words.isEmpty ? "" : " " + words.joined(separator: " "))
        for (name, value) in parsed.given { text += " --" + name + "=" + value }
        return text
    }

    /// `ShouldRecord`: `--record`, or an object that already has a change cause and a command
    /// line that does not say `--record=false`.
    static func shouldRecord(_ flags: ParsedFlags, existing: (any APIObject)?) -> Bool {
        if flags.bool("record") { return true }
        return !flags.has("record") && existing?.metadata.annotations?[annotation] != nil
    }

    /// The merge patch that sets the annotation (`ChangeResourcePatch`).
    static func patch(_ invocation: Invocation) -> JSONValue {
        var annotations = JSONObject()
        annotations[annotation] = .string(command(invocation))
        return ["metadata": ["annotations": .object(annotations)]]
    }
}
