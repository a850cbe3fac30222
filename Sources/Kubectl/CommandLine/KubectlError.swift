import KubernetesAPI

/// A failed kubectl command, printed the way `cmdutil.CheckErr` prints it.
enum KubectlError: Error {
    /// `error: <message>`.
    case message(String)
    /// An API status error: `Error from server (NotFound): …`, `The Pod "x" is invalid: …`.
    case api(APIError)
    /// Printed as given (already framed).
    case raw(String)
    /// A usage error: `error: <message>` + `See 'kubectl <command> -h' for help and examples.`
    case usage(String, command: String)

    var text: String {
        switch self {
        case .message(let message):
            return "error: " + message + "\n"
        case .raw(let text):
            return text.hasSuffix("\n") ? text : text + "\n"
        case .usage(let message, let command):
            return "error: " + message + "\nSee 'kubectl \(command) -h' for help and examples.\n"
        case .api(let error):
            return KubectlError.frame(error) + "\n"
        }
    }

    static func frame(_ error: APIError) -> String {
        switch error.reason {
        case .invalid:
            let head = error.message.components(separatedBy: " is invalid: ").first ?? error.message
            if error.causes.count > 1 {
                return "The " + head + " is invalid: \n" + error.causes.map { "* " + $0.description }.joined(separator: "\n")
            }
            return "The " + error.message
        case .unknown:
            return "Error from server: " + error.message
        default:
            return "Error from server (\(error.reason.rawValue)): " + error.message
        }
    }
}
