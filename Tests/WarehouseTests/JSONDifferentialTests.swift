import Foundation
import Testing
@testable import Warehouse

/// Acceptance and parsed values against Python's `json.loads`, one Python run per test.
@Suite struct JSONDifferentialTests {
    /// Input lines are `h<hex>` (so an empty document is not an empty line). Per document, one line: `U` (not UTF-8), `E` (json.loads raised), `S` (accepted, but holds a
    /// lone surrogate) or `A <hex of json.dumps(v, indent=2, ensure_ascii=False)>`.
    static let script = """
    import sys, json
    out = []
    for line in sys.stdin.buffer.read().split(b"\\n"):
        if not line:
            continue
        raw = bytes.fromhex(line.decode()[1:])
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            out.append("U"); continue
        try:
            v = json.loads(text)
        except Exception:
            out.append("E"); continue
        try:
            out.append("A " + json.dumps(v, indent=2, ensure_ascii=False).encode("utf-8").hex())
        except UnicodeEncodeError:
            out.append("S")
    sys.stdout.write("\\n".join(out) + "\\n")
    """

    static let edgeCases: [String] = [
        "", " ", "null", "nul", "NULL", "true", "True", "false", "NaN", "nan", "-NaN", "Infinity", "-Infinity",
        "+Infinity", "infinity", "-", "+1", "-0", "-0.0", "0", "00", "01", "1.", ".5", "1.e5", "1e", "1e+", "1E-2",
        "1e400", "-1e400", "1e-400", "2.2250738585072011e-308", "0.1e1", "123456789012345678901234567890",
        "1.7976931348623157e308", "1.7976931348623159e308", "4.9e-324", "2.4703282292062327e-324",
        "9007199254740993", "9007199254740993.0", "0.30000000000000004", "1_000", "0x10", "1 2", "[1 2]",
        "[1,]", "[,1]", "[", "]", "[]", "[[]]", "[[]", "{}", "{", "}", "{\"a\"}", "{\"a\":}", "{\"a\":1,}",
        "{,}", "{'a':1}", "{\"a\":1 \"b\":2}", "{\"a\" : 1 , \"b\" : [ ] }", "{\"a\":1,\"a\":2}",
        "\"abc", "\"a\\\"", "\"\\x41\"", "\"\\u00e9\"", "\"\\u00E9\"", "\"\\u12\"", "\"\\u12G4\"",
        "\"\\ud83d\\ude00\"", "\"\\ud83d\"", "\"\\ude00\"", "\"\\ud83d\\u0041\"", "\"\\ud83dx\"",
        "\"\\ud83d\\ud83d\"", "\"\\ude00\\ud83d\"", "\"\\/\"", "\"\\'\"", "\"\t\"", "\"\u{7F}\"", "\"\u{2028}\"",
        "\"\\b\\f\\n\\r\\t\"", "\u{FEFF}1", "1\u{FEFF}", "\u{0B}1", "\u{0C}1", "1\u{A0}", "\u{3000}1", "[1]x",
        "[1] ", "\n\r\t [1] \n", "/*c*/1", "1//c", "[1,2,3", "{\"a\":[1,{\"b\":null}]}", "\"\\\"", "\"\\",
        "tru", "truex", "nulll", "[true false]", "[NaN,Infinity,-Infinity]", "-Inf", "-I", "[-]",
        "1.5e+05", "1.5E+05", "-1.5e-05", "1e16", "1e15", "1234567890123456789", "-1234567890123456789",
        String(repeating: "1", count: 4300), String(repeating: "1", count: 4301),
        "-" + String(repeating: "9", count: 4300), "-" + String(repeating: "9", count: 4301),
        String(repeating: "[", count: 50) + String(repeating: "]", count: 50),
        "\"é\"", "\"\u{1F600}\"", "{\"é\":1,\"e\u{301}\":2}",
    ]

    static let mutationBytes: [UInt8] =
        Array("[]{}\",:\\ 019.eE+-antfNIu/'".utf8) + [0x00, 0x01, 0x1F, 0x7F, 0x0B, 0x0C, 0x09, 0x0A, 0x0D, 0xC3, 0xA9, 0xFF, 0xED, 0xE2, 0x80]

