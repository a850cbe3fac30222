import Testing
import Machine
import Simulation
@testable import World

/// Section 5.4 on Minikube: the ingress addon, the book's Ingress manifests (copied from
/// luksa/kubernetes-in-action, Chapter05), host and path routing through the nginx controller,
/// `/etc/hosts` edited with sudo, and kubectl 1.8's ingress listings.
@Suite struct IngressWorldTests {
    typealias Session = WorldSession

    static let kubiaRC = BookManifests.kubiaRC

    /// Chapter05/kubia-svc-nodeport.yaml
    static let kubiaNodePort = """
        apiVersion: v1
        kind: Service
        metadata:
          name: kubia-nodeport
        spec:
          type: NodePort
          ports:
          - port: 80
            targetPort: 8080
            nodePort: 30123
          selector:
            app: kubia

        """

    /// Chapter05/kubia-ingress.yaml
    static let kubiaIngress = """
        apiVersion: extensions/v1beta1
        kind: Ingress
        metadata:
          name: kubia
        spec:
          rules:
          - host: kubia.example.com
            http:
              paths:
              - path: /
                backend:
                  serviceName: kubia-nodeport
                  servicePort: 80

        """

    /// Chapter05/kubia-ingress-tls.yaml
    static let kubiaIngressTLS = """
        apiVersion: extensions/v1beta1
        kind: Ingress
        metadata:
          name: kubia
        spec:
          tls:
          - hosts: 
            - kubia.example.com
            secretName: tls-secret
          rules:
          - host: kubia.example.com
            http:
              paths:
              - path: /
                backend:
                  serviceName: kubia-nodeport
                  servicePort: 80

        """

    /// The book's listing of several paths and hosts (5.13, 5.14), on services that exist or not.
    static let pathsAndHosts = """
        apiVersion: extensions/v1beta1
        kind: Ingress
        metadata:
          name: many
        spec:
          rules:
          - host: kubia.example.com
            http:
              paths:
              - path: /kubia
                backend:
                  serviceName: kubia-nodeport
                  servicePort: 80
              - path: /foo
                backend:
                  serviceName: bar
                  servicePort: 80
          - host: foo.example.com
            http:
              paths:
              - path: /
                backend:
                  serviceName: kubia-nodeport
                  servicePort: 80

        """

    /// Minikube with the kubia pods and the NodePort service, and the ingress addon on.
    static func session() throws -> Session {
        let session = try Session()
        session.write("kubia-rc.yaml", kubiaRC)
        session.write("kubia-svc-nodeport.yaml", kubiaNodePort)
        session.run("kubectl create -f kubia-rc.yaml")
        session.run("kubectl create -f kubia-svc-nodeport.yaml")
        return session
    }

