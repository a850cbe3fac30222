import Testing
import Machine
import Simulation
@testable import World

/// Sections 4.5 and 4.6 end to end in a learner's world: every Job and CronJob manifest of the
/// book's chapter 4 creates and behaves as the book describes, on luksa/batch-job (two minutes
/// of work), and the 1.8 behaviour around them: hidden completed pods, logs, scaling, deadlines,
/// back-off limits, concurrency policies and history limits.
@Suite struct ChapterFourJobsWorldTests {
    typealias Session = WorldSession

    // The book's manifests (luksa/kubernetes-in-action, Chapter04), as fixtures.
    static let batchJob = """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: batch-job
        spec:
          template:
            metadata:
              labels:
                app: batch-job
            spec:
              restartPolicy: OnFailure
              containers:
              - name: main
                image: luksa/batch-job

        """
    static let exporter = batchJob
    static let multiCompletion = """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: multi-completion-batch-job
        spec:
          completions: 5
          template:
            metadata:
              labels:
                app: batch-job
            spec:
              restartPolicy: OnFailure
              containers:
              - name: main
                image: luksa/batch-job

        """
    static let multiCompletionParallel = """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: multi-completion-batch-job
        spec:
          completions: 5
          parallelism: 2
          template:
            metadata:
              labels:
                app: batch-job
            spec:
              restartPolicy: OnFailure
              containers:
              - name: main
                image: luksa/batch-job

        """
    static let timeLimited = """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: time-limited-batch-job
        spec:
          activeDeadlineSeconds: 30
          template:
            metadata:
              labels:
                app: batch-job
            spec:
              restartPolicy: OnFailure
              containers:
              - name: main
                image: luksa/batch-job

        """
    static let cronJob = """
        apiVersion: batch/v1beta1
        kind: CronJob
        metadata:
          name: batch-job-every-fifteen-minutes
        spec:
          schedule: "0,15,30,45 * * * *"
          jobTemplate:
            spec:
              template:
                metadata:
                  labels:
                    app: periodic-batch-job
                spec:
                  restartPolicy: OnFailure
                  containers:
                  - name: main
                    image: luksa/batch-job

        """

    /// What is counted after a wait: running (active) pods, succeeded pods, and the job's condition.
    static let activePods = "kubectl get po -o jsonpath='{range .items[?(@.status.phase==\"Running\")]}{.status.phase}{\" \"}{end}'"
    static let completedPods = "kubectl get po -a -o jsonpath='{range .items[?(@.status.phase==\"Succeeded\")]}x{end}'"
    static func condition(_ job: String) -> String {
        "kubectl get job \(job) -o jsonpath='{.status.conditions[*].type}/{.status.conditions[*].reason}/{.status.succeeded}/{.status.failed}'"
    }

    /// (file, manifest, created message, then (seconds to wait, command, expected output) in order).
    static let manifests: [(String, String, String, [(Int, String, String)])] = [
        ("batch-job.yaml", batchJob, "job \"batch-job\" created\n", [
            (5, activePods, "Running "),
            (60, condition("batch-job"), "///"),
            (70, activePods, ""),
            (0, completedPods, "x"),
            (0, condition("batch-job"), "Complete//1/"),
        ]),
        ("exporter.yaml", exporter, "job \"batch-job\" created\n", [
            (130, condition("batch-job"), "Complete//1/"),
        ]),
        ("multi-completion-batch-job.yaml", multiCompletion, "job \"multi-completion-batch-job\" created\n", [
            (5, activePods, "Running "),
            (125, completedPods, "x"),
            (0, activePods, "Running "),
            (250, completedPods, "xxx"),
            (250, completedPods, "xxxxx"),
            (0, activePods, ""),
            (0, condition("multi-completion-batch-job"), "Complete//5/"),
        ]),
        ("multi-completion-parallel-batch-job.yaml", multiCompletionParallel, "job \"multi-completion-batch-job\" created\n", [
            (5, activePods, "Running Running "),
            (125, completedPods, "xx"),
            (0, activePods, "Running Running "),
            (125, completedPods, "xxxx"),
            (0, activePods, "Running "),
            (125, completedPods, "xxxxx"),
            (0, condition("multi-completion-batch-job"), "Complete//5/"),
        ]),
        ("time-limited-batch-job.yaml", timeLimited, "job \"time-limited-batch-job\" created\n", [
            (5, activePods, "Running "),
            (30, condition("time-limited-batch-job"), "Failed/DeadlineExceeded//1"),
            (40, "kubectl get po -a -o name", "No resources found.\n"),
        ]),
        ("cronjob.yaml", cronJob, "cronjob \"batch-job-every-fifteen-minutes\" created\n", [
            (0, "kubectl get jobs", "No resources found.\n"),
            // Created at 09:00:0x; the first run is due at 09:15:00, found within ten seconds.
            (900, "kubectl get jobs -o name", "jobs/batch-job-every-fifteen-minutes-1520327700\n"),
            (0, "kubectl get cj batch-job-every-fifteen-minutes -o jsonpath='{.status.lastScheduleTime} {.status.active[*].name}'",
             "2018-03-06T09:15:00Z batch-job-every-fifteen-minutes-1520327700"),
            (0, "kubectl get po -l app=periodic-batch-job -o jsonpath='{.items[*].status.phase}'", "Running"),
        ]),
    ]

