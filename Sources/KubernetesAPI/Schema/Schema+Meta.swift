extension APISchema {
    static let time = SchemaDefinition(
        "v1.Time", primitive: "string",
        "A point in time, written as an RFC 3339 timestamp in UTC with whole seconds (2018-03-06T09:00:00Z).")

    static let quantity = SchemaDefinition(
        "resource.Quantity", primitive: "string",
        "A fixed-point amount such as 100m, 0.5, 128Mi or 1G. Decimal suffixes (k, M, G) count in powers of ten, binary ones (Ki, Mi, Gi) in powers of two, and m means thousandths.")

    static let intOrString = SchemaDefinition(
        "intstr.IntOrString", primitive: "string",
        "A value that is either a whole number or a string, such as a port number or a port name, or a count or a percentage.")

    static let objectMeta = SchemaDefinition(
        "v1.ObjectMeta",
        "The metadata every stored object carries: identity, labels and annotations, and the bookkeeping the server keeps for it.",
        [
            SchemaField("annotations", .map(.string), "Free-form key/value data that tools and people attach to the object. Unlike labels, annotations cannot be selected on."),
            SchemaField("clusterName", .string, "The name of the cluster the object belongs to. The server ignores it on create and update."),
            SchemaField("creationTimestamp", .definition(time), "When the server created the object. Set by the system and read-only; clients may not set it."),
            SchemaField("deletionGracePeriodSeconds", .integer, "How many seconds the object is given to terminate gracefully once its deletion was requested. Set by the system together with deletionTimestamp; read-only."),
            SchemaField("deletionTimestamp", .definition(time), "When the object will be deleted, set by the server when a graceful deletion is requested. Once set, it cannot be unset; read-only."),
            SchemaField("finalizers", .array(.string), "Names of the tasks that must finish before the object is removed from the registry. Each entry is removed by the component that completes it."),
            SchemaField("generateName", .string, "A prefix the server uses to make up a unique name when name is empty. A random suffix is appended to it."),
            SchemaField("generation", .integer, "A number that identifies one version of the desired state. The server increases it when the spec changes; read-only."),
            SchemaField("labels", .map(.string), "Key/value pairs used to organise and select objects. Replication controllers and services find their pods through them."),
            SchemaField("name", .string, "The object's name, unique among objects of its kind in its namespace. It is required on create (unless generateName is used) and cannot be changed."),
            SchemaField("namespace", .string, "The namespace the object lives in; empty for cluster-scoped kinds. An empty value on create means the default namespace. It cannot be changed."),
            SchemaField("ownerReferences", .array(.definition(ownerReference)), "The objects this object depends on. When every owner is gone, the garbage collector deletes this object too."),
            SchemaField("resourceVersion", .string, "An opaque value that changes on every write of the object. Clients pass it back on update to detect concurrent changes; it must not be set on create."),
            SchemaField("selfLink", .string, "The URL path of this object in the REST API. Set by the system; read-only."),
            SchemaField("uid", .string, "A value unique in time and space that identifies this particular object. The server generates it on create; it cannot be changed."),
        ])

    static let ownerReference = SchemaDefinition(
        "v1.OwnerReference",
        "Enough information to identify an owning object in the same namespace.",
        [
            SchemaField("apiVersion", .string, "The API version of the owner.", required: true),
            SchemaField("blockOwnerDeletion", .boolean, "When true, a foreground deletion of the owner waits until this object is gone."),
            SchemaField("controller", .boolean, "When true, the owner is the controller that manages this object. At most one owner can be the controller."),
            SchemaField("kind", .string, "The kind of the owner.", required: true),
            SchemaField("name", .string, "The name of the owner.", required: true),
            SchemaField("uid", .string, "The uid of the owner, so that a new object with the same name is not mistaken for it.", required: true),
        ])

    static let objectReference = SchemaDefinition(
        "v1.ObjectReference",
        "Enough information to find and inspect another object.",
        [
            SchemaField("apiVersion", .string, "The API version of the referenced object."),
            SchemaField("fieldPath", .string, "A part of the referenced object rather than the whole, such as one container of a pod (spec.containers{name})."),
            SchemaField("kind", .string, "The kind of the referenced object."),
            SchemaField("name", .string, "The name of the referenced object."),
            SchemaField("namespace", .string, "The namespace of the referenced object."),
            SchemaField("resourceVersion", .string, "The resource version of the referenced object this reference was made for, if any."),
            SchemaField("uid", .string, "The uid of the referenced object."),
        ])

    static let labelSelector = SchemaDefinition(
        "v1.LabelSelector",
        "A query over labels. Its matchLabels and matchExpressions must all hold; an empty selector matches every object and a missing one matches none.",
        [
            SchemaField("matchExpressions", .array(.definition(labelSelectorRequirement)), "Requirements on labels, such as \"app In (kubia, web)\"; all of them must hold."),
            SchemaField("matchLabels", .map(.string), "Labels that must be present with exactly these values. Each pair is the same as an expression with operator In and one value."),
        ])

    static let labelSelectorRequirement = SchemaDefinition(
        "v1.LabelSelectorRequirement",
        "One condition on a label: a key, an operator and values.",
        [
            SchemaField("key", .string, "The label key the condition is about.", required: true),
            SchemaField("operator", .string, "How the key relates to the values: In, NotIn, Exists or DoesNotExist.", required: true),
            SchemaField("values", .array(.string), "The values to compare with. In and NotIn need at least one; Exists and DoesNotExist need none."),
        ])

    static let localObjectReference = SchemaDefinition(
        "v1.LocalObjectReference",
        "Names another object in the same namespace.",
        [SchemaField("name", .string, "The name of the referenced object.")])
}
