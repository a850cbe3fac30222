import Testing
import Kubectl
import StructuredData

struct JSONPathParsingTests {
    @Test(arguments: [
        ("{.hello", "unclosed action"),
        ("{", "unclosed action"),
        ("{.a\n}", "unclosed action"),
        ("{*}", "unrecognized character in action: U+002A '*'"),
        ("{\\}", "unrecognized character in action: U+005C '\\'"),
        ("{\t.a}", "unrecognized character in action: U+0009"),
        ("{+12.3.0}", "cannot parse number +12.3.0"),
        ("{-}", "cannot parse number -"),
        ("{[1}", "unterminated array"),
        ("{.items[}", "unterminated array"),
        ("{[?(.price]}", "unterminated filter"),
        ("{.a[?(@.b==1)}", "unclosed array expect ]"),
        ("{........}", "invalid multiple recursive descent"),
        ("{............................................................Price}", "invalid multiple recursive descent"),
        ("{[x]}", "invalid array index x"),
        ("{[1:2:3:4]}", "invalid array index 1:2:3:4"),
        ("{[-]}", "array index - is not a number"),
        ("{[1:-]}", "array index - is not a number"),
        ("{\"\\q\"}", "unquote string \"\\q\" error invalid syntax"),
        ("{\"abc}", "unterminated quoted string"),
        ("{'a\"}", "unterminated quoted string"),
        ("{[1,x]}", "invalid array index x"),
    ])
    func syntaxError(template: String, expected: String) {
        #expect(throws: JSONPathError(expected)) { try JSONPath(template) }
    }

    static let node: JSONValue = [
        "status": ["nodeInfo": ["osImage": "()"]],
        "test": true,
        "book": [["price": 10, "title": "a"], ["price": 2, "title": "b"]],
    ]

    /// Templates that parse, from client-go's parser tests, with what they print.
    @Test(arguments: [
        ("hello {.book[0].title}", "hello a"),
        ("{.book[*].title}", "a b"),
        ("{.book[?(@.price<3)].title}", "b"),
        ("{['book'][1]['title']}", "b"),
        ("{.book[1:2].title}", "b"),
        ("{range .book[*]}{.title},{end}", "a,b,"),
        ("{.book[-1:].title}", "b"),
        ("{.status.nodeInfo.osImage}", "()"),
        ("{.test}", "true"),
        ("{'single \"double\"'}", "single \"double\""),
        ("{'\\'\\''}", "''"),
        ("{\"\\u00e9\\x41\\101\"}", "éAA"),
        ("{\"}\"}", "}"),
        ("{  .test  }", "true"),
        ("{@.test}", "true"),
        ("{$}", #"{"book":[{"price":10,"title":"a"},{"price":2,"title":"b"}],"status":{"nodeInfo":{"osImage":"()"}},"test":true}"#),
        ("{5}", "5"),
        ("{-2.5}", "-2.5"),
        ("{true}", "true"),
        ("plain}text", "plain}text"),
    ])
    func parsedTemplate(template: String, expected: String) throws {
        #expect(try JSONPath(template).execute(on: Self.node) == expected)
    }

    /// Filters whose quoted right side holds parentheses, brackets or quotes.
    @Test(arguments: [
        (#"{[?(@.status.nodeInfo.osImage == "()")].id}"#, "a"),
        (#"{[?(@.status.nodeInfo.osImage == "(\"\")")].id}"#, "b"),
        (#"{[?(@.test == "())(")].id}"#, "c"),
        (#"{[?(@.status.nodeInfo.osImage == 'Linux')].id}"#, "d"),
        (#"{[?(@.status.nodeInfo.osImage == "{[()]}")].id}"#, "e"),
        (#"{[?(@.status.nodeInfo.osImage == "''")].id}"#, "f"),
        (#"{[?(@.status.nodeInfo.osImage == '""')].id}"#, "g"),
        (#"{[?(@.status.nodeInfo.osImage == '\'\'')].id}"#, "f"),
        (#"{[?(@.flag == true)].id}"#, "h"),
    ])
    func quotedFilters(template: String, expected: String) throws {
        let image = { (text: String, id: String) -> JSONValue in ["id": .string(id), "status": ["nodeInfo": ["osImage": .string(text)]]] }
        let list: JSONValue = [
            image("()", "a"), image("(\"\")", "b"), ["id": "c", "test": "())("], image("Linux", "d"),
            image("{[()]}", "e"), image("''", "f"), image("\"\"", "g"), ["id": "h", "flag": true],
        ]
        #expect(try JSONPath(template, allowsMissingKeys: true).execute(on: list) == expected)
    }
}
