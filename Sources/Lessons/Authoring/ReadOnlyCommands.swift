import DockerCLI
import Foundation
import Kernel

/// Judges whether a check's command only looks at the world: checks run after every command
/// the learner types, so one that changed the world would change the lesson under them.
///
/// Each program has an allow-list of what only reads (`kubectl get`, `docker images`, `curl`
/// without a body or a writing method …); output redirections to files are refused; a pipe is
/// read-only when every stage is. The line is read by the shell's own parser.
enum ReadOnlyCommands {
    /// Why `line` might change the world, or nil when it only reads.
    static func problem(with line: String) -> String? {
        let reading = CommandLineReading(line)
        switch reading.failure {
        case .incomplete: return "the command is unfinished (an unclosed quote, substitution or here-document, or a trailing operator)"
        case .syntax(let message): return "the shell cannot run it: \(message)"
        case nil: break
        }
        if reading.definesFunctions { return "it defines a shell function" }
        for command in reading.commands {
            if let redirection = command.redirections.first(where: \.writesFile) {
                return "it writes to a file (`\(redirection.operator) \(redirection.target)`)"
            }
            if let problem = problem(words: command.words) { return problem }
        }
        return nil
    }

    /// Programs that only read, whatever their arguments.
    static let readers: Set<String> = [
        "cat", "ls", "grep", "egrep", "fgrep", "wc", "head", "tail", "test", "[", "echo", "printf", "true", "false",
        "sort", "uniq", "cut", "tr", "stat", "file", "basename", "dirname", "pwd", "id", "whoami", "hostname", "which",
        "readlink", "diff", "cmp", "md5sum", "sha256sum", "base64", "jq", "tree", "du", "df", "ps", "nslookup", "dig",
        "host", "seq", "expr", "printenv", "uname", "date", "column", "nl", "rev", "tac", "od", "hexdump", "xxd",
    ]

    static func problem(words: [String]) -> String? {
        guard let program = words.first.map({ Paths.lastComponent($0) }) else { return nil }
        let arguments = Array(words.dropFirst())
        if readers.contains(program) { return nil }
        switch program {
        case "kubectl": return kubectl(arguments)
        case "docker": return docker(arguments)
        case "curl": return curl(arguments)
        case "minikube": return minikube(arguments)
        case "gcloud": return gcloud(arguments)
        case "openssl":
            // Printing a certificate only reads it; every other subcommand may write files.
            return ["x509", "version"].contains(arguments.first ?? "") && !arguments.contains("-out") ? nil
                : "`openssl \(arguments.first ?? "")` may write files (checks may use `openssl x509 -in FILE -noout …`)"
        case "sed": return arguments.contains { $0 == "-i" || $0.hasPrefix("-i") || $0.hasPrefix("--in-place") }
            ? "`sed -i` changes files" : nil
        case "find":
            return arguments.contains { ["-delete", "-exec", "-execdir", "-ok", "-fprint", "-fprintf", "-fls"].contains($0) }
                ? "`find` with an action can change files" : nil
        case "xargs", "env", "time", "timeout":
            // They run the command that follows: judge that one.
            let rest = arguments.drop { $0.hasPrefix("-") || (program == "timeout" && Double($0.trimmingCharacters(in: .letters)) != nil) }
                .drop { program == "env" && $0.contains("=") }
            return rest.isEmpty ? nil : problem(words: Array(rest))
        default:
            return "`\(program)` is not known to be read-only (checks may use kubectl get/describe/logs, docker images/ps/inspect, curl, cat, ls, grep, test …)"
        }
    }

