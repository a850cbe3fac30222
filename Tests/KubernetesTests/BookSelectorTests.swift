import KubernetesAPI
import Testing

/// The selectors *Kubernetes in Action* types in chapter 3, against the chapter's pods.
struct BookSelectorTests {
    static let pods: [(String, [String: String])] = [
        ("kubia-manual", ["creation_method": "manual"]),
        ("kubia-manual-v2", ["creation_method": "manual", "env": "prod"]),
        ("kubia-5k788", ["run": "kubia"]),
        ("kubia-ui-east", ["app": "ui", "rel": "stable", "env": "devel"]),
        ("kubia-pc-beta", ["app": "pc", "rel": "beta", "env": "prod"]),
    ]

    @Test(arguments: [
        ("creation_method=manual", ["kubia-manual", "kubia-manual-v2"]),
        ("env", ["kubia-manual-v2", "kubia-ui-east", "kubia-pc-beta"]),
        ("!env", ["kubia-manual", "kubia-5k788"]),
        ("creation_method!=manual", ["kubia-5k788", "kubia-ui-east", "kubia-pc-beta"]),
        ("env in (prod,devel)", ["kubia-manual-v2", "kubia-ui-east", "kubia-pc-beta"]),
        ("env notin (prod,devel)", ["kubia-manual", "kubia-5k788"]),
        ("app=pc", ["kubia-pc-beta"]),
        ("app=pc,rel=beta", ["kubia-pc-beta"]),
        ("rel=beta", ["kubia-pc-beta"]),
    ])
    func selection(selector: String, expected: [String]) throws {
        let parsed = try Labels.Selector.parse(selector)
        #expect(Self.pods.filter { parsed.matches($0.1) }.map(\.0) == expected)
    }
}
