/// Options of list and watch requests (`metav1.ListOptions`).
public struct ListOptions: Sendable {
    public var labelSelector: Labels.Selector
    public var fieldSelector: Fields.Selector
    /// For watch: the revision to start after; nil starts with the current objects as ADDED events.
    public var resourceVersion: String?

    public init(labelSelector: Labels.Selector = .everything, fieldSelector: Fields.Selector = .everything, resourceVersion: String? = nil) {
        self.labelSelector = labelSelector
        self.fieldSelector = fieldSelector
        self.resourceVersion = resourceVersion
    }

    public static let everything = ListOptions()
}

/// What happens to the dependents of a deleted object.
public enum PropagationPolicy: String, Hashable, Sendable, Codable {
    /// Dependents lose their owner reference and stay.
    case orphan = "Orphan"
    /// The owner goes at once; the garbage collector deletes the dependents after it.
    case background = "Background"
    /// Treated as background: the owner does not wait for its dependents here.
    case foreground = "Foreground"
}

/// Options of a delete request (`metav1.DeleteOptions`).
public struct DeleteOptions: Sendable {
    /// Seconds the object may take to go; nil uses the object's default (pods: its termination grace period).
    public var gracePeriodSeconds: Int64?
    /// nil uses the kind's default for the API version the object was created with.
    public var propagationPolicy: PropagationPolicy?
    /// Delete only if the object still has this uid.
    public var preconditionUID: String?

    public init(gracePeriodSeconds: Int64? = nil, propagationPolicy: PropagationPolicy? = nil, preconditionUID: String? = nil) {
        self.gracePeriodSeconds = gracePeriodSeconds
        self.propagationPolicy = propagationPolicy
        self.preconditionUID = preconditionUID
    }
}

/// One change seen through a watch.
public struct WatchEvent<Object: APIObject>: Sendable {
    /// `ADDED`, `MODIFIED`, `DELETED`, as `kubectl get -w --output-watch-events` prints them.
    public enum EventType: String, Hashable, Sendable {
        case added = "ADDED"
        case modified = "MODIFIED"
        case deleted = "DELETED"
    }

    public var type: EventType
    /// The object, held by reference: passing the event on is one retain, not a copy.
    package var shared: SharedObject<Object>

    /// The object as the event carries it.
    public var object: Object {
        get { shared.value }
        set { shared = SharedObject(newValue) }
    }

    public init(type: EventType, object: Object) {
        self.type = type
        self.shared = SharedObject(object)
    }

    package init(type: EventType, shared: SharedObject<Object>) {
        self.type = type
        self.shared = shared
    }
}

/// An API object in an immutable box, so that the store, its watches and the informers' caches
/// share one copy by reference; a change makes a new box (copy on write).
package final class SharedObject<Object: APIObject>: Sendable {
    package let value: Object

    package init(_ value: Object) {
        self.value = value
    }
}

/// Stops a watch; events queued but not yet delivered are dropped.
public final class WatchHandle: @unchecked Sendable {
    // @unchecked: only touched on the simulation's one loop thread.
    private var onStop: (() -> Void)?

    package init(onStop: @escaping () -> Void) {
        self.onStop = onStop
    }

    public func stop() {
        let action = onStop
        onStop = nil
        action?()
    }

    public var isStopped: Bool { onStop == nil }
}

extension ListOptions {
    /// The pods bound to one node: what a kubelet watches (`spec.nodeName=<node>`).
    public static func pods(onNode nodeName: String) -> ListOptions {
        ListOptions(fieldSelector: Fields.Selector([Fields.Requirement(field: "spec.nodeName", equals: nodeName)]))
    }
}
