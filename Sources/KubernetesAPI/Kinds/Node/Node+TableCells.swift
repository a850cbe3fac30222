extension Node {
    /// The ROLES cell, from `node-role.kubernetes.io/…` and `kubernetes.io/role` labels.
    public var rolesCell: String {
        let node = self
        var roles: [String] = []
        for (key, value) in node.labels {
            if key.hasPrefix("node-role.kubernetes.io/") {
                let role = String(key.dropFirst("node-role.kubernetes.io/".count))
                if !role.isEmpty { roles.append(role) }
            } else if key == "kubernetes.io/role", !value.isEmpty {
                roles.append(value)
            }
        }
        return roles.isEmpty ? "<none>" : roles.sorted().joined(separator: ",")
    }
}
