/// The ConfigMap and Secret describers of kubectl 1.8: no events, the data keys in order (Go
/// ranged over the map; the order here is the sorted one).
extension Describers {
    func describeConfigMap(_ configMap: ConfigMap, into text: inout DescribeText) {
        text.line(0, "Name:\t" + configMap.name)
        text.line(0, "Namespace:\t" + configMap.namespace)
        text.map(0, "Labels", configMap.metadata.labels)
        text.map(0, "Annotations", configMap.metadata.annotations, separator: ": ")
        text.line(0, "")
        text.line(0, "Data")
        text.line(0, "====")
        let data = configMap.data ?? [:]
        for key in data.keys.sorted() {
            text.line(0, key + ":")
            text.line(0, "----")
            text.line(0, data[key] ?? "")
        }
    }

    func describeSecret(_ secret: Secret, into text: inout DescribeText) {
        text.line(0, "Name:\t" + secret.name)
        text.line(0, "Namespace:\t" + secret.namespace)
        text.map(0, "Labels", secret.metadata.labels)
        text.map(0, "Annotations", secret.metadata.annotations, separator: ": ", skipping: [ObjectMeta.lastAppliedConfigurationAnnotation])
        text.line(0, "")
        text.line(0, "Type:\t" + (secret.type ?? ""))
        text.line(0, "")
        text.line(0, "Data")
        text.line(0, "====")
        let data = secret.data ?? [:]
        for key in data.keys.sorted() {
            let bytes = data[key]?.bytes ?? []
            // A service account token is shown; every other value only by its size.
            if key == "token", secret.type == "kubernetes.io/service-account-token" {
                text.line(0, key + ":\t" + String(decoding: bytes, as: UTF8.self))
            } else {
                text.line(0, key + ":\t\(bytes.count) bytes")
            }
        }
    }
}
