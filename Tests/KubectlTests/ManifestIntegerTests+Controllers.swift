/// The numeric fields of the kinds chapter 4 and 5 added (DaemonSet, Job, CronJob, Ingress); their
/// pod templates' fields are the ones the replica kinds already cover.
extension ManifestIntegerTests {
    /// A pod template that runs to completion, indented for `spec.template`.
    static func template(indent: String) -> String {
        """
        template:
          metadata:
            labels:
              app: fuzz
          spec:
            restartPolicy: OnFailure
            containers:
            - name: main
              image: luksa/batch-job
        """.split(separator: "\n").map { indent + $0 }.joined(separator: "\n")
    }

    static func value(_ name: String, _ field: String, _ values: [String: String]) -> String {
        name == field ? "N" : values[name] ?? "1"
    }

    static func daemonSet(_ field: String) -> String {
        let values = ["minReadySeconds": "0", "revisionHistoryLimit": "10", "maxUnavailable": "1"]
        return """
            apiVersion: apps/v1beta2
            kind: DaemonSet
            metadata:
              name: fuzz
            spec:
              minReadySeconds: \(value("minReadySeconds", field, values))
              revisionHistoryLimit: \(value("revisionHistoryLimit", field, values))
              updateStrategy:
                type: RollingUpdate
                rollingUpdate:
                  maxUnavailable: \(value("maxUnavailable", field, values))
              selector:
                matchLabels:
                  app: fuzz
            \(template(indent: "  ").replacingOccurrences(of: "restartPolicy: OnFailure", with: "restartPolicy: Always"))

            """
    }

    static func job(_ field: String) -> String {
        let values = ["completions": "1", "parallelism": "1", "activeDeadlineSeconds": "600", "backoffLimit": "6"]
        return """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: fuzz
            spec:
              completions: \(value("completions", field, values))
              parallelism: \(value("parallelism", field, values))
              activeDeadlineSeconds: \(value("activeDeadlineSeconds", field, values))
              backoffLimit: \(value("backoffLimit", field, values))
            \(template(indent: "  "))

            """
    }

    static func cronJob(_ field: String) -> String {
        let values = ["startingDeadlineSeconds": "15", "successfulJobsHistoryLimit": "3", "failedJobsHistoryLimit": "1",
                      "completions": "1", "parallelism": "1", "activeDeadlineSeconds": "600", "backoffLimit": "6"]
        return """
            apiVersion: batch/v1beta1
            kind: CronJob
            metadata:
              name: fuzz
            spec:
              schedule: "* * * * *"
              startingDeadlineSeconds: \(value("startingDeadlineSeconds", field, values))
              successfulJobsHistoryLimit: \(value("successfulJobsHistoryLimit", field, values))
              failedJobsHistoryLimit: \(value("failedJobsHistoryLimit", field, values))
              jobTemplate:
                spec:
                  completions: \(value("completions", field, values))
                  parallelism: \(value("parallelism", field, values))
                  activeDeadlineSeconds: \(value("activeDeadlineSeconds", field, values))
                  backoffLimit: \(value("backoffLimit", field, values))
            \(template(indent: "      "))

            """
    }

    static func ingress(_ field: String) -> String {
        let values = ["servicePort": "80", "pathServicePort": "80"]
        return """
            apiVersion: extensions/v1beta1
            kind: Ingress
            metadata:
              name: fuzz
            spec:
              backend:
                serviceName: kubia
                servicePort: \(value("servicePort", field, values))
              rules:
              - host: kubia.example.com
                http:
                  paths:
                  - path: /
                    backend:
                      serviceName: kubia
                      servicePort: \(value("pathServicePort", field, values))

            """
    }

    static var controllerCases: [Case] {
        ["minReadySeconds", "revisionHistoryLimit", "maxUnavailable"].map { Case(field: "ds " + $0, manifest: daemonSet($0)) }
            + ["completions", "parallelism", "activeDeadlineSeconds", "backoffLimit"].map { Case(field: "job " + $0, manifest: job($0)) }
            + ["startingDeadlineSeconds", "successfulJobsHistoryLimit", "failedJobsHistoryLimit", "completions", "parallelism",
               "activeDeadlineSeconds", "backoffLimit"].map { Case(field: "cronjob " + $0, manifest: cronJob($0)) }
            + ["servicePort", "pathServicePort"].map { Case(field: "ing " + $0, manifest: ingress($0)) }
    }
}
