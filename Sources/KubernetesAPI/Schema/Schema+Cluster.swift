extension APISchema {
    static let namespace = SchemaDefinition(
        "v1.Namespace",
        "A namespace gives objects a scope for their names, so that teams and projects can share one cluster.",
        typeAndObjectMeta() + [
            SchemaField("spec", .definition(namespaceSpec), "How the namespace behaves, which is what keeps it until it is empty."),
            SchemaField("status", .definition(namespaceStatus), "What the system last observed about the namespace."),
        ])

    static let namespaceSpec = SchemaDefinition(
        "v1.NamespaceSpec",
        "The desired state of a namespace.",
        [SchemaField("finalizers", .array(.string), "Tasks that must finish before the namespace is removed, such as deleting everything in it.")])

    static let namespaceStatus = SchemaDefinition(
        "v1.NamespaceStatus",
        "The observed state of a namespace.",
        [SchemaField("phase", .string, "Active while the namespace is in use, Terminating once its deletion started.")])

    static let componentStatus = SchemaDefinition(
        "v1.ComponentStatus",
        "The health of one component of the control plane, such as the scheduler or etcd.",
        typeAndObjectMeta() + [
            SchemaField("conditions", .array(.definition(componentCondition)), "The results of the component's health checks."),
        ])

    static let componentCondition = SchemaDefinition(
        "v1.ComponentCondition",
        "One health check of a component.",
        [
            SchemaField("error", .string, "The error the check reported, if it could not tell the component's health."),
            SchemaField("message", .string, "What the component said about its health."),
            SchemaField("status", .string, "True when healthy, False when not, Unknown when the check failed.", required: true),
            SchemaField("type", .string, "The kind of check; Healthy is the only one.", required: true),
        ])

    static let event = SchemaDefinition(
        "v1.Event",
        "A report of something that happened to an object somewhere in the cluster, such as a pod being scheduled or an image failing to pull.",
        typeAndObjectMeta(required: true) + [
            SchemaField("count", .integer, "How many times this event has happened."),
            SchemaField("firstTimestamp", .definition(time), "When the event was first seen."),
            SchemaField("involvedObject", .definition(objectReference), "The object the event is about.", required: true),
            SchemaField("lastTimestamp", .definition(time), "When the event was seen most recently."),
            SchemaField("message", .string, "What happened, in words."),
            SchemaField("reason", .string, "Why the object changed, as a short CamelCase word machines can use."),
            SchemaField("source", .definition(eventSource), "The component that reported the event."),
            SchemaField("type", .string, "Normal or Warning; more types may be added."),
        ])

    static let eventSource = SchemaDefinition(
        "v1.EventSource",
        "The component, and node, that reported an event.",
        [
            SchemaField("component", .string, "The component that reported the event, such as kubelet."),
            SchemaField("host", .string, "The node the event came from."),
        ])
}
