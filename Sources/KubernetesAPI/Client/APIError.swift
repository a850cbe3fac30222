import Formatting

/// A failed API request as the server reports it (`metav1.Status`): reason, HTTP code, message.
public struct APIError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The status reason (`StatusReason`), printed in `Error from server (<reason>)`.
    public enum Reason: String, Hashable, Sendable {
        case notFound = "NotFound"
        case alreadyExists = "AlreadyExists"
        case invalid = "Invalid"
        case conflict = "Conflict"
        case forbidden = "Forbidden"
        case badRequest = "BadRequest"
        case gone = "Gone"
        case methodNotAllowed = "MethodNotAllowed"
        case internalError = "InternalError"
        /// No reason: a plain storage error the server passed on as a 500 (`StatusReasonUnknown`).
        case unknown = ""
    }

    public var reason: Reason
    public var code: Int
    public var message: String
    /// The kind (for Invalid, e.g. `Pod`) or resource (otherwise, e.g. `pods`) the error is about.
    public var kind: String
    public var name: String
    /// The field problems of an Invalid error.
    public var causes: [FieldError]

    public init(reason: Reason, code: Int, message: String, kind: String = "", name: String = "", causes: [FieldError] = []) {
        self.reason = reason
        self.code = code
        self.message = message
        self.kind = kind
        self.name = name
        self.causes = causes
    }

    public var description: String { message }

    /// `pods "x" not found`.
    public static func notFound(_ resource: APIResource, _ name: String) -> APIError {
        APIError(reason: .notFound, code: 404, message: "\(resource.qualifiedName) \(goQuoted(name)) not found", kind: resource.name, name: name)
    }

    /// `pods "x" already exists`.
    public static func alreadyExists(_ resource: APIResource, _ name: String) -> APIError {
        APIError(reason: .alreadyExists, code: 409, message: "\(resource.qualifiedName) \(goQuoted(name)) already exists", kind: resource.name, name: name)
    }

    /// `Pod "x" is invalid: <aggregate>`; kubectl prefixes `The `.
    public static func invalid(_ resource: APIResource, _ name: String, _ errors: [FieldError]) -> APIError {
        let aggregate = errors.count == 1 ? errors[0].description : "[" + errors.map(\.description).joined(separator: ", ") + "]"
        let kind = resource.group.isEmpty ? resource.kind : resource.kind + "." + resource.group
        return APIError(reason: .invalid, code: 422, message: "\(kind) \(goQuoted(name)) is invalid: \(aggregate)", kind: resource.kind, name: name, causes: errors)
    }

    /// `Operation cannot be fulfilled on pods "x": <detail>`.
    public static func conflict(_ resource: APIResource, _ name: String, _ detail: String) -> APIError {
        APIError(reason: .conflict, code: 409, message: "Operation cannot be fulfilled on \(resource.qualifiedName) \(goQuoted(name)): \(detail)", kind: resource.name, name: name)
    }

    /// The conflict of a stale update.
    public static func staleUpdate(_ resource: APIResource, _ name: String) -> APIError {
        conflict(resource, name, "the object has been modified; please apply your changes to the latest version and try again")
    }

    /// `pods "x" is forbidden: <detail>`.
    public static func forbidden(_ resource: APIResource, _ name: String, _ detail: String) -> APIError {
        APIError(reason: .forbidden, code: 403, message: "\(resource.qualifiedName) \(goQuoted(name)) is forbidden: \(detail)", kind: resource.name, name: name)
    }

    public static func badRequest(_ message: String) -> APIError {
        APIError(reason: .badRequest, code: 400, message: message)
    }

    /// What etcd3 storage answered a create carrying a resourceVersion; the server sends it on
    /// without a reason, as an internal error.
    public static let resourceVersionSetOnCreate = APIError(
        reason: .unknown, code: 500, message: "resourceVersion should not be set on objects to be created")

    /// A request for a verb the resource's REST route does not offer.
    public static let methodNotAllowed = APIError(
        reason: .methodNotAllowed, code: 405, message: "the server does not allow this method on the requested resource")

    /// A watch asked for history the store no longer keeps.
    public static func gone(_ message: String) -> APIError {
        APIError(reason: .gone, code: 410, message: message)
    }
}