    @Test func everyChapterFourJobManifestBehavesAsTheBookSays() throws {
        for (file, manifest, created, steps) in Self.manifests {
            let session = try Session()
            session.write(file, manifest)
            #expect(session.text("kubectl create -f \(file)") == created, "\(file)")
            for (seconds, command, expected) in steps {
                if seconds > 0 { session.text("wait \(seconds)s") }
                #expect(session.text(command) == expected, "\(file): \(command) after \(seconds)s")
            }
        }
    }

    @Test func completedPodsAreHiddenUnlessShowAllAndKeepTheirLogs() throws {
        let session = try Session()
        session.write("batch-job.yaml", Self.batchJob)
        session.text("kubectl create -f batch-job.yaml")
        #expect(session.text("kubectl get jobs") == "NAME        DESIRED   SUCCESSFUL   AGE\nbatch-job   1         0            1s\n")
        session.text("wait 3m")
        #expect(session.text("kubectl get po") == "No resources found, use --show-all to see completed objects.\n")
        let pod = session.text("kubectl get po -a -o jsonpath='{.items[0].metadata.name}'")
        #expect(pod.hasPrefix("batch-job-"))
        #expect(session.text("kubectl get po --show-all") == """
            NAME              READY     STATUS      RESTARTS   AGE
            \(pod)   0/1       Completed   0          3m

            """)
        #expect(session.text("kubectl get po -a -l job-name=batch-job -o name") == "pods/\(pod)\n")
        // busybox's `date`: the day, month, day of month, time, zone and year.
        let logs = session.text("kubectl logs \(pod)")
        #expect(logs == "Tue Mar  6 09:00:22 UTC 2018 Batch job starting\nTue Mar  6 09:02:22 UTC 2018 Finished succesfully\n")
        #expect(session.text("kubectl get jobs") == "NAME        DESIRED   SUCCESSFUL   AGE\nbatch-job   1         1            3m\n")
        #expect(session.text("kubectl get po") == "No resources found, use --show-all to see completed objects.\n")
        #expect(session.text("kubectl delete job batch-job") == "job \"batch-job\" deleted\n")
        session.text("wait 5s")
        #expect(session.text("kubectl get po -a") == "No resources found.\n")
    }

    @Test func theSelectorIsGeneratedFromTheUIDUnlessManual() throws {
        let session = try Session()
        session.write("batch-job.yaml", Self.batchJob)
        session.text("kubectl create -f batch-job.yaml")
        let uid = session.text("kubectl get job batch-job -o jsonpath='{.metadata.uid}'")
        #expect(session.text("kubectl get job batch-job -o jsonpath='{.spec.selector.matchLabels}'") == "map[controller-uid:\(uid)]")
        #expect(session.text("kubectl get job batch-job -o jsonpath='{.metadata.labels}'") == "map[app:batch-job]")
        #expect(session.text("kubectl get po -o jsonpath='{.items[0].metadata.labels}'") == "map[app:batch-job controller-uid:\(uid) job-name:batch-job]")
        let manual = """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: manual
            spec:
              selector:
                matchLabels:
                  app: x
              template:
                metadata:
                  labels:
                    app: x
                spec:
                  restartPolicy: Never
                  containers:
                  - name: main
                    image: luksa/batch-job

            """
        session.write("manual.yaml", manual)
        let refused = session.text("kubectl create -f manual.yaml")
        #expect(refused.hasPrefix("The Job.batch \"manual\" is invalid: spec.selector: Invalid value: &v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"x\", \"controller-uid\":\""))
        #expect(refused.hasSuffix("`selector` not auto-generated\n"))
        session.write("manual.yaml", manual.replacingOccurrences(of: "spec:\n  selector:", with: "spec:\n  manualSelector: true\n  selector:"))
        #expect(session.text("kubectl create -f manual.yaml") == "job \"manual\" created\n")
        #expect(session.text("kubectl get job manual -o jsonpath='{.spec.selector.matchLabels}'") == "map[app:x]")
    }

    /// (restartPolicy line, what create says): Always — the pod default — is refused.
    static let restartPolicies: [(String, String)] = [
        ("", "The Job.batch \"batch-job\" is invalid: spec.template.spec.restartPolicy: Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\"\n"),
        ("      restartPolicy: Always\n", "The Job.batch \"batch-job\" is invalid: spec.template.spec.restartPolicy: Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\"\n"),
        ("      restartPolicy: Never\n", "job \"batch-job\" created\n"),
        ("      restartPolicy: OnFailure\n", "job \"batch-job\" created\n"),
    ]

    @Test func aJobsPodsMayNotRestartAlways() throws {
        for (line, expected) in Self.restartPolicies {
            let session = try Session()
            session.write("job.yaml", Self.batchJob.replacingOccurrences(of: "      restartPolicy: OnFailure\n", with: line))
            #expect(session.text("kubectl create -f job.yaml") == expected, "\(line)")
        }
    }

    @Test func scalingAJobChangesItsParallelism() throws {
        let session = try Session()
        session.write("job.yaml", Self.multiCompletion)
        session.text("kubectl create -f job.yaml")
        #expect(session.text("kubectl scale job multi-completion-batch-job --replicas 3") == "job \"multi-completion-batch-job\" scaled\n")
        session.text("wait 5s")
        #expect(session.text("kubectl get job multi-completion-batch-job -o jsonpath='{.spec.parallelism} {.status.active}'") == "3 3")
        #expect(session.text(Self.activePods) == "Running Running Running ")
        // Never more pods than completions still missing: after three succeed, two run.
        session.text("wait 2m")
        #expect(session.text(Self.activePods) == "Running Running ")
    }

    @Test func podsThatKeepFailingExhaustTheBackoffLimit() throws {
        let session = try Session()
        session.write("fail.yaml", """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: fail
            spec:
              backoffLimit: 2
              template:
                spec:
                  restartPolicy: Never
                  containers:
                  - name: main
                    image: busybox
                    command: ["sh", "-c", "exit 1"]

            """)
        session.text("kubectl create -f fail.yaml")
        session.text("wait 2m")
        #expect(session.text(Self.condition("fail")) == "Failed/BackoffLimitExceeded//3")
        #expect(session.text("kubectl get po -a -o jsonpath='{.items[*].status.phase}'") == "Failed Failed Failed")
        #expect(session.text("kubectl describe job fail").contains("Normal    BackoffLimitExceeded  Job has reach the specified backoff limit"))
    }

    static func cronJob(policy: String, schedule: String = "* * * * *", extra: String = "") -> String {
        """
        apiVersion: batch/v1beta1
        kind: CronJob
        metadata:
          name: every-minute
        spec:
          schedule: "\(schedule)"
          concurrencyPolicy: \(policy)
        \(extra)  jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers:
                  - name: main
                    image: luksa/batch-job

        """
    }

    /// (policy, jobs after five minutes of a job that runs two): Allow overlaps, Forbid skips
    /// runs while one is active, Replace deletes the running one.
    static let policies: [(String, String)] = [
        ("Allow", "every-minute-1520326860 every-minute-1520326920 every-minute-1520326980 every-minute-1520327040 every-minute-1520327100"),
        ("Forbid", "every-minute-1520326860 every-minute-1520326980"),
        ("Replace", "every-minute-1520327100"),
    ]

    @Test func concurrencyPoliciesDecideWhetherRunsOverlap() throws {
        for (policy, expected) in Self.policies {
            let session = try Session()
            session.write("cj.yaml", Self.cronJob(policy: policy))
            session.text("kubectl create -f cj.yaml")
            session.text("wait 4m50s")
            #expect(session.text("kubectl get jobs -o jsonpath='{.items[*].metadata.name}'") == expected, "\(policy)")
        }
    }

    @Test func historyLimitsKeepThreeSuccessfulJobsAndSuspendStopsNewRuns() throws {
        let session = try Session()
        session.write("cj.yaml", Self.cronJob(policy: "Forbid", schedule: "*/3 * * * *"))
        session.text("kubectl create -f cj.yaml")
        #expect(session.text("kubectl get cj every-minute -o jsonpath='{.spec.successfulJobsHistoryLimit} {.spec.failedJobsHistoryLimit} {.spec.suspend}'") == "3 1 false")
        session.text("wait 16m")
        // Runs at 09:03 … 09:15 each finish in two minutes; the oldest finished beyond three are
        // deleted, the running one is not counted.
        #expect(session.text("kubectl get jobs -o jsonpath='{.items[*].metadata.name}'") == "every-minute-1520327160 every-minute-1520327340 every-minute-1520327520 every-minute-1520327700")
        #expect(session.text("kubectl get cj") == """
            NAME           SCHEDULE      SUSPEND   ACTIVE    LAST SCHEDULE   AGE
            every-minute   */3 * * * *   False     1         1m              16m

            """)
        session.write("cj.yaml", Self.cronJob(policy: "Forbid", schedule: "*/3 * * * *", extra: "  suspend: true\n"))
        #expect(session.text("kubectl replace -f cj.yaml") == "cronjob \"every-minute\" replaced\n")
        session.text("wait 10m")
        #expect(session.text("kubectl get cj every-minute -o jsonpath='{.status.lastScheduleTime}'") == "2018-03-06T09:15:00Z")
        session.write("cj.yaml", Self.cronJob(policy: "Forbid", schedule: "*/3 * * * *"))
        session.text("kubectl replace -f cj.yaml")
        session.text("wait 20s")
        // Resumed, it starts only the latest missed run.
        #expect(session.text("kubectl get cj every-minute -o jsonpath='{.status.lastScheduleTime}'") == "2018-03-06T09:24:00Z")
    }

    @Test func aRunMissedByMoreThanTheStartingDeadlineIsSkipped() throws {
        let session = try Session()
        session.write("cj.yaml", Self.cronJob(policy: "Allow", schedule: "*/3 * * * *", extra: "  suspend: true\n  startingDeadlineSeconds: 15\n"))
        session.text("kubectl create -f cj.yaml")
        session.text("wait 3m30s")
        session.write("cj.yaml", Self.cronJob(policy: "Allow", schedule: "*/3 * * * *", extra: "  startingDeadlineSeconds: 15\n"))
        session.text("kubectl replace -f cj.yaml")
        session.text("wait 1m")
        #expect(session.text("kubectl get jobs") == "No resources found.\n")
        session.text("wait 2m")
        #expect(session.text("kubectl get jobs -o name") == "jobs/every-minute-1520327160\n")
    }

    /// The Hub's luksa/batch-job is the book's Dockerfile built: a learner's own build of the
    /// same file behaves the same and shows the same history line.
    @Test func aBuildOfTheBooksDockerfileBehavesLikeTheHubImage() throws {
        let session = try Session()
        session.text("mkdir batch-job")
        session.write("batch-job/Dockerfile", """
            FROM busybox
            ENTRYPOINT echo "$(date) Batch job starting"; sleep 120; echo "$(date) Finished succesfully"

            """)
        session.text("docker build -t mine/batch-job batch-job")
        session.text("docker pull luksa/batch-job")
        let history = "docker history --no-trunc --format '{{.CreatedBy}}' "
        #expect(session.text(history + "mine/batch-job") == session.text(history + "luksa/batch-job"))
        let inspect = "docker inspect -f '{{json .Config.Entrypoint}} {{json .Config.Cmd}}' "
        #expect(session.text(inspect + "luksa/batch-job") == "[\"/bin/sh\",\"-c\",\"echo \\\"$(date) Batch job starting\\\"; sleep 120; echo \\\"$(date) Finished succesfully\\\"\"] null\n")
        #expect(session.text(inspect + "mine/batch-job") == session.text(inspect + "luksa/batch-job"))
        session.text("docker run -d --name hub luksa/batch-job")
        session.text("docker run -d --name mine mine/batch-job")
        session.text("wait 2m")
        let hub = session.text("docker logs hub")
        let mine = session.text("docker logs mine")
        #expect(hub.hasSuffix(" Finished succesfully\n") && hub.contains(" Batch job starting\n"))
        #expect(mine.hasSuffix(" Finished succesfully\n") && mine.contains(" Batch job starting\n"))
        #expect(session.text("docker inspect -f '{{.State.ExitCode}}' hub mine") == "0\n0\n")
    }

    /// `kubectl run --restart=OnFailure` used 1.8's job/v1 generator.
    @Test func runWithRestartOnFailureCreatesAJob() throws {
        let session = try Session()
        #expect(session.text("kubectl run pi --image=luksa/batch-job --restart=OnFailure") == "job \"pi\" created\n")
        #expect(session.text("kubectl run pi2 --image=luksa/batch-job --restart=OnFailure --replicas=2") == "error: --restart=OnFailure requires that --replicas=1, found 2\n")
        #expect(session.text("kubectl get job pi -o jsonpath='{.metadata.labels} {.spec.template.spec.restartPolicy}'") == "map[run:pi] OnFailure")
    }
}

private extension WorldSession {
    /// What a command printed.
    @discardableResult
    func text(_ line: String) -> String { run(line).text }
}
