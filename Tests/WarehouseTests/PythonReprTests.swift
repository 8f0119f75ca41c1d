import Foundation
import Testing
@testable import Warehouse

/// `floatRepr` and `PythonRepr.str` against Python's own `repr` and `str`.
@Suite struct PythonReprTests {
    @Test func knownFloatForms() {
        let cases: [(Double, String)] = [
            (1.0, "1.0"), (1e16, "1e+16"), (1e-5, "1e-05"), (0.0001, "0.0001"), (.infinity, "inf"),
            (-.infinity, "-inf"), (.nan, "nan"), (-0.0, "-0.0"), (0.1, "0.1"), (100.0, "100.0"),
            (9007199254740992, "9007199254740992.0"), (9.5e15, "9500000000000000.0"), (1.5e16, "1.5e+16"),
            (.leastNonzeroMagnitude, "5e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"), (51.79, "51.79"),
            (0.1183, "0.1183"), (123456.789, "123456.789"), (1e100, "1e+100"), (-2.5e-7, "-2.5e-07"),
        ]
        for (d, s) in cases { #expect(PythonRepr.floatRepr(d) == s) }
    }

    @Test func knownStrForms() throws {
        #expect(PythonRepr.str(.string("it's")) == "it's")
        #expect(PythonRepr.str(.array([.string("it's"), .string("a\"b"), .string("'\""), .null, .bool(true)]))
            == #"["it's", 'a"b', '\'"', None, True]"#)
        #expect(PythonRepr.str(try JSONParser.parse(#"{"k": [1, 2.0, -0, 1e400, "\u00a0\n\\"]}"#))
            == #"{'k': [1, 2.0, 0, inf, '\xa0\n\\']}"#)
    }

    @Test func floatReprMatchesPython() throws {
        var rng = SeededGenerator(seed: 42)
        let doubles = (0..<5000).map { _ in JSONTestData.double(&rng) }
        let script = """
        import sys, struct
        out = [repr(struct.unpack("<d", bytes.fromhex(h))[0]) for h in sys.stdin.read().split()]
        print("\\n".join(out))
        """
        let input = doubles.map { d in JSONTestData.hex(withUnsafeBytes(of: d.bitPattern.littleEndian) { Array($0) }) }
        let output = String(decoding: try PythonReference.run(script, input: Data(input.joined(separator: "\n").utf8)), as: UTF8.self)
        let expected = output.split(separator: "\n")
        try #require(expected.count == doubles.count)
        var subnormals = 0
        for (d, e) in zip(doubles, expected) {
            if d.isSubnormal { subnormals += 1 }
            #expect(PythonRepr.floatRepr(d) == String(e), "bits \(String(d.bitPattern, radix: 16))")
        }
        #expect(subnormals > 100)
    }

    @Test func strMatchesPythonOnNestedValues() throws {
        var rng = SeededGenerator(seed: 99)
        var values = (0..<2500).map { _ in JSONTestData.value(&rng) }
        // Every Unicode plane's boundary behaviour, in strings of their own.
        values += stride(from: 0x80, to: 0x110000, by: 0x1FF).compactMap { Unicode.Scalar(UInt32($0)) }
            .map { .array([.string(String($0))]) }
        let script = """
        import sys, json
        out = [str(json.loads(bytes.fromhex(h).decode("utf-8"))).encode("utf-8").hex() for h in sys.stdin.read().split()]
        print("\\n".join(out))
        """
        let writer = PythonJSONWriter(indent: nil, ensureASCII: true)
        let input = values.map { JSONTestData.hex(writer.bytes($0)) }.joined(separator: "\n")
        let output = String(decoding: try PythonReference.run(script, input: Data(input.utf8)), as: UTF8.self)
        let expected = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        try #require(expected.count == values.count)
        for (v, e) in zip(values, expected) {
            let want = String(decoding: JSONTestData.unhex(e), as: UTF8.self)
            let got = PythonRepr.str(v)
            #expect(Array(got.unicodeScalars) == Array(want.unicodeScalars), "\(want.debugDescription)")
        }
    }
}