    /// The words that are not options, with the values of options known to take one skipped.
    static func operands(_ arguments: [String], optionsWithValues: Set<String>) -> [String] {
        var result: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument.hasPrefix("-") {
                if optionsWithValues.contains(argument) { index += 1 }
            } else {
                result.append(argument)
            }
            index += 1
        }
        return result
    }

    static let kubectlValueOptions: Set<String> = ["-n", "--namespace", "--context", "--kubeconfig", "-s", "--server", "--cluster",
                                                   "--user", "-o", "--output", "-l", "--selector", "-c", "--container", "--field-selector",
                                                   "--template", "--sort-by", "-f", "--filename", "--tail", "--since"]

    static func kubectl(_ arguments: [String]) -> String? {
        let words = operands(arguments, optionsWithValues: kubectlValueOptions)
        guard let verb = words.first else { return nil }
        let readVerbs: Set<String> = ["get", "describe", "logs", "explain", "version", "cluster-info", "api-versions",
                                      "api-resources", "top"]
        if readVerbs.contains(verb) {
            if arguments.contains(where: { ["-w", "--watch", "--watch-only", "-f", "--follow"].contains($0) }) && verb != "describe" {
                return "`kubectl \(verb)` with a watch or follow flag never ends"
            }
            return nil
        }
        if verb == "config", let sub = words.dropFirst().first,
           ["view", "get-contexts", "current-context", "get-clusters"].contains(sub) { return nil }
        if verb == "auth", words.dropFirst().first == "can-i" { return nil }
        return "`kubectl \(([verb] + words.dropFirst().prefix(verb == "config" ? 1 : 0)).joined(separator: " "))` changes the world"
    }

    static let dockerValueOptions: Set<String> = ["-H", "--host", "--config", "-l", "--log-level", "-f", "--format", "--filter"]

    static func docker(_ arguments: [String]) -> String? {
        let words = operands(arguments, optionsWithValues: dockerValueOptions)
        guard let verb = words.first else { return nil }
        // The commands the simulated CLI has and marks as only reading; nothing else.
        guard Commands.readOnlyNames.contains(verb) else {
            return Commands.allNames.contains(verb) ? "`docker \(verb)` changes the world" : "`docker \(verb)` is not a docker command"
        }
        if verb == "logs", arguments.contains(where: { $0 == "-f" || $0 == "--follow" }) { return "`docker logs -f` never ends" }
        if verb == "stats", !arguments.contains("--no-stream") { return "`docker stats` without `--no-stream` never ends" }
        return nil
    }

    static func curl(_ arguments: [String]) -> String? {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let next = index + 1 < arguments.count ? arguments[index + 1] : ""
            if argument == "-X" || argument == "--request" {
                if !["GET", "HEAD"].contains(next.uppercased()) { return "`curl -X \(next)` sends a request that changes things" }
                index += 2
                continue
            }
            if argument.hasPrefix("-X"), argument.count > 2, !["GET", "HEAD"].contains(String(argument.dropFirst(2)).uppercased()) {
                return "`curl \(argument)` sends a request that changes things"
            }
            if ["-d", "--data", "--data-binary", "--data-raw", "--data-urlencode", "-F", "--form", "-T", "--upload-file", "--json"].contains(argument)
                || argument.hasPrefix("--data") || (argument.hasPrefix("-d") && argument.count > 2 && !argument.hasPrefix("--")) {
                return "`curl \(argument)` sends data"
            }
            if ["-o", "--output", "-O", "--remote-name"].contains(argument) { return "`curl \(argument)` writes a file" }
            index += 1
        }
        return nil
    }

    static func minikube(_ arguments: [String]) -> String? {
        let words = operands(arguments, optionsWithValues: ["-p", "--profile"])
        guard let verb = words.first else { return nil }
        if ["status", "ip", "version", "docker-env", "profile", "logs"].contains(verb) { return nil }
        if verb == "addons", words.dropFirst().first == "list" { return nil }
        if verb == "service", arguments.contains("--url") { return nil }
        if verb == "service", words.dropFirst().first == "list" { return nil }
        return "`minikube \(verb)` changes the world"
    }

    static func gcloud(_ arguments: [String]) -> String? {
        let words = operands(arguments, optionsWithValues: ["--project", "--zone", "--region", "--format", "--filter", "--account"])
        guard let first = words.first else { return nil }
        if ["version", "info"].contains(first) { return nil }
        if first == "config", let sub = words.dropFirst().first, ["list", "get-value"].contains(sub) { return nil }
        if words.contains("list") || words.contains("describe") { return nil }
        return "`gcloud \(words.prefix(4).joined(separator: " "))` changes the world"
    }
}
