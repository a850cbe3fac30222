import Formatting
import KubernetesAPI
import Simulation

extension APIServer {
    /// Creates an object: defaults, admission, generated name, validation, then storage.
    public func create<Object: APIObject>(_ submitted: Object) throws(APIError) -> Object {
        let resource = Object.resource
        var object = submitted
        try checkAPIVersion(object)
        object.apiVersion = object.apiVersion ?? resource.preferredAPIVersion
        object.kind = resource.kind
        if resource.namespaced {
            let namespace = object.metadata.namespace ?? "default"
            object.metadata.namespace = namespace
            try checkNamespaceAcceptsContent(namespace, resource: resource, name: object.name)
        } else {
            object.metadata.namespace = nil
        }
        object.applyDefaults()
        if object.name.isEmpty, let base = object.metadata.generateName, !base.isEmpty {
            var candidate = identifiers.generateName(base: base)
            var attempts = 0
            while store(Object.self).contains(namespace: object.metadata.namespace, name: candidate), attempts < 8 {
                candidate = identifiers.generateName(base: base)
                attempts += 1
            }
            object.metadata.name = candidate
        }
        object.prepareForCreate()
        if Object.assignsUIDBeforeValidation {
            object.metadata.uid = identifiers.uid(at: loop.now)
            object.completeWithUID()
        }
        let errors = object.creationErrors()
        if !errors.isEmpty { throw APIError.invalid(resource, object.name, errors) }
        // Storage refuses a version it did not give out, before it looks for the name (etcd3's check).
        if let version = object.metadata.resourceVersion.flatMap({ UInt64($0) }), version != 0 {
            throw APIError.resourceVersionSetOnCreate
        }
        if let existing = store(Object.self).object(namespace: object.metadata.namespace, name: object.name) {
            var error = APIError.alreadyExists(resource, object.name)
            // The generic registry says why a name is still taken by an object on its way out.
            if existing.metadata.deletionTimestamp != nil { error.message = "object is being deleted: " + error.message }
            throw error
        }
        try object.admit(admission, old: nil)
        let now = loop.now
        if !Object.assignsUIDBeforeValidation { object.metadata.uid = identifiers.uid(at: now) }
        object.metadata.creationTimestamp = Timestamp.seconds(of: now)
        object.metadata.deletionTimestamp = nil
        object.metadata.deletionGracePeriodSeconds = nil
        object.metadata.clusterName = nil
        object.metadata.selfLink = resource.selfLink(
            apiVersion: object.apiVersion ?? resource.preferredAPIVersion, namespace: object.metadata.namespace, name: object.name)
        let revision = nextRevision()
        object.metadata.resourceVersion = String(revision)
        store(Object.self).put(object, revision: revision)
        scheduleExpiry(of: object)
        return object
    }

    /// Replaces an object (the main resource): status changes are ignored, a stale resourceVersion conflicts.
    public func update<Object: APIObject>(_ submitted: Object) throws(APIError) -> Object {
        let old = try existing(for: submitted)
        var object = submitted
        try checkAPIVersion(object)
        object.apiVersion = object.apiVersion ?? old.apiVersion
        object.kind = Object.resource.kind
        object.metadata.namespace = old.metadata.namespace
        object.applyDefaults()
        object.prepareForUpdate(from: old)
        return try write(object, replacing: old)
    }

    /// Replaces an object's status (the `status` subresource); everything else stays.
    public func updateStatus<Object: APIObject>(_ submitted: Object) throws(APIError) -> Object {
        let old = try existing(for: submitted)
        var object = old
        object.takeStatus(from: submitted)
        object.metadata.resourceVersion = submitted.metadata.resourceVersion
        return try write(object, replacing: old)
    }

    /// Assigns a pod to a node (`pods/binding`), setting its PodScheduled condition.
    public func bind(pod name: String, namespace: String, to nodeName: String) throws(APIError) {
        var pod = try get(Pod.self, namespace: namespace, name: name)
        let old = pod
        if let current = pod.spec?.nodeName, !current.isEmpty {
            var binding = Pod.resource
            binding.name = "pods/binding"
            throw APIError.conflict(binding, name, "pod \(name) is already assigned to node \(goQuoted(current))")
        }
        if pod.metadata.deletionTimestamp != nil {
            var binding = Pod.resource
            binding.name = "pods/binding"
            throw APIError.conflict(binding, name, "pod \(name) is being deleted, cannot be assigned to a host")
        }
        pod.spec?.nodeName = nodeName
        var status = pod.status ?? PodStatus(phase: .pending)
        status.setCondition(PodCondition.podScheduled, .true, at: Timestamp.seconds(of: loop.now))
        pod.status = status
        _ = try write(pod, replacing: old, validating: false)
    }

    func existing<Object: APIObject>(for object: Object) throws(APIError) -> Object {
        let namespace = Object.resource.namespaced ? (object.metadata.namespace ?? "default") : nil
        guard let old = store(Object.self).object(namespace: namespace, name: object.name) else {
            throw APIError.notFound(Object.resource, object.name)
        }
        return old
    }

    /// Checks concurrency and validity, then stores `object` in place of `old` (or deletes it
    /// when it is being deleted and nothing holds it any more).
    func write<Object: APIObject>(_ submitted: Object, replacing old: Object, validating: Bool = true) throws(APIError) -> Object {
        var object = submitted
        if let version = object.metadata.resourceVersion, !version.isEmpty, version != old.metadata.resourceVersion {
            throw APIError.staleUpdate(Object.resource, old.name)
        }
        // What the server owns in metadata never changes through an update.
        object.metadata.name = old.metadata.name
        object.metadata.uid = old.metadata.uid
        object.metadata.creationTimestamp = old.metadata.creationTimestamp
        object.metadata.selfLink = old.metadata.selfLink
        object.metadata.generateName = old.metadata.generateName ?? object.metadata.generateName
        if old.metadata.deletionTimestamp != nil {
            object.metadata.deletionTimestamp = old.metadata.deletionTimestamp
            object.metadata.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds
        } else {
            object.metadata.deletionTimestamp = nil
            object.metadata.deletionGracePeriodSeconds = nil
        }
        let errors = validating ? object.updateErrors(from: old) : []
        if !errors.isEmpty { throw APIError.invalid(Object.resource, old.name, errors) }
        try object.admit(admission, old: old)
        object.metadata.resourceVersion = old.metadata.resourceVersion
        if object == old { return old }
        if object.metadata.deletionTimestamp != nil, !object.hasPendingFinalizers, (object.metadata.deletionGracePeriodSeconds ?? 0) == 0 {
            return finishDeletion(object)
        }
        let revision = nextRevision()
        object.metadata.resourceVersion = String(revision)
        store(Object.self).put(object, revision: revision)
        scheduleExpiry(of: object)
        return object
    }

    private func checkAPIVersion<Object: APIObject>(_ object: Object) throws(APIError) {
        if let version = object.apiVersion, !Object.resource.apiVersions.contains(version) || configuration.unservedAPIVersions.contains(version) {
            throw APIError(
                reason: .notFound, code: 404,
                message: "the server could not find the requested resource")
        }
    }

    private func checkNamespaceAcceptsContent(_ namespace: String, resource: APIResource, name: String) throws(APIError) {
        guard let owner = store(Namespace.self).object(namespace: nil, name: namespace) else {
            throw APIError.notFound(Namespace.resource, namespace)
        }
        if owner.metadata.deletionTimestamp != nil || owner.status?.phase == "Terminating" {
            throw APIError.forbidden(
                resource, name, "unable to create new content in namespace \(namespace) because it is being terminated")
        }
    }
}
