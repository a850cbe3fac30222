/// The schema of cron jobs, for `kubectl explain` (descriptions in our words).
extension APISchema {
    static let cronJob = SchemaDefinition(
        "v1beta1.CronJob",
        "A cron job creates jobs on a repeating schedule written in cron format.",
        typeAndObjectMeta() + [
            SchemaField("spec", .definition(cronJobSpec), "When to run and which job to create."),
            SchemaField("status", .definition(cronJobStatus), "What the cron job controller last observed. Filled in by the system and read-only."),
        ])

    static let cronJobSpec = SchemaDefinition(
        "v1beta1.CronJobSpec",
        "The desired state of a cron job.",
        [
            SchemaField("concurrencyPolicy", .string, "What to do when a run is due while the previous job still runs: Allow (the default), Forbid (skip the new run) or Replace (stop the old job)."),
            SchemaField("failedJobsHistoryLimit", .integer, "How many failed jobs to keep. Defaults to 1."),
            SchemaField("jobTemplate", .definition(jobTemplateSpec), "The job to create at each scheduled time.", required: true),
            SchemaField("schedule", .string, "The schedule in cron format: minute, hour, day of month, month, day of week.", required: true),
            SchemaField("startingDeadlineSeconds", .integer, "How many seconds late a run may still start. Runs missed by more are counted as failed and skipped."),
            SchemaField("successfulJobsHistoryLimit", .integer, "How many successful jobs to keep. Defaults to 3."),
            SchemaField("suspend", .boolean, "When true, no new runs start; running jobs are left alone. Defaults to false."),
        ])

    static let jobTemplateSpec = SchemaDefinition(
        "v1beta1.JobTemplateSpec",
        "The job a cron job creates.",
        [
            SchemaField("metadata", .definition(objectMeta), "Labels and annotations the created jobs get."),
            SchemaField("spec", .definition(jobSpec), "The spec of the created jobs."),
        ])

    static let cronJobStatus = SchemaDefinition(
        "v1beta1.CronJobStatus",
        "The most recently observed state of a cron job.",
        [
            SchemaField("active", .array(.definition(objectReference)), "The jobs of this cron job that are running."),
            SchemaField("lastScheduleTime", .definition(time), "When a job was last started on schedule."),
        ])
}
