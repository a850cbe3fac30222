extension APISchema {
    static let daemonSet = SchemaDefinition(
        "v1beta2.DaemonSet",
        "A daemon set runs one copy of a pod on each node its pods may run on, adding a pod when such a node joins the cluster and removing it when the node leaves or stops qualifying.",
        typeAndObjectMeta() + [
            SchemaField("spec", .definition(daemonSetSpec), "What the daemon set should run: which pods, from what template, and how to update them."),
            SchemaField("status", .definition(daemonSetStatus), "What the controller last observed. It may be behind; filled in by the system and read-only."),
        ])

    static let daemonSetSpec = SchemaDefinition(
        "v1beta2.DaemonSetSpec",
        "The desired state of a daemon set.",
        [
            SchemaField("minReadySeconds", .integer, "How many seconds a new daemon pod must be ready, with no container crashing, before it counts as available. Defaults to 0."),
            SchemaField("revisionHistoryLimit", .integer, "How many old revisions of the template to keep for rollbacks. Defaults to 10."),
            SchemaField("selector", .definition(labelSelector), "The label query that finds the pods this daemon set counts and manages. It must match the labels of the pod template.", required: true),
            SchemaField("template", .definition(podTemplateSpec), "The pod to run on each eligible node. Its node selector and affinity decide which nodes qualify; its restart policy must be Always.", required: true),
            SchemaField("templateGeneration", .integer, "extensions/v1beta1 only: how many times the template was set; later versions keep it in the deprecated.daemonset.template.generation annotation."),
            SchemaField("updateStrategy", .definition(daemonSetUpdateStrategy), "How pods are replaced when the template changes."),
        ])

    static let daemonSetUpdateStrategy = SchemaDefinition(
        "v1beta2.DaemonSetUpdateStrategy",
        "How a daemon set replaces its pods after a template change.",
        [
            SchemaField("rollingUpdate", .definition(rollingUpdateDaemonSet), "Settings of a rolling update; only for the RollingUpdate type."),
            SchemaField("type", .string, "RollingUpdate (replace old pods a few at a time) or OnDelete (make a new pod only when the old one is deleted)."),
        ])

    static let rollingUpdateDaemonSet = SchemaDefinition(
        "v1beta2.RollingUpdateDaemonSet",
        "The pace of a daemon set's rolling update.",
        [
            SchemaField("maxUnavailable", .definition(intOrString), "How many daemon pods may be unavailable during the update, as a number or a percentage of the desired pods. Defaults to 1; cannot be 0."),
        ])

    static let daemonSetStatus = SchemaDefinition(
        "v1beta2.DaemonSetStatus",
        "The most recently observed state of a daemon set.",
        [
            SchemaField("collisionCount", .integer, "How many times the name of a new revision collided with an existing one."),
            SchemaField("currentNumberScheduled", .integer, "How many nodes run at least one daemon pod and should.", required: true),
            SchemaField("desiredNumberScheduled", .integer, "How many nodes should run the daemon pod.", required: true),
            SchemaField("numberAvailable", .integer, "How many nodes run a daemon pod that has been ready for at least minReadySeconds."),
            SchemaField("numberMisscheduled", .integer, "How many nodes run a daemon pod but should not.", required: true),
            SchemaField("numberReady", .integer, "How many nodes run a ready daemon pod.", required: true),
            SchemaField("numberUnavailable", .integer, "How many nodes should run the daemon pod but have none available."),
            SchemaField("observedGeneration", .integer, "The generation of the spec the controller last acted on."),
            SchemaField("updatedNumberScheduled", .integer, "How many nodes run the daemon pod of the current template."),
        ])
}
