/// Manifests of the book's repository (luksa/kubernetes-in-action) that several chapters' tests
/// create, copied once as fixtures.
enum BookManifests {
    /// Chapter04/kubia-rc.yaml: the RC the chapters 4 and 5 build on.
    static let kubiaRC = """
        apiVersion: v1
        kind: ReplicationController
        metadata:
          name: kubia
        spec:
          replicas: 3
          selector:
            app: kubia
          template:
            metadata:
              labels:
                app: kubia
            spec:
              containers:
              - name: kubia
                image: luksa/kubia
                ports:
                - containerPort: 8080

        """
}
