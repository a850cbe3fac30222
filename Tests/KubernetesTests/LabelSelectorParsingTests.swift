@testable import KubernetesAPI
import Testing

private let nameRule =
    "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
private let valueRule =
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
private let subdomainRule =
    "a DNS-1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
private let operatorList = "'=', '!=', '==', 'in', notin'"

struct LabelSelectorParsingTests {
    /// Selector text → canonical form (requirements sorted by key, values sorted).
    @Test(arguments: [
        ("", ""),
        ("   ", ""),
        ("x=a", "x=a"),
        ("x==a", "x==a"),
        ("x!=a", "x!=a"),
        ("x in (a,b)", "x in (a,b)"),
        ("x in (b,a,a)", "x in (a,b)"),
        ("x notin (a)", "x notin (a)"),
        ("x", "x"),
        ("!x", "!x"),
        ("! x", "!x"),
        ("  x  ,  y  ", "x,y"),
        ("z=1,a=2", "a=2,z=1"),
        ("x=", "x="),
        ("x=,y=b", "x=,y=b"),
        ("x in ()", "x in ()"),
        ("x in (,)", "x in ()"),
        ("x in (a,)", "x in (,a)"),
        ("x in (,a)", "x in (,a)"),
        ("x in (a,,b)", "x in (,a,b)"),
        ("x in (in)", "x in (in)"),
        ("in in (notin)", "in in (notin)"),
        ("x>1", "x>1"),
        ("x<10", "x<10"),
        ("example.com/app=web", "example.com/app=web"),
        ("a.b-c_d=E.f-9", "a.b-c_d=E.f-9"),
        ("x=a,!y,z in (2,1)", "x=a,!y,z in (1,2)"),
        ("x=b,x=a", "x=b,x=a"),
        ("app=kubia,rel notin (canary)", "app=kubia,rel notin (canary)"),
        ("env\tin\t(prod)", "env in (prod)"),
    ])
    func canonicalForm(input: String, expected: String) throws {
        #expect(try Labels.Selector.parse(input).description == expected)
    }

    @Test func parsedRequirements() throws {
        let selector = try Labels.Selector.parse("tier in (web, db),!legacy,app=kubia")
        #expect(selector.requirements.map(\.key) == ["app", "legacy", "tier"])
        #expect(selector.requirements[0].operator == .equals)
        #expect(selector.requirements[0].values == ["kubia"])
        #expect(selector.requirements[1].operator == .doesNotExist)
        #expect(selector.requirements[2].operator == .in)
        #expect(selector.requirements[2].values == ["db", "web"])
    }

    /// Selector text → the exact error Kubernetes reports.
    @Test(arguments: [
        ("x=a b", "found 'b', expected: ',' or 'end of string'"),
        ("x in (a", "unable to parse requirement: found '', expected: ',' or ')'"),
        ("x in a", "unable to parse requirement: found 'a' expected: '('"),
        ("x in (a b)", "unable to parse requirement: found 'b', expected: ',' or ')'"),
        ("x=(a", "unable to parse requirement: found '(', expected: identifier"),
        ("x y", "unable to parse requirement: found 'y', expected: \(operatorList)"),
        ("component not in (kube-apiserver)", "unable to parse requirement: found 'not', expected: \(operatorList)"),
        (",", "found ',', expected: !, identifier, or 'end of string'"),
        ("x,", "found '', expected: identifier after ','"),
        ("x,,y", "found ',', expected: identifier after ','"),
        ("=a", "found '=', expected: !, identifier, or 'end of string'"),
        ("!=a", "found '!=', expected: !, identifier, or 'end of string'"),
        ("!x=a", "found '=', expected: ',' or 'end of string'"),
        ("!", "unable to parse requirement: found '', expected: identifier"),
        ("x in ((a)", "unable to parse requirement: found '(', expected: ',', ')' or identifier"),
        ("x in (a,(b)", "unable to parse requirement: found '(', expected: ',', or identifier"),
        ("x>a", "unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer"),
        ("x>", "unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer"),
        ("x<-10", "unable to parse requirement: invalid label value: \"-10\": \(valueRule)"),
        ("x=a=b", "found '=', expected: ',' or 'end of string'"),
        ("-x=a", "unable to parse requirement: invalid label key \"-x\": name part \(nameRule)"),
        ("a/b/c", "unable to parse requirement: invalid label key \"a/b/c\": a qualified name \(nameRule) with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"),
        ("Example.com/x", "unable to parse requirement: invalid label key \"Example.com/x\": prefix part \(subdomainRule)"),
        ("/x", "unable to parse requirement: invalid label key \"/x\": prefix part must be non-empty"),
        ("x/", "unable to parse requirement: invalid label key \"x/\": name part must be non-empty; name part \(nameRule)"),
        (String(repeating: "k", count: 64), "unable to parse requirement: invalid label key \"\(String(repeating: "k", count: 64))\": name part must be no more than 63 characters"),
        ("x=-a", "unable to parse requirement: invalid label value: \"-a\": \(valueRule)"),
        ("x in (ok,b_)", "unable to parse requirement: invalid label value: \"b_\": \(valueRule)"),
        ("x=\(String(repeating: "v", count: 64))", "unable to parse requirement: invalid label value: \"\(String(repeating: "v", count: 64))\": must be no more than 63 characters"),
        ("x=a\"b", "unable to parse requirement: invalid label value: \"a\\\"b\": \(valueRule)"),
    ])
    func parseError(input: String, expected: String) {
        #expect(throws: Labels.SelectorError(expected)) { try Labels.Selector.parse(input) }
    }
}
