extension APISchema {
    static let replicationController = SchemaDefinition(
        "v1.ReplicationController",
        "A replication controller keeps a given number of copies of a pod running, creating pods from its template when there are too few and deleting some when there are too many.",
        typeAndObjectMeta() + [
            SchemaField("spec", .definition(replicationControllerSpec), "What the replication controller should maintain: how many pods, which ones and from what template."),
            SchemaField("status", .definition(replicationControllerStatus), "What the controller last observed. It may be behind; filled in by the system and read-only."),
        ])

    static let replicationControllerSpec = SchemaDefinition(
        "v1.ReplicationControllerSpec",
        "The desired state of a replication controller.",
        [
            SchemaField("minReadySeconds", .integer, "How many seconds a new pod must be ready, with no container crashing, before it counts as available. Defaults to 0."),
            SchemaField("replicas", .integer, "How many pods should run. Defaults to 1."),
            SchemaField("selector", .map(.string), "The labels of the pods this controller counts and manages. When empty, it defaults to the labels of the pod template."),
            SchemaField("template", .definition(podTemplateSpec), "The pod the controller creates when there are too few. Its labels must match the selector."),
        ])

    static let replicationControllerStatus = SchemaDefinition(
        "v1.ReplicationControllerStatus",
        "The most recently observed state of a replication controller.",
        [
            SchemaField("availableReplicas", .integer, "How many of the controller's pods have been ready for at least minReadySeconds."),
            SchemaField("conditions", .array(.definition(replicationControllerCondition)), "The latest observations of the controller's state."),
            SchemaField("fullyLabeledReplicas", .integer, "How many pods carry all the labels of the pod template."),
            SchemaField("observedGeneration", .integer, "The generation of the spec the controller last acted on."),
            SchemaField("readyReplicas", .integer, "How many of the controller's pods are ready."),
            SchemaField("replicas", .integer, "How many pods the controller most recently counted.", required: true),
        ])

    static let replicationControllerCondition = SchemaDefinition(
        "v1.ReplicationControllerCondition",
        "One observation of a replication controller's state.",
        [
            SchemaField("lastTransitionTime", .definition(time), "When the condition last changed from one status to another."),
            SchemaField("message", .string, "A readable explanation of the last transition."),
            SchemaField("reason", .string, "A one-word reason for the last transition."),
            SchemaField("status", .string, "True, False or Unknown.", required: true),
            SchemaField("type", .string, "Which condition this is, such as ReplicaFailure.", required: true),
        ])

    static let replicaSet = SchemaDefinition(
        "v1beta2.ReplicaSet",
        "A replica set keeps a given number of copies of a pod running, like a replication controller but with a selector that can also use set-based expressions.",
        typeAndObjectMeta() + [
            SchemaField("spec", .definition(replicaSetSpec), "What the replica set should maintain: how many pods, which ones and from what template."),
            SchemaField("status", .definition(replicaSetStatus), "What the controller last observed. It may be behind; filled in by the system and read-only."),
        ])

    static let replicaSetSpec = SchemaDefinition(
        "v1beta2.ReplicaSetSpec",
        "The desired state of a replica set.",
        [
            SchemaField("minReadySeconds", .integer, "How many seconds a new pod must be ready, with no container crashing, before it counts as available. Defaults to 0."),
            SchemaField("replicas", .integer, "How many pods should run. Defaults to 1."),
            SchemaField("selector", .definition(labelSelector), "The label query that finds the pods this replica set counts and manages. It must match the labels of the pod template."),
            SchemaField("template", .definition(podTemplateSpec), "The pod the replica set creates when there are too few."),
        ])

    static let replicaSetStatus = SchemaDefinition(
        "v1beta2.ReplicaSetStatus",
        "The most recently observed state of a replica set.",
        [
            SchemaField("availableReplicas", .integer, "How many of the replica set's pods have been ready for at least minReadySeconds."),
            SchemaField("conditions", .array(.definition(replicaSetCondition)), "The latest observations of the replica set's state."),
            SchemaField("fullyLabeledReplicas", .integer, "How many pods carry all the labels of the pod template."),
            SchemaField("observedGeneration", .integer, "The generation of the spec the controller last acted on."),
            SchemaField("readyReplicas", .integer, "How many of the replica set's pods are ready."),
            SchemaField("replicas", .integer, "How many pods the controller most recently counted.", required: true),
        ])