    static func documents() -> [[UInt8]] {
        var docs = edgeCases.map { Array($0.utf8) }
        docs += [[0xC3], [0x22, 0xC3, 0x28, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22],
                 [0x22, 0xE0, 0x80, 0xAF, 0x22], [0x22, 0xC0, 0xAF, 0x22], [0x5B, 0x31, 0x5D, 0xFF]]
        var rng = SeededGenerator(seed: 20_261_126)
        var writer = RandomJSONText(rng: SeededGenerator(seed: 7))
        for k in 0..<2600 {
            var text = writer.text(JSONTestData.value(&rng))
            // Every other document gets one to three random edits, mostly making it invalid.
            if k % 2 == 1 {
                for _ in 0..<Int.random(in: 1...3, using: &rng) {
                    let at = Int.random(in: 0...text.count, using: &rng)
                    switch Int.random(in: 0..<5, using: &rng) {
                    case 0 where at < text.count: text.remove(at: at)
                    case 1: text.insert(mutationBytes.randomElement(using: &rng)!, at: at)
                    case 2 where at < text.count: text[at] = mutationBytes.randomElement(using: &rng)!
                    case 3: text.removeSubrange(at...)
                    default: text.insert(contentsOf: text[at...].prefix(3), at: at)
                    }
                }
            }
            docs.append(text)
        }
        return docs
    }

    @Test func acceptanceAndValuesMatchPythonJsonLoads() throws {
        let docs = Self.documents()
        let input = docs.map { "h" + JSONTestData.hex($0) }.joined(separator: "\n") + "\n"
        let output = try PythonReference.run(Self.script, input: Data(input.utf8))
        let verdicts = String(decoding: output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        try #require(verdicts.count == docs.count)
        var accepted = 0, rejected = 0, surrogates = 0
        for (doc, verdict) in zip(docs, verdicts) {
            let shown = String(decoding: doc.prefix(200), as: UTF8.self).debugDescription
            let ours = Result { () throws(JSONSyntaxError) -> JSONValue in try JSONParser().parse(doc) }
            switch (verdict.first, ours) {
            case ("A", .success(let value)):
                accepted += 1
                let expected = JSONTestData.unhex(verdict.dropFirst(2))
                #expect(PythonJSONWriter().bytes(value) == expected, "dump differs for \(shown)")
            case ("E", .failure), ("U", .failure):
                rejected += 1
            case ("S", .failure(let error)):
                surrogates += 1
                #expect(error.message.contains("surrogate"), "\(shown): \(error)")
            case (_, .success):
                Issue.record("accepted, Python says \(verdict.prefix(1)): \(shown)")
            case (_, .failure(let error)):
                Issue.record("rejected (\(error)), Python accepts: \(shown)")
            }
        }
        print("differential: accepted \(accepted), rejected \(rejected), lone surrogates \(surrogates)")
        #expect(accepted > 1000 && rejected > 700 && surrogates >= 5)
    }
}

/// Number literals of every length and exponent, parsed by Python's `float()` / `int()`.
@Suite struct JSONNumberDifferentialTests {
    static func literals() -> [String] {
        var rng = SeededGenerator(seed: 3)
        var out: [String] = []
        for _ in 0..<3000 {
            var s = Bool.random(using: &rng) ? "-" : ""
            let digits = Int.random(in: 1...(Bool.random(using: &rng) ? 17 : 40), using: &rng)
            var mantissa = (0..<digits).map { _ in String(Int.random(in: 0...9, using: &rng)) }.joined()
            while mantissa.count > 1 && mantissa.hasPrefix("0") { mantissa.removeFirst() }
            s += mantissa
            if Bool.random(using: &rng) {
                s += "." + (0..<Int.random(in: 1...25, using: &rng)).map { _ in String(Int.random(in: 0...9, using: &rng)) }.joined()
            }
            if Int.random(in: 0..<3, using: &rng) > 0 {
                s += ["e", "E", "e+", "e-", "E-"].randomElement(using: &rng)!
                s += String(Int.random(in: 0...(Bool.random(using: &rng) ? 25 : 340), using: &rng))
            }
            out.append(s)
        }
        return out
    }

    @Test func numbersMatchPython() throws {
        let literals = Self.literals()
        let script = """
        import sys, json
        print("\\n".join(repr(json.loads(s)) for s in sys.stdin.read().split()))
        """
        let output = String(decoding: try PythonReference.run(script, input: Data(literals.joined(separator: "\n").utf8)), as: UTF8.self)
        let expected = output.split(separator: "\n")
        try #require(expected.count == literals.count)
        for (literal, want) in zip(literals, expected) {
            let value = try JSONParser.parse(literal)
            #expect(PythonRepr.repr(value) == String(want), "\(literal)")
        }
    }
}
