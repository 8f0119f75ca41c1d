import Foundation
import Testing
@testable import Warehouse

@Suite struct JSONParserTests {
    private func error(_ text: String) -> JSONSyntaxError? {
        do {
            _ = try JSONParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func errorsSayWhereAndWhat() throws {
        let cases: [(String, Int, Int, String)] = [
            ("[1,\n 2\n 3]", 3, 2, "expected ',' or ']' after array element, found '3'"),
            ("{\"a\": 1,}", 1, 9, "expected property name in double quotes after ','"),
            ("{\"a\" 1}", 1, 6, "expected ':' after property name"),
            ("{\"a\": 1 \"b\"}", 1, 9, "expected ',' or '}' after object member"),
            ("\"abc", 1, 5, "unterminated string"),
            ("\"é\\u12x4\"", 1, 3, "invalid \\u escape"),
            ("\"\\q\"", 1, 2, "invalid escape '\\q'"),
            ("[1, 2", 1, 6, "unexpected end of input: expected ',' or ']' after array element"),
            ("", 1, 1, "unexpected end of input: expected a JSON value"),
            ("[1] x", 1, 5, "trailing data after JSON value"),
            ("\"a\tb\"", 1, 3, "invalid control character U+0009"),
            ("\"\\ud800\"", 1, 2, "lone high surrogate \\uD800"),
            ("\"\\udc00x\"", 1, 2, "lone low surrogate \\uDC00"),
            ("\u{FEFF}[]", 1, 1, "byte order mark"),
            ("[-x]", 1, 3, "expected a digit after '-'"),
            ("ëx", 1, 1, "expected a JSON value, found 'ë'"),
            (String(repeating: "9", count: 4301), 1, 1, "more than Python's limit of 4300"),
        ]
        for (text, line, column, message) in cases {
            let e = try #require(error(text), "\(text.debugDescription) parsed")
            #expect(e.line == line && e.column == column, "\(text.debugDescription): \(e)")
            #expect(e.message.contains(message), "\(text.debugDescription): \(e)")
            #expect(e.description.contains("line \(line), column \(column)"))
        }
    }

    @Test func invalidUTF8IsReportedAsSuch() throws {
        for bytes: [UInt8] in [[0x22, 0xC3, 0x28, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0xFF], [0x5B, 0x22, 0xF5, 0x22]] {
            do {
                _ = try JSONParser.parse(bytes)
                Issue.record("accepted \(bytes)")
            } catch {
                #expect(error.message.contains("invalid UTF-8"), "\(error)")
            }
        }
    }

    @Test func duplicateKeysKeepFirstPositionAndLastValue() throws {
        let v = try JSONParser.parse(#"{"a": 1, "b": 2, "a": 3}"#)
        let o = try #require(v.objectValue)
        #expect(o.keys == ["a", "b"])
        #expect(v["a"] == .int(3))
        // Past the size where lookups switch to a hash index.
        let many = (0..<40).map { "\"k\($0 % 25)\": \($0)" }.joined(separator: ", ")
        let big = try #require(try JSONParser.parse("{\(many)}").objectValue)
        #expect(big.count == 25)
        #expect(big.keys.first == "k0" && big["k0"] == .int(25) && big["k24"] == .int(24))
        #expect(big.position(of: "k3") == 3)
    }

    @Test func keysAndStringsCompareByCodePoints() throws {
        let v = try JSONParser.parse("{\"\u{E9}\": 1, \"e\u{301}\": 2}")
        #expect(v.objectValue?.count == 2)
        #expect(v["\u{E9}"] == .int(1) && v["e\u{301}"] == .int(2))
        #expect(JSONValue.string("\u{E9}") != JSONValue.string("e\u{301}"))
        #expect(Set<JSONValue>([.string("\u{E9}"), .string("e\u{301}")]).count == 2)
    }

    @Test func scalarsParseLikePython() throws {
        #expect(try JSONParser.parse("-0") == .int("0"))
        #expect(try JSONParser.parse("-0.0").doubleValue?.sign == .minus)
        #expect(try JSONParser.parse("1e400") == .float(.infinity))
        #expect(try JSONParser.parse("-Infinity") == .float(-.infinity))
        #expect(try JSONParser.parse("NaN").doubleValue?.isNaN == true)
        #expect(try JSONParser.parse("123456789012345678901234567890") == .int("123456789012345678901234567890"))
        #expect(try JSONParser.parse("0.30000000000000004") == .float(0.30000000000000004))
        #expect(try JSONParser.parse("2.2250738585072011e-308") == .float(Double(bitPattern: 0x000F_FFFF_FFFF_FFFF)))
        #expect(try JSONParser.parse("\"\\ud83d\\ude00\\/\"") == .string("\u{1F600}/"))
        #expect(try JSONParser.parse(" \t\r\n[ ]\n") == .array([]))
        #expect(try JSONParser.parse("\"\u{7F}\u{2028}\"") == .string("\u{7F}\u{2028}"))
    }

    @Test func deepNestingIsLimitedNotFatal() throws {
        let tooDeep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let e = try #require(error(tooDeep))
        #expect(e.message.contains("nesting deeper than 10000"))
        #expect(e.offset == 10_000)

        let deepest = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let value = try JSONParser.parse(deepest)
        #expect(PythonJSONWriter(indent: nil).dumps(value) == deepest)
        #expect(try JSONParser(maxDepth: 2).parse("[[1]]") == [[1]])
        #expect(throws: JSONSyntaxError.self) { try JSONParser(maxDepth: 2).parse("[[[1]]]") }
    }

    @Test func writerFormatsLikePythonDumps() {
        let v: JSONValue = ["a": [1, 2.5, [:] as JSONValue], "b": [], "c": "\u{01}\u{2028}\u{7F}\"\\\u{8}\u{C}\n\r\t", "d": nil, "e": true]
        #expect(PythonJSONWriter.dumps(v) == """
        {
          "a": [
            1,
            2.5,
            {}
          ],
          "b": [],
          "c": "\\u0001\u{2028}\u{7F}\\"\\\\\\b\\f\\n\\r\\t",
          "d": null,
          "e": true
        }
        """)
        #expect(PythonJSONWriter(indent: nil, ensureASCII: true).dumps(["é\u{1F600}\u{7F}", .float(.nan), .float(-.infinity)])
            == #"["\u00e9\ud83d\ude00\u007f", NaN, -Infinity]"#)
    }
}
