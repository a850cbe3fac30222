import Testing
@testable import JavaScript

/// Runs a script and returns what it printed with console.log.
func output(of source: String) -> String {
    let interpreter = Interpreter()
    var printed = ""
    interpreter.standardOutput = { printed += $0 }
    interpreter.standardError = { printed += $0 }
    do {
        try interpreter.runModule(source: source, fileName: "/test.js")
        try interpreter.runPendingJobs()
    } catch let error as JSThrow {
        printed += "uncaught: " + (interpreter.inspect(error.value).split(separator: "\n").first.map(String.init) ?? "")
    } catch {
        printed += "error: \(error)"
    }
    return printed
}

struct LanguageCase: CustomTestStringConvertible, Sendable {
    var source: String
    var expected: String
    var testDescription: String { source }
    init(_ source: String, _ expected: String) {
        self.source = source
        self.expected = expected
    }
}

@Suite struct LanguageTests {
    static let cases: [LanguageCase] = [
        .init("console.log(1 + 2)", "3\n"),
        .init("console.log('a' + 1, 1 + '2', 3 - '1')", "a1 12 2\n"),
        .init("var x = 5; let y = 6; const z = x * y; console.log(z)", "30\n"),
        .init("console.log(0.1 + 0.2, 1e21, 1/3, -0, 100, 1e-7, 123456789012345680000)", "0.30000000000000004 1e+21 0.3333333333333333 0 100 1e-7 123456789012345680000\n"),
        .init("function f(a, b) { return a + b } console.log(f(1, 2), f.length, f.name)", "3 2 f\n"),
        .init("console.log(g()); function g() { return 'hoisted' }", "hoisted\n"),
        .init("var add = (a, b) => a + b; var sq = x => { return x * x }; console.log(add(1, 2), sq(4))", "3 16\n"),
        .init("function counter() { var n = 0; return function() { return ++n } } var c = counter(); c(); console.log(c())", "2\n"),
        .init("var o = { n: 'o', f: function() { return this.n }, g() { return () => this.n } }; console.log(o.f(), o.g()())", "o o\n"),
        .init("function P(name) { this.name = name } P.prototype.hi = function() { return 'hi ' + this.name }; var p = new P('x'); console.log(p.hi(), p instanceof P)", "hi x true\n"),
        .init("class A { constructor(v) { this.v = v } get double() { return this.v * 2 } inc() { this.v++; return this } } console.log(new A(2).inc().double)", "6\n"),
        .init("class A { hi() { return 'A' } } class B extends A { hi() { return super.hi() + 'B' } } console.log(new B().hi())", "AB\n"),
        .init("var k = 'dyn'; var o = { a: 1, [k]: 2, k }; console.log(o)", "{ a: 1, dyn: 2, k: 'dyn' }\n"),
        .init("var o = { a: 1, b: 2 }; delete o.a; console.log('a' in o, 'b' in o, o.hasOwnProperty('b'))", "false true true\n"),
        .init("var a = [3, 1, 2]; a.push(4); console.log(a.length, a.pop(), a.shift(), a)", "4 4 3 [ 1, 2 ]\n"),
        .init("console.log([1, 2, 3].map(x => x * 2).filter(x => x > 2).reduce((a, b) => a + b, 0))", "10\n"),
        .init("var a = [1, 2, 3, 4, 5]; console.log(a.slice(1, 3), a.splice(1, 2, 'x'), a)", "[ 2, 3 ] [ 2, 3 ] [ 1, 'x', 4, 5 ]\n"),
        .init("console.log([1, 2].concat([3], 4).join('-'), [1, 2, 3].indexOf(2), [1, 2].includes(3))", "1-2-3-4 1 false\n"),
        .init("console.log([10, 9, 1].sort(), [10, 9, 1].sort((a, b) => a - b), [1, 2].reverse())", "[ 1, 10, 9 ] [ 1, 9, 10 ] [ 2, 1 ]\n"),
        .init("console.log([1, 2, 3].find(x => x > 1), [1, 2].some(x => x > 1), [1, 2].every(x => x > 1))", "2 true false\n"),
        .init("var o = { a: 1, b: 'x' }; console.log(Object.keys(o), Object.values(o), Object.entries(o))", "[ 'a', 'b' ] [ 1, 'x' ] [ [ 'a', 1 ], [ 'b', 'x' ] ]\n"),
        .init("console.log(Object.assign({}, { a: 1 }, { b: 2 }))", "{ a: 1, b: 2 }\n"),
        .init("var s = ' Hello World '; console.log(s.trim().toUpperCase(), s.length, s.indexOf('o'), s.slice(1, 6), s.substring(7, 1))", "HELLO WORLD 13 5 Hello Hello \n"),
        .init("console.log('a,b,c'.split(','), 'abc'.substr(1, 1), 'abc'.charAt(2), 'ab'.repeat(2), '5'.padStart(3, '0'))", "[ 'a', 'b', 'c' ] b c abab 005\n"),
        .init("console.log('hello'.startsWith('he'), 'hello'.endsWith('lo'), 'hello'.includes('ll'), 'aXbX'.replace('X', '-'))", "true true true a-bX\n"),
        .init("console.log('a1b22c'.replace(/\\d+/g, '#'), 'John Smith'.replace(/(\\w+)\\s(\\w+)/, '$2, $1'), /^a.c$/i.test('AbC'))", "a#b#c Smith, John true\n"),
        .init("var name = 'w'; console.log(`hi ${name}, ${1 + 2}!`)", "hi w, 3!\n"),
        .init("console.log((1.005).toFixed(2), (3).toFixed(2), parseInt('42px'), parseFloat('3.5e1x'), Number('12'), Number('x'), String(12))", "1.00 3.00 42 35 12 NaN 12\n"),
        .init("console.log(isNaN('x'), typeof 1, typeof 'a', typeof undefined, typeof null, typeof {}, typeof function(){}, typeof nope)", "true number string undefined object object function undefined\n"),
        .init("console.log(1 == '1', 1 === '1', null == undefined, null === undefined, 0 == '', NaN == NaN, [1] == 1)", "true false true false true false true\n"),
        .init("console.log(0 || 'x', 1 && 'y', null || undefined, !'', !!'a')", "x y undefined true true\n"),
        .init("var s = ''; for (var i = 0; i < 3; i++) { if (i == 1) continue; s += i } console.log(s)", "02\n"),
        .init("var s = []; for (var k in { a: 1, b: 2 }) s.push(k); for (var v of [3, 4]) s.push(v); console.log(s)", "[ 'a', 'b', 3, 4 ]\n"),
        .init("var i = 0; while (true) { if (++i > 4) break } do { i-- } while (i > 2); console.log(i)", "2\n"),
        .init("function f(x) { switch (x) { case 1: return 'one'; case 2: case 3: return 'few'; default: return 'many' } } console.log(f(1), f(3), f(9))", "one few many\n"),
        .init("var fs = []; for (let i = 0; i < 3; i++) fs.push(() => i); console.log(fs.map(f => f()))", "[ 0, 1, 2 ]\n"),
        .init("try { null.x } catch (e) { console.log(e.message, e instanceof TypeError, e.name) }", "Cannot read property 'x' of null true TypeError\n"),
        .init("try { throw new Error('boom') } catch (e) { console.log(e.message) } finally { console.log('done') }", "boom\ndone\n"),
        .init("function f() { try { return 'try' } finally { console.log('finally') } } console.log(f())", "finally\ntry\n"),
        .init("try { undefinedFunction() } catch (e) { console.log(String(e)) }", "ReferenceError: undefinedFunction is not defined\n"),
        .init("var o = {}; try { o.f() } catch (e) { console.log(e.message) }", "o.f is not a function\n"),
        .init("const c = 1; try { c = 2 } catch (e) { console.log(e.message) }", "Assignment to constant variable.\n"),
        .init("console.log(JSON.stringify({ a: [1, 'x', null], b: { c: true } }))", "{\"a\":[1,\"x\",null],\"b\":{\"c\":true}}\n"),
        .init("console.log(JSON.stringify({ a: 1, b: [1, 2] }, null, 2))", "{\n  \"a\": 1,\n  \"b\": [\n    1,\n    2\n  ]\n}\n"),
        .init("var v = JSON.parse('{\"a\": [1, 2.5, \"s\"], \"b\": null}'); console.log(v.a[1], v.b, v)", "2.5 null { a: [ 1, 2.5, 's' ], b: null }\n"),
        .init("try { JSON.parse('{x') } catch (e) { console.log(e.message) }", "Unexpected token x in JSON at position 1\n"),
        .init("console.log('%s is %d years', 'Bob', 42, 'extra')", "Bob is 42 years extra\n"),
        .init("console.log({ s: 'it\\'s', n: null, u: undefined, f: function foo() {}, g: () => 1, d: { e: { f: { g: 1 } } } })", "{ s: 'it\\'s',\n  n: null,\n  u: undefined,\n  f: [Function: foo],\n  g: [Function: g],\n  d: { e: { f: [Object] } } }\n"),
        .init("console.log({ 'a-b': 1 }, [], {}, [[]], ['a'])", "{ 'a-b': 1 } [] {} [ [] ] [ 'a' ]\n"),
        .init("class Foo { constructor() { this.x = 1 } } console.log(new Foo())", "Foo { x: 1 }\n"),
        .init("var d = new Date(0); console.log(d.toISOString(), d.getTime(), d.getFullYear())", "1970-01-01T00:00:00.000Z 0 1970\n"),
        .init("console.log(new Date(Date.UTC(2018, 2, 6, 9)).toString())", "Tue Mar 06 2018 09:00:00 GMT+0000 (UTC)\n"),
        .init("console.log(Math.max(1, 5, 3), Math.floor(2.7), Math.round(2.5), Math.abs(-3), Math.pow(2, 10), Math.min())", "5 2 3 3 1024 Infinity\n"),
        .init("var a = [1, 2, 3]; var [x, , z] = a; var { p, q = 9 } = { p: 1 }; console.log(x, z, p, q)", "1 3 1 9\n"),
        .init("function f(a, b = 2, ...rest) { return [a, b, rest] } console.log(f(1), f(1, 3, 4, 5))", "[ 1, 2, [] ] [ 1, 3, [ 4, 5 ] ]\n"),
        .init("function f() { return arguments.length } console.log(f(1, 2, 3), Math.max(...[1, 7, 3]))", "3 7\n"),
        .init("var x = 10; x += 5; x -= 1; x *= 2; x /= 4; x %= 4; console.log(x)", "3\n"),
        .init("var i = 5; console.log(i++, i, --i, i)", "5 6 5 5\n"),
        .init("console.log(5 > 3 ? 'yes' : 'no', 'b' > 'a', '10' < '9', 10 < 9)", "yes true true false\n"),
        .init("var e = new RangeError('r'); console.log(e instanceof Error, Object.prototype.toString.call([]))", "true [object Array]\n"),
        .init("var o = { a: 1 }; o.self = o; console.log(o)", "{ a: 1, self: [Circular] }\n"),
        .init("var arr = []; arr[5] = 1; console.log(arr.length)", "6\n"),
        .init("var qps = []; var t = 1520326800123; qps[t] = 1; for (var k in qps) if (qps.hasOwnProperty(k)) console.log(k, qps[k])", "1520326800123 1\n"),
        .init("console.log([1, [2, [3, [4]]]], 'x'.concat(1))", "[ 1, [ 2, [ 3, [Array] ] ] ] x1\n"),
        .init("label: for (var i = 0; i < 3; i++) { for (var j = 0; j < 3; j++) { if (j == 1) continue label; if (i == 2) break label; console.log(i, j) } }", "0 0\n1 0\n"),
        .init("console.log(String(null), String([1, 2]), String({}), [] + [], 1 + null, 'x' + undefined)", "null 1,2 [object Object]  1 xundefined\n"),
        .init("var f = function() {}; var g = function named() {}; console.log(f.name, g.name, [f])", "f named [ [Function: f] ]\n"),
        .init("console.log([1,2,3].forEach(function(x) { this.push(x) }, []), (function() { return typeof this })())", "undefined object\n"),
        .init("var s = 'abc'; console.log(s[1], s.split(''), 'a-b_c'.split(/[-_]/))", "b [ 'a', 'b', 'c' ] [ 'a', 'b', 'c' ]\n"),
        .init("function f() {\n  return\n  42\n}\nconsole.log(f())", "undefined\n"),
        .init("var a = 1\nvar b = a\n++b\nconsole.log(a, b)", "1 2\n"),
        .init("var re = /a,b/g; var x = 'a,b a,b'.replace(re, '-'); console.log(x, [/x/.test('x')])", "- - [ true ]\n"),
        .init("var o = { default: 1, class: 2, new: 3, get: 4, set: 5 }; console.log(o.default + o.class + o.new + o.get + o.set)", "15\n"),
        .init("function Foo() { this.x = 1 } var f = new Foo; console.log(f.x, new Date(5).getTime())", "1 5\n"),
        .init("var o = { _v: 1, get v() { return this._v * 10 }, set v(n) { this._v = n } }; o.v = 4; console.log(o.v, o)", "40 { _v: 4, v: [Getter/Setter] }\n"),
        .init("for (var i = 0, j = 3; i < j; i++, j--) console.log(i, j)", "0 3\n1 2\n"),
        .init("var n = 5; console.log(n > 3 ? n > 4 ? 'big' : 'mid' : 'small', -'3', typeof typeof 1, void 0)", "big -3 string undefined\n"),
        .init("!function () { console.log('iife') }(); (function () { console.log('paren') })(); (() => console.log('arrow'))()", "iife\nparen\narrow\n"),
        .init("{ let scoped = 1 } console.log(typeof scoped)", "undefined\n"),
        .init("var x = 'outer'; function f() { console.log(x); var x = 'inner' } f()", "undefined\n"),
        .init("console.log([1, 2, 3].map(String), ['1', '2'].map(Number), [0, 1, ''].filter(Boolean))", "[ '1', '2', '3' ] [ 1, 2 ] [ 1 ]\n"),
        .init("console.log(`multi\nline`.split('\\n').length, `a${`b${1 + 1}`}c`)", "2 ab2c\n"),
        .init("var s = 'héllo wörld'; console.log(s.length, s.toUpperCase(), s.indexOf('w'))", "11 HÉLLO WÖRLD 6\n"),
        .init("console.log(JSON.stringify('a\"b\\n'), JSON.stringify([undefined, function () {}]), JSON.stringify({ u: undefined }))", "\"a\\\"b\\n\" [null,null] {}\n"),
        .init("console.log(0.1 * 3, 1 / 0, -1 / 0, 0 / 0, 2 ** 10, 7 % -3, -7 % 3)", "0.30000000000000004 Infinity -Infinity NaN 1024 1 -1\n"),
        .init("console.log(1 << 3, -16 >> 2, -1 >>> 28, 5 & 3, 5 | 3, 5 ^ 3, ~5)", "8 -4 15 1 7 6 -6\n"),
        .init("var m = new Map([['a', 1]]); m.set('b', 2).set(NaN, 3); console.log(m.get('a'), m.get(NaN), m.size, m.has('b'), m.delete('a'), m.size, m)", "1 3 3 true true 2 Map { 'b' => 2, NaN => 3 }\n"),
        .init("var s = new Set([1, 2, 2, 3]); s.add(4); var seen = []; for (var v of s) seen.push(v); console.log(s.size, seen, [...s].length, s)", "4 [ 1, 2, 3, 4 ] 4 Set { 1, 2, 3, 4 }\n"),
        .init("Promise.resolve(1).then(v => { console.log('then', v); throw new Error('x') }).catch(e => console.log('caught', e.message)); console.log('sync')", "sync\nthen 1\ncaught x\n"),
        .init("new Promise(function (resolve) { resolve(Promise.resolve(5)) }).then(console.log); Promise.all([1, Promise.resolve(2)]).then(v => console.log(v))", "[ 1, 2 ]\n5\n"),
        .init("console.log(encodeURIComponent('a b&c/é'), decodeURIComponent('a%20b'))", "a%20b%26c%2F%C3%A9 a b\n"),
    ]

