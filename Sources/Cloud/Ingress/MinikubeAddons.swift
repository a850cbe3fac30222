import Eras
import KubernetesAPI
import Simulation
import StructuredData

/// minikube's addons: which exist, which are on by default, and the manifests the ingress addon
/// copies into the VM for the addon manager to apply (minikube v0.23.0's `deploy/addons/ingress`,
/// image tags from the era).
enum MinikubeAddons {
    /// The addons of `minikube addons list`, with their defaults.
    static let defaults: [(name: String, enabled: Bool)] = [
        ("addon-manager", true), ("dashboard", true), ("default-storageclass", true), ("coredns", false), ("kube-dns", true),
        ("heapster", false), ("ingress", false), ("registry", false), ("registry-creds", false),
    ]

    /// The label the addon manager prunes by: objects with it that no manifest names are deleted.
    static let modeLabel = "addonmanager.kubernetes.io/mode"

    /// How often the addon manager applies the addons folder (`ADDON_CHECK_INTERVAL_SEC`).
    static let checkInterval: Int64 = 60

    /// The ingress addon's objects: the default backend and controller replication controllers,
    /// the controller's config map and the default backend's service.
    static func ingressObjects(era: Era) -> [any APIObject] {
        let text = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: nginx-load-balancer-conf
              namespace: kube-system
              labels:
                addonmanager.kubernetes.io/mode: Reconcile
            data:
              map-hash-bucket-size: "128"
            ---
            apiVersion: v1
            kind: ReplicationController
            metadata:
              name: default-http-backend
              namespace: kube-system
              labels:
                addonmanager.kubernetes.io/mode: Reconcile
            spec:
              replicas: 1
              selector:
                app: default-http-backend
                addonmanager.kubernetes.io/mode: Reconcile
              template:
                metadata:
                  labels:
                    app: default-http-backend
                    addonmanager.kubernetes.io/mode: Reconcile
                spec:
                  terminationGracePeriodSeconds: 60
                  containers:
                  - name: default-http-backend
                    image: \(SystemImages.reference("defaultbackend", era: era))
                    imagePullPolicy: IfNotPresent
                    livenessProbe:
                      httpGet:
                        path: /healthz
                        port: 8080
                        scheme: HTTP
                      initialDelaySeconds: 30
                      timeoutSeconds: 5
                    ports:
                    - containerPort: 8080
                    resources:
                      limits:
                        cpu: 10m
                        memory: 20Mi
                      requests:
                        cpu: 10m
                        memory: 20Mi
            ---
            apiVersion: v1
            kind: ReplicationController
            metadata:
              name: nginx-ingress-controller
              namespace: kube-system
              labels:
                app: nginx-ingress-controller
                addonmanager.kubernetes.io/mode: Reconcile
            spec:
              replicas: 1
              selector:
                app: nginx-ingress-controller
                addonmanager.kubernetes.io/mode: Reconcile
              template:
                metadata:
                  labels:
                    app: nginx-ingress-controller
                    name: nginx-ingress-controller
                    addonmanager.kubernetes.io/mode: Reconcile
                spec:
                  terminationGracePeriodSeconds: 60
                  containers:
                  - image: \(SystemImages.reference("nginx-ingress-controller", era: era))
                    name: nginx-ingress-controller
                    imagePullPolicy: IfNotPresent
                    readinessProbe:
                      httpGet:
                        path: /healthz
                        port: 10254
                        scheme: HTTP
                    livenessProbe:
                      httpGet:
                        path: /healthz
                        port: 10254
                        scheme: HTTP
                      initialDelaySeconds: 10
                      timeoutSeconds: 1
                    env:
                      - name: POD_NAME
                        valueFrom:
                          fieldRef:
                            fieldPath: metadata.name
                      - name: POD_NAMESPACE
                        valueFrom:
                          fieldRef:
                            fieldPath: metadata.namespace
                    ports:
                    - containerPort: 80
                      hostPort: 80
                    - containerPort: 443
                      hostPort: 443
                    - containerPort: 18080
                      hostPort: 18080
                    args:
                    - /nginx-ingress-controller
                    - --default-backend-service=$(POD_NAMESPACE)/default-http-backend
                    - --configmap=$(POD_NAMESPACE)/nginx-load-balancer-conf
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: default-http-backend
              namespace: kube-system
              labels:
                app: default-http-backend
                addonmanager.kubernetes.io/mode: Reconcile
            spec:
              type: NodePort
              ports:
              - port: 80
                targetPort: 8080
                nodePort: 30001
              selector:
                app: default-http-backend
            """
        let documents = (try? YAMLDocuments.parse(text)) ?? []
        let decoder = JSONValueDecoder()
        return documents.compactMap { document -> (any APIObject)? in
            switch document["kind"]?.stringValue {
            case "ConfigMap": try? decoder.decode(ConfigMap.self, from: document)
            case "ReplicationController": try? decoder.decode(ReplicationController.self, from: document)
            case "Service": try? decoder.decode(Service.self, from: document)
            default: nil
            }
        }
    }

    /// What the addon manager does on a sweep: creates the enabled addons' objects that are
    /// missing and deletes those of disabled addons (`kubectl apply --prune`).
    static func reconcile(_ cluster: SimulatedCluster, ingressEnabled: Bool, era: Era) {
        let client = cluster.controlPlane.client()
        for object in ingressObjects(era: era) {
            if ingressEnabled {
                _ = try? create(object, client: client)
            } else {
                _ = try? delete(object, client: client)
            }
        }
    }

    private static func create<Object: APIObject>(_ object: Object, client: any KubernetesClient) throws(APIError) -> Object {
        if let existing = try? client.get(Object.self, namespace: object.metadata.namespace, name: object.name) { return existing }
        return try client.create(object)
    }

    private static func delete<Object: APIObject>(_ object: Object, client: any KubernetesClient) throws(APIError) -> Object {
        // kubectl's pruning deletes with cascade: the controllers' pods go too.
        try client.delete(Object.self, namespace: object.metadata.namespace, name: object.name, options: DeleteOptions(propagationPolicy: .background))
    }
}