    @Test func addonsListAndEnable() throws {
        let session = try Session()
        let list = session.run("minikube addons list")
        let lines = list.text.split(separator: "\n").map(String.init).sorted()
        #expect(lines == ["- addon-manager: enabled", "- coredns: disabled", "- dashboard: enabled", "- default-storageclass: enabled",
                          "- heapster: disabled", "- ingress: disabled", "- kube-dns: enabled", "- registry-creds: disabled", "- registry: disabled"])
        #expect(session.run("minikube addons enable ingress").text == "ingress was successfully enabled\n")
        #expect(session.run("minikube addons list").text.contains("- ingress: enabled\n"))
        #expect(session.run("minikube addons enable ingres") == ("Property name ingres not found\n", 0))
        #expect(session.run("minikube addons enable").text == "usage: minikube addons enable ADDON_NAME\n")
        // The addon manager creates the objects on its next sweep; the pods then pull and run.
        session.world.loop.advance(by: .seconds(90))
        let pods = session.run("kubectl get pods -n kube-system").text
        #expect(pods.contains("default-http-backend-") && pods.contains("nginx-ingress-controller-"))
        #expect(!pods.split(separator: "\n").filter { $0.contains("ingress") || $0.contains("backend") }.contains { !$0.contains("Running") })
        // The default backend answers every host no rule names, through the controller's hostPort.
        let miss = session.run("curl -s -w ' %{http_code}' http://192.168.99.100/anything")
        #expect(miss.text == "default backend - 404 404")
        #expect(session.run("minikube addons disable ingress").text == "ingress was successfully disabled\n")
        session.world.loop.advance(by: .seconds(90))
        #expect(!session.run("kubectl get pods -n kube-system").text.contains("nginx-ingress-controller"))
        #expect(session.run("curl -s http://192.168.99.100/").status == 7)
    }

    @Test func theBookIngressRoutesByHost() throws {
        let session = try Self.session()
        session.run("minikube addons enable ingress")
        session.write("kubia-ingress.yaml", Self.kubiaIngress)
        #expect(session.run("kubectl create -f kubia-ingress.yaml").text.hasSuffix("ingress \"kubia\" created\n"))
        let before = session.run("kubectl get ingresses").text
        #expect(before.hasPrefix("NAME      HOSTS               ADDRESS   PORTS     AGE\nkubia     kubia.example.com             80        "))
        session.world.loop.advance(by: .seconds(120))
        let after = session.run("kubectl get ing").text
        #expect(after.hasPrefix("NAME      HOSTS               ADDRESS          PORTS     AGE\nkubia     kubia.example.com   192.168.99.100   80        "))
        // Without an /etc/hosts entry the name does not resolve; the learner cannot write the file.
        #expect(session.run("curl -s http://kubia.example.com").status == 6)
        let denied = session.run("echo \"192.168.99.100 kubia.example.com\" >> /etc/hosts")
        #expect(denied.text.contains("Permission denied") && denied.status == 1)
        #expect(session.run("echo \"192.168.99.100 kubia.example.com\" | sudo tee -a /etc/hosts").text == "192.168.99.100 kubia.example.com\n")
        let answers = (0..<3).map { _ in session.run("curl -s http://kubia.example.com").text }
        #expect(answers.allSatisfy { $0.hasPrefix("You've hit kubia-") })
        #expect(Set(answers).count == 3)
        // Another host goes to the default backend.
        #expect(session.run("curl -s -H 'Host: other.example.com' http://192.168.99.100/").text == "default backend - 404")
        let describe = session.run("kubectl describe ing kubia").text
        #expect(describe.hasPrefix("Name:             kubia\nNamespace:        default\nAddress:          192.168.99.100\nDefault backend:  default-http-backend:80 (10.244.0."))
        #expect(describe.contains("Rules:\n  Host               Path  Backends\n  ----               ----  --------\n  kubia.example.com  \n                     /   kubia-nodeport:80 ("))
        // The controller reports what it saw: the new ingress, then its own status update.
        #expect(describe.contains("nginx-ingress-controller                 Normal    CREATE  Ingress default/kubia\n"))
        #expect(describe.contains("nginx-ingress-controller                 Normal    UPDATE  Ingress default/kubia\n"))
    }

    @Test func pathsAndHostsPickServices() throws {
        let session = try Self.session()
        session.run("minikube addons enable ingress")
        session.write("many.yaml", Self.pathsAndHosts)
        session.run("kubectl create -f many.yaml")
        session.world.loop.advance(by: .seconds(120))
        session.run("echo '192.168.99.100 kubia.example.com foo.example.com' | sudo tee -a /etc/hosts")
        #expect(session.run("curl -s http://kubia.example.com/kubia").text.hasPrefix("You've hit kubia-"))
        #expect(session.run("curl -s http://foo.example.com/anything").text.hasPrefix("You've hit kubia-"))
        // A path no rule has goes to the default backend; a service that does not exist gets 503.
        #expect(session.run("curl -s http://kubia.example.com/").text == "default backend - 404")
        let missing = session.run("curl -s -o /dev/null -w '%{http_code}' http://kubia.example.com/foo")
        #expect(missing.text == "503")
        #expect(session.run("kubectl get ing many").text.contains("kubia.example.com,foo.example.com   192.168.99.100   80 "))
    }

    @Test func invalidIngressesAreRefusedAsIn18() throws {
        let session = try Session()
        session.write("bad.yaml", """
            apiVersion: extensions/v1beta1
            kind: Ingress
            metadata:
              name: bad
            spec:
              rules:
              - host: 1.2.3.4
                http:
                  paths:
                  - path: kubia
                    backend:
                      serviceName: Kubia
                      servicePort: 0

            """)
        let result = session.run("kubectl create -f bad.yaml")
        #expect(result.status == 1)
        #expect(result.text.contains("The Ingress.extensions \"bad\" is invalid: \n* spec.rules[0].host"))
        #expect(result.text.contains("spec.rules[0].host: Invalid value: \"1.2.3.4\": must be a DNS name, not an IP address"))
        #expect(result.text.contains("spec.rules[0].http.paths[0].path: Invalid value: \"kubia\": must be an absolute path"))
        #expect(result.text.contains("spec.rules[0].http.backend.servicePort: Invalid value: 0: must be between 1 and 65535, inclusive"))
        session.write("empty.yaml", "apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: empty\nspec: {}\n")
        #expect(session.run("kubectl create -f empty.yaml").text.contains("spec.rules: Invalid value: []extensions.IngressRule(nil): either `backend` or `rules` must be specified"))
    }

    @Test func sudoRunsAsRoot() throws {
        let session = try Session()
        #expect(session.run("sudo id -u").text == "0\n")
        #expect(session.run("sudo whoami").text == "root\n")
        #expect(session.run("sudo nosuchcommand") == ("sudo: nosuchcommand: command not found\n", 1))
        #expect(session.run("sudo -u nobody id -un").text == "nobody\n")
        #expect(session.run("sudo -u ghost true").text == "sudo: unknown user: ghost\nsudo: unable to initialize policy plugin\n")
        #expect(session.run("sudo").status == 1)
        session.run("sudo sh -c 'echo 10.1.2.3 my.example.com >> /etc/hosts'")
        #expect(session.run("grep my.example.com /etc/hosts").text == "10.1.2.3 my.example.com\n")
        // The name now resolves (curl's 6 is "Could not resolve host").
        #expect(session.run("curl -s -m 1 http://my.example.com").status != 6)
    }

    @Test func theBookTLSIngressServesTheCertificate() throws {
        let session = try Self.session()
        session.run("minikube addons enable ingress")
        // 1024 bits keep the test quick in debug builds; the lesson and transcript use the book's 2048.
        let key = session.run("openssl genrsa -out tls.key 1024")
        #expect(key.text.hasPrefix("Generating RSA private key, 1024 bit long modulus\n") && key.text.hasSuffix("+++\ne is 65537 (0x010001)\n"))
        #expect(session.run("openssl req -new -x509 -key tls.key -out tls.cert -days 360 -subj /CN=kubia.example.com") == ("", 0))
        let text = session.run("openssl x509 -in tls.cert -text -noout").text
        #expect(text.hasPrefix("Certificate:\n    Data:\n        Version: 3 (0x2)\n        Serial Number:\n            "))
        #expect(text.contains("        Issuer: CN = kubia.example.com\n        Validity\n            Not Before: "))
        #expect(text.contains("                Public-Key: (1024 bit)\n                Modulus:\n                    00:"))
        #expect(session.run("kubectl create secret tls tls-secret --cert=tls.cert --key=tls.key").text == "secret \"tls-secret\" created\n")
        session.write("kubia-ingress-tls.yaml", Self.kubiaIngressTLS)
        #expect(session.run("kubectl apply -f kubia-ingress-tls.yaml").status == 0)
        session.world.loop.advance(by: .seconds(120))
        #expect(session.run("kubectl get ing kubia").text.contains("kubia.example.com   192.168.99.100   80, 443   "))
        session.run("echo '192.168.99.100 kubia.example.com' | sudo tee -a /etc/hosts")
        // Without -k curl refuses the self-signed certificate.
        let refused = session.run("curl https://kubia.example.com/kubia")
        #expect(refused.status == 60)
        #expect(refused.text.hasPrefix("curl: (60) SSL certificate problem: self signed certificate\nMore details here: https://curl.haxx.se/docs/sslcerts.html\n"))
        #expect(session.run("curl -k -s https://kubia.example.com/kubia").text.hasPrefix("You've hit kubia-"))
        let verbose = session.run("curl -k -v https://kubia.example.com/kubia").text
        #expect(verbose.contains("* Server certificate:\n*  subject: CN=kubia.example.com\n*  start date: "))
        #expect(verbose.contains("*  SSL certificate verify result: self signed certificate (18), continuing anyway.\n"))
        #expect(verbose.contains("< HTTP/2 200 \r\n< server: "))
        // Plain HTTP to the TLS host is redirected; an address without SNI gets the fake certificate.
        #expect(session.run("curl -s -o /dev/null -w '%{http_code} %{url_effective}' -L -k http://kubia.example.com/kubia").text
            == "200 https://kubia.example.com/kubia")
        #expect(session.run("curl -k -v https://192.168.99.100/").text.contains("*  subject: O=Acme Co; CN=Kubernetes Ingress Controller Fake Certificate\n"))
        #expect(session.run("curl -s http://192.168.99.100:443/").text.contains("<center>The plain HTTP request was sent to HTTPS port</center>"))
        // curl's https to a plain HTTP server still fails as OpenSSL does.
        #expect(session.run("curl -s https://192.168.99.100:30123/").status == 35)
        #expect(session.run("kubectl describe ing kubia").text.contains("TLS:\n  tls-secret terminates kubia.example.com\nRules:"))
    }
}
