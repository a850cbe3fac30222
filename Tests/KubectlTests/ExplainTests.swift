import KubernetesAPI
import Testing

@testable import Kubectl

/// `kubectl explain` in 1.8's layout: kinds, field paths, --recursive, versions and errors.
struct ExplainTests {
    @Test func explainsAKindWithItsFieldsSorted() throws {
        let harness = try KubectlHarness()
        let result = harness.run("kubectl explain pods")
        #expect(result.status == 0)
        #expect(result.output == podsExplanation)
    }

    @Test func explainsAListFieldWithItsOwnAndItsTypesDescription() throws {
        let harness = try KubectlHarness()
        #expect(harness.run("kubectl explain po.spec.containers.ports").output == containerPortsExplanation)
    }

    @Test func recursiveListsNestedFieldsWithoutDescriptions() throws {
        let harness = try KubectlHarness()
        #expect(harness.run("kubectl explain svc --recursive").output == serviceRecursiveExplanation)
    }

    @Test func aPrimitiveFieldPrintsFieldAndBothDescriptions() throws {
        let harness = try KubectlHarness()
        #expect(harness.run("kubectl explain pod.metadata.creationTimestamp").output == """
            FIELD: creationTimestamp <string>

            DESCRIPTION:
                 When the server created the object. Set by the system and read-only;
                 clients may not set it.

                 A point in time, written as an RFC 3339 timestamp in UTC with whole seconds
                 (2018-03-06T09:00:00Z).

            """)
        #expect(harness.run("kubectl explain pod.spec.containers.args").output.hasPrefix("FIELD: args <[]string>\n\nDESCRIPTION:\n     Arguments"))
        #expect(harness.run("kubectl explain rc.spec.template.metadata.labels").output.hasPrefix("FIELD: labels <map[string]string>\n"))
        // 1.8's walker stops at a primitive even when the path goes on, naming the last word.
        #expect(harness.run("kubectl explain pod.spec.hostname.extra").output.hasPrefix("FIELD: extra <string>\n\nDESCRIPTION:\n     The hostname"))
    }

    @Test(arguments: [
        ("po", "A pod is a group"), ("pod", "A pod is a group"), ("Pod", "A pod is a group"),
        ("rc", "A replication controller keeps"), ("rs", "A replica set keeps"), ("svc", "A service gives"),
        ("deploy", "A deployment describes"), ("no", "A node is a worker"), ("ns", "A namespace gives"),
        ("ep", "The addresses behind a service"), ("ev", "A report of something"), ("cs", "The health of one component"),
    ])
    func resolvesShortNamesAndKinds(word: String, start: String) throws {
        let harness = try KubectlHarness()
        #expect(harness.run("kubectl explain \(word)").output.hasPrefix("DESCRIPTION:\n     " + start))
    }

    @Test func requiredFieldsAreMarked() throws {
        let harness = try KubectlHarness()
        let spec = harness.run("kubectl explain pods.spec").output
        #expect(spec.hasPrefix("RESOURCE: spec <Object>\n\nDESCRIPTION:\n     What the pod should run and how: its containers, volumes and scheduling\n     wishes.\n\n     The desired state of a pod.\n\nFIELDS:\n   activeDeadlineSeconds\t<integer>\n"))
        #expect(spec.contains("\n   containers\t<[]Object> -required-\n"))
        #expect(spec.contains("\n   nodeSelector\t<map[string]string>\n"))
    }

    @Test(arguments: [
        ("kubectl explain pod.foo", "error: field \"foo\" does not exist\n"),
        ("kubectl explain pod.spec.containers.foo", "error: field \"foo\" does not exist\n"),
        ("kubectl explain foo", "error: the server doesn't have a resource type \"foo\"\n"),
        ("kubectl explain deployments.apps", "error: field \"apps\" does not exist\n"),
        ("kubectl explain pods svc", "error: We accept only this format: explain RESOURCE\nSee 'kubectl explain -h' for help and examples.\n"),
        ("kubectl explain deploy --api-version=batch/v1", "error: Couldn't find resource for \"batch/v1, Kind=Deployment\"\n"),
        ("kubectl explain pods --api-version=v2", "error: Couldn't find resource for \"/v2, Kind=Pod\"\n"),
        ("kubectl explain pods --api-version=a/b/c", "error: unexpected GroupVersion string: a/b/c\n"),
    ])
    func errorsAreTheEras(line: String, expected: String) throws {
        let harness = try KubectlHarness()
        let result = harness.run(line)
        #expect(result.status == 1)
        #expect(result.output == "")
        #expect(result.error == expected)
    }

    @Test func withoutATypeItListsTheValidOnes() throws {
        let harness = try KubectlHarness()
        let result = harness.run("kubectl explain")
        #expect(result.status == 1)
        #expect(result.error.hasPrefix("You must specify the type of resource to explain. Valid resource types include:\n\n  * all\n"))
        #expect(result.error.hasSuffix("\nerror: Required resource not specified.\nSee 'kubectl explain -h' for help and examples.\n"))
    }

    @Test func servedVersionsAreAccepted() throws {
        let harness = try KubectlHarness()
        #expect(harness.run("kubectl explain deploy --api-version=apps/v1beta2").output == harness.run("kubectl explain deploy").output)
        #expect(harness.run("kubectl explain rs.spec.selector --api-version=extensions/v1beta1").output.hasPrefix("RESOURCE: selector <Object>\n"))
    }

    @Test func needsACluster() throws {
        let harness = try KubectlHarness(writesKubeconfig: false)
        #expect(harness.run("kubectl explain pods").error == "The connection to the server localhost:8080 was refused - did you specify the right host or port?\n")
    }

    @Test func helpHasTheErasOptions() throws {
        let harness = try KubectlHarness()
        let help = harness.run("kubectl explain --help").output
        #expect(help.hasPrefix("Documentation of resources.\n\nValid resource types include:\n\n  * all\n"))
        #expect(help.contains("""
            Options:
                  --api-version='': Get different explanations for particular API version
                  --include-extended-apis=true: If true, include definitions of new APIs via calls to the API server. [default true]
                  --recursive=false: Print the fields of fields (Currently only 1 level deep)

            Usage:
              kubectl explain RESOURCE [options]

            """))
    }

    @Test func completesTypesAndThenFields() throws {
        let program = try KubectlHarness().program
        #expect(program.completions(for: ["kubectl", "explain"], current: "rep") == ["replicasets", "replicationcontrollers"])
        #expect(program.completions(for: ["kubectl", "explain"], current: "pod.spec.con") == ["pod.spec.containers"])
        #expect(program.completions(for: ["kubectl", "explain"], current: "svc.spec.ports.t") == ["svc.spec.ports.targetPort"])
        #expect(program.completions(for: ["kubectl", "explain", "pods"], current: "") == [])
    }
}

private let podsExplanation = """
    DESCRIPTION:
         A pod is a group of containers that share network and storage and run
         together on one node. Clients create pods and the scheduler assigns them to
         nodes.

    FIELDS:
       apiVersion\t<string>
         The versioned schema this representation of the object follows, as
         group/version (or just the version for the core group). The server converts
         what it recognises to its current internal form and may refuse versions it
         does not know.

       kind\t<string>
         The REST resource this object represents, in CamelCase. The server can
         infer it from the endpoint the request went to, and it cannot be changed.

       metadata\t<Object>
         Standard metadata of the object: its name, namespace, labels, annotations
         and what the server records about it.

       spec\t<Object>
         What the pod should run and how: its containers, volumes and scheduling
         wishes.

       status\t<Object>
         What the system last observed about the pod. It may lag behind reality; the
         kubelet and other components fill it in, clients cannot.


    """

private let containerPortsExplanation = """
    RESOURCE: ports <[]Object>

    DESCRIPTION:
         The ports the container exposes. Listing a port is mostly informational: a
         process listening on 0.0.0.0 can be reached either way. Cannot be updated.

         A network port of one container.

    FIELDS:
       containerPort\t<integer> -required-
         The port number on the pod's IP address, between 1 and 65535.

       hostIP\t<string>
         The node address the host port is bound to.

       hostPort\t<integer>
         A port of the node forwarded to this container port. Most pods do not need
         one, and each one limits where the pod can be scheduled.

       name\t<string>
         An IANA service name for the port, unique within the pod, that services can
         refer to.

       protocol\t<string>
         TCP or UDP. Defaults to TCP.


    """

private let serviceRecursiveExplanation = """
    DESCRIPTION:
         A service gives a set of pods one stable name and address. It forwards
         connections on its ports to the pods its selector matches, and can be
         exposed on every node or through a cloud load balancer.

    FIELDS:
       apiVersion\t<string>
       kind\t<string>
       metadata\t<Object>
          annotations\t<map[string]string>
          clusterName\t<string>
          creationTimestamp\t<string>
          deletionGracePeriodSeconds\t<integer>
          deletionTimestamp\t<string>
          finalizers\t<[]string>
          generateName\t<string>
          generation\t<integer>
          labels\t<map[string]string>
          name\t<string>
          namespace\t<string>
          ownerReferences\t<[]Object>
             apiVersion\t<string>
             blockOwnerDeletion\t<boolean>
             controller\t<boolean>
             kind\t<string>
             name\t<string>
             uid\t<string>
          resourceVersion\t<string>
          selfLink\t<string>
          uid\t<string>
       spec\t<Object>
          clusterIP\t<string>
          externalIPs\t<[]string>
          externalName\t<string>
          externalTrafficPolicy\t<string>
          healthCheckNodePort\t<integer>
          loadBalancerIP\t<string>
          loadBalancerSourceRanges\t<[]string>
          ports\t<[]Object>
             name\t<string>
             nodePort\t<integer>
             port\t<integer>
             protocol\t<string>
             targetPort\t<string>
          publishNotReadyAddresses\t<boolean>
          selector\t<map[string]string>
          sessionAffinity\t<string>
          type\t<string>
       status\t<Object>
          loadBalancer\t<Object>
             ingress\t<[]Object>
                hostname\t<string>
                ip\t<string>

    """

/// Client-side validation names the schema's type of the object holding an unknown field.
struct ValidationTypeNameTests {
    @Test(arguments: [
        ("", "Pod", "v1", "v1.Pod"),
        ("spec", "Pod", "v1", "v1.PodSpec"),
        ("spec.containers[0]", "Pod", "v1", "v1.Container"),
        ("spec.containers[0].livenessProbe.httpGet", "Pod", "v1", "v1.HTTPGetAction"),
        ("spec.ports[0]", "Service", "v1", "v1.ServicePort"),
        ("metadata", "ReplicationController", "v1", "v1.ObjectMeta"),
        ("spec.template", "ReplicationController", "v1", "v1.PodTemplateSpec"),
        ("spec", "Deployment", "apps/v1beta1", "v1beta1.DeploymentSpec"),
        ("spec", "Deployment", "apps/v1beta2", "v1beta2.DeploymentSpec"),
        ("spec.strategy.rollingUpdate", "Deployment", "extensions/v1beta1", "v1beta1.RollingUpdateDeployment"),
        ("spec.template.spec", "Deployment", "apps/v1beta2", "v1.PodSpec"),
        ("spec.selector", "ReplicaSet", "extensions/v1beta1", "v1.LabelSelector"),
        ("spec", "ReplicaSet", "extensions/v1beta1", "v1beta1.ReplicaSetSpec"),
    ])
    func namesComeFromTheSchema(parentPath: String, kind: String, apiVersion: String, expected: String) {
        #expect(Manifests.goTypeName(parentPath: parentPath, kind: kind, apiVersion: apiVersion) == expected)
    }
}
