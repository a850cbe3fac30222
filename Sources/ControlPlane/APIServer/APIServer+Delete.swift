import KubernetesAPI
import Simulation

extension APIServer {
    /// Deletes an object. Pods on a node get a grace period (deletionTimestamp set; the kubelet
    /// finishes the delete); objects with finalizers stay until those are removed; otherwise the
    /// object goes at once. Returns the object's last (or current) state.
    @discardableResult
    public func delete<Object: APIObject>(_ type: Object.Type, namespace: String?, name: String, options: DeleteOptions = DeleteOptions()) throws(APIError) -> Object {
        let resource = type.resource
        let namespace = resource.namespaced ? (namespace ?? "default") : nil
        guard var object = store(type).object(namespace: namespace, name: name) else {
            throw APIError.notFound(resource, name)
        }
        if let uid = options.preconditionUID, uid != object.uid {
            throw APIError.conflict(resource, name, "Precondition failed: UID in precondition: \(uid), UID in object meta: \(object.uid)")
        }
        if type == Namespace.self, Self.systemNamespaces.contains(name) {
            throw APIError.forbidden(resource, name, "this namespace may not be deleted")
        }
        let old = object
        let grace = gracePeriod(of: object, requested: options.gracePeriodSeconds)
        let policy = options.propagationPolicy ?? object.defaultPropagationPolicy
        let now = Timestamp.seconds(of: loop.now)

        if grace > 0 {
            // Graceful: a later delete may only shorten the period.
            if let current = object.metadata.deletionTimestamp, let currentGrace = object.metadata.deletionGracePeriodSeconds,
               currentGrace <= grace || current.instant <= loop.now + .seconds(grace) {
                return object
            }
            object.metadata.deletionTimestamp = Timestamp.seconds(of: loop.now + .seconds(grace))
            object.metadata.deletionGracePeriodSeconds = grace
            if policy == .orphan { addFinalizer("orphan", to: &object) }
            let stored = store(object, replacing: old)
            if configuration.finishesExpiredGracefulDeletions { finishWhenGraceRunsOut(stored) }
            return stored
        }
        if policy == .orphan { addFinalizer("orphan", to: &object) }
        object.markTerminating()
        if object.hasPendingFinalizers {
            if object.metadata.deletionTimestamp == nil { object.metadata.deletionTimestamp = now }
            object.metadata.deletionGracePeriodSeconds = 0
            return store(object, replacing: old)
        }
        return finishDeletion(object)
    }

    /// Removes an object for good: the store forgets it and watches see DELETED.
    func finishDeletion<Object: APIObject>(_ object: Object) -> Object {
        var final = object
        let revision = nextRevision()
        final.metadata.resourceVersion = String(revision)
        store(Object.self).remove(final, revision: revision)
        final.release(admission)
        noteDeletion(final)
        return final
    }

    private func store<Object: APIObject>(_ object: Object, replacing old: Object) -> Object {
        guard object != old else { return old }
        var stored = object
        let revision = nextRevision()
        stored.metadata.resourceVersion = String(revision)
        store(Object.self).put(stored, revision: revision)
        return stored
    }

    /// The timer standing in for an absent kubelet: at the deadline a pod still terminating goes.
    private func finishWhenGraceRunsOut<Object: APIObject>(_ object: Object) {
        guard let deadline = object.metadata.deletionTimestamp else { return }
        let namespace = object.metadata.namespace, name = object.name, uid = object.uid
        loop.schedule(at: deadline.instant) { [weak self] in
            guard let self, let current = self.store(Object.self).object(namespace: namespace, name: name), current.uid == uid,
                  current.metadata.deletionTimestamp == deadline, !current.hasPendingFinalizers else { return }
            _ = self.finishDeletion(current)
        }
    }

    private func addFinalizer<Object: APIObject>(_ finalizer: String, to object: inout Object) {
        var finalizers = object.metadata.finalizers ?? []
        if !finalizers.contains(finalizer) { finalizers.append(finalizer) }
        object.metadata.finalizers = finalizers
    }

    /// Pods on a node that have not finished get their termination grace period; everything else none.
    private func gracePeriod<Object: APIObject>(of object: Object, requested: Int64?) -> Int64 {
        guard let pod = object as? Pod else { return 0 }
        guard let nodeName = pod.spec?.nodeName, !nodeName.isEmpty, !pod.isTerminated else { return 0 }
        return max(0, requested ?? pod.spec?.terminationGracePeriodSeconds ?? 30)
    }
}