    static let replicaSetCondition = SchemaDefinition(
        "v1beta2.ReplicaSetCondition",
        "One observation of a replica set's state.",
        [
            SchemaField("lastTransitionTime", .definition(time), "When the condition last changed from one status to another."),
            SchemaField("message", .string, "A readable explanation of the last transition."),
            SchemaField("reason", .string, "A one-word reason for the last transition."),
            SchemaField("status", .string, "True, False or Unknown.", required: true),
            SchemaField("type", .string, "Which condition this is, such as ReplicaFailure.", required: true),
        ])

    static let deployment = SchemaDefinition(
        "v1beta1.Deployment",
        "A deployment describes the pods an application should run and rolls changes out declaratively, creating and scaling replica sets to move from one version to the next.",
        typeAndObjectMeta() + [
            SchemaField("spec", .definition(deploymentSpec), "What the deployment should achieve: the pods, how many, and how to replace them."),
            SchemaField("status", .definition(deploymentStatus), "What the deployment controller last observed about the rollout."),
        ])

    static let deploymentSpec = SchemaDefinition(
        "v1beta1.DeploymentSpec",
        "The desired state of a deployment.",
        [
            SchemaField("minReadySeconds", .integer, "How many seconds a new pod must be ready, with no container crashing, before it counts as available. Defaults to 0."),
            SchemaField("paused", .boolean, "Whether the rollout is paused. While paused, changes to the template start no rollout."),
            SchemaField("progressDeadlineSeconds", .integer, "How many seconds a rollout may go without progress before the deployment reports it as failed in its Progressing condition. The rollout itself carries on."),
            SchemaField("replicas", .integer, "How many pods should run. Defaults to 1."),
            SchemaField("revisionHistoryLimit", .integer, "How many old replica sets are kept so that the deployment can be rolled back."),
            SchemaField("selector", .definition(labelSelector), "The label query that finds the pods this deployment manages. When empty, it defaults to the labels of the pod template."),
            SchemaField("strategy", .definition(deploymentStrategy), "How old pods are replaced by new ones."),
            SchemaField("template", .definition(podTemplateSpec), "The pods the deployment should run.", required: true),
        ])

    static let deploymentStrategy = SchemaDefinition(
        "v1beta1.DeploymentStrategy",
        "How a deployment replaces its pods.",
        [
            SchemaField("rollingUpdate", .definition(rollingUpdateDeployment), "The limits of a rolling update; only for type RollingUpdate."),
            SchemaField("type", .string, "Recreate removes all old pods before creating new ones; RollingUpdate (the default) replaces them gradually."),
        ])

    static let rollingUpdateDeployment = SchemaDefinition(
        "v1beta1.RollingUpdateDeployment",
        "How far a rolling update may stray from the desired number of pods.",
        [
            SchemaField("maxSurge", .definition(intOrString), "How many pods above the desired number may exist during the update, as a number or a percentage (rounded up). Cannot be 0 when maxUnavailable is 0."),
            SchemaField("maxUnavailable", .definition(intOrString), "How many of the desired pods may be unavailable during the update, as a number or a percentage (rounded down). Cannot be 0 when maxSurge is 0."),
        ])

    static let deploymentStatus = SchemaDefinition(
        "v1beta1.DeploymentStatus",
        "The most recently observed state of a deployment.",
        [
            SchemaField("availableReplicas", .integer, "How many of the deployment's pods have been ready for at least minReadySeconds."),
            SchemaField("collisionCount", .integer, "How many times the name of a new replica set collided with an existing one; it feeds into the next name."),
            SchemaField("conditions", .array(.definition(deploymentCondition)), "The latest observations of the deployment's state, such as Available and Progressing."),
            SchemaField("observedGeneration", .integer, "The generation of the spec the controller last acted on."),
            SchemaField("readyReplicas", .integer, "How many of the deployment's pods are ready."),
            SchemaField("replicas", .integer, "How many pods the deployment's replica sets have, old and new together."),
            SchemaField("unavailableReplicas", .integer, "How many more pods must become available before the deployment has all it wants."),
            SchemaField("updatedReplicas", .integer, "How many pods run the current template."),
        ])

    static let deploymentCondition = SchemaDefinition(
        "v1beta1.DeploymentCondition",
        "One observation of a deployment's state.",
        [
            SchemaField("lastTransitionTime", .definition(time), "When the condition last changed from one status to another."),
            SchemaField("lastUpdateTime", .definition(time), "When the condition was last updated."),
            SchemaField("message", .string, "A readable explanation of the last transition."),
            SchemaField("reason", .string, "A one-word reason for the last transition."),
            SchemaField("status", .string, "True, False or Unknown.", required: true),
            SchemaField("type", .string, "Which condition this is: Available, Progressing or ReplicaFailure.", required: true),
        ])
}