    @Test(arguments: cases)
    func program(_ testCase: LanguageCase) {
        #expect(output(of: testCase.source) == testCase.expected)
    }
}

@Suite struct RecursionTests {
    @Test func deepRecursionWorksAndRunawayRecursionIsARangeError() {
        #expect(output(of: "function f(n) { return n == 0 ? 0 : 1 + f(n - 1) } console.log(f(150))") == "150\n")
        #expect(output(of: "function g() { return g() } try { g() } catch (e) { console.log(e.message) }") == "Maximum call stack size exceeded\n")
    }
}

@Suite struct MalformedInputTests {
    static let sources = [
        "(", ")", "{", "}", "[", "]", "a.", "a[", "f(", "var", "var =", "let [", "const {", "function", "function (", "class",
        "class A {", "class A extends", "if (", "for (", "for (;;", "while", "do", "switch (x) {", "try", "try {} catch (", "`${",
        "`${a", "'", "\"abc", "/", "/abc", "a ? b", "a ? b :", "=>", "() =>", "...", "x = ...y", "{ a: }", "obj.123", "1.a",
        "\\u", "#", "@", "a +", "new", "new (", "return return", "1 = 2", "++1", "a => { return", "`", "/*", "/* never closed",
        "({ get a( })", "[...]", "x => => y", String(repeating: "(", count: 300), String(repeating: "[", count: 300),
    ]

    @Test(arguments: sources)
    func malformedSourceIsASyntaxErrorNotACrash(_ source: String) {
        let interpreter = Interpreter()
        #expect(throws: ScriptSyntaxError.self) { try interpreter.runModule(source: source, fileName: "/bad.js") }
    }
}
