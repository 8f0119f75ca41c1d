import Foundation
import Testing
@testable import Warehouse

/// The views spell PyRound and NpRound out in plain SQL (schema/views.sql header). Every
/// rounding expression in the shipped views is extracted, its operand replaced by a probe
/// column, and compared bit for bit with `Rounding.py` / `Rounding.np` on exact binary ties,
/// decimal literals that are not ties, their neighbours and random values. The SQL PyRound is
/// exact while |x|·10^d < 2^52 (every score; beyond that floor() no longer isolates a fraction).
@Suite struct SQLRoundingTests {
    struct Template: Hashable {
        let python: Bool  // PyRound, else NpRound
        let scale: String  // 10.0, 100.0, 10000.0
        let sql: String  // with the operand replaced by `x`
        var digits: Int { scale == "10.0" ? 1 : scale == "100.0" ? 2 : 4 }
    }

    static let pyStart = "(SELECT (CASE WHEN t > 0 OR (t = 0 AND f <> 2.0 * floor(f / 2.0)) THEN f + 1.0 ELSE f END) * s / "
    static let npStart = "(SELECT (CASE WHEN d > 0.5 OR (d = 0.5 AND f <> 2.0 * floor(f / 2.0)) THEN f + 1.0 ELSE f END) * s / "

    /// The distinct rounding expressions of `schema/views.sql`.
    static func templates() -> [Template] {
        var out: Set<Template> = []
        let text = Schema.views
        for (start, python) in [(pyStart, true), (npStart, false)] {
            var cursor = text.startIndex
            while let begin = text.range(of: start, range: cursor..<text.endIndex) {
                let scaleEnd = text[begin.upperBound...].firstIndex(of: "\n")!
                let scale = String(text[begin.upperBound..<scaleEnd])
                let close = text.range(of: ") AS v)", range: begin.upperBound..<text.endIndex)!
                let open = text.range(of: "FROM (SELECT (", options: .backwards, range: begin.upperBound..<close.lowerBound)!
                let tail = python ? ") AS v))))))" : ") AS v)))))"
                #expect(text[close.lowerBound...].hasPrefix(tail))
                let sql = String(text[begin.lowerBound..<open.upperBound]) + "x" + tail
                out.insert(Template(python: python, scale: scale, sql: sql))
                cursor = close.upperBound
            }
        }
        return out.sorted { ($0.python ? 0 : 1, $0.scale) < ($1.python ? 0 : 1, $1.scale) }
    }

    /// ≥ 100,000 probe values: binary ties at 1, 2 and 4 decimals, decimal near-ties, their
    /// neighbours, the spec's named cases, random values and negatives.
    static func probes() -> [Double] {
        var v: [Double] = [0.8250000000000001, 0.825, 0.525, 2.675, 46.875, 0.005, 0.015, 1.005, 0.125, 0.375, 0.05, 0.25,
                           0, -0.0, 100, 99.995, 1e-9, 123456789.125, 450359962.0625, 45035996273.5, 0.9999999038, 9.999999999999999e-05]
        for k in 0..<20_000 { v.append(Double(k) / 8) }
        for k in 0..<100_000 { v.append(Double(k) / 800) }
        for k in 0..<4_000 { v.append(Double(k) / 32); v.append(Double(k) / 80); v.append(Double(k) / 16) }
        var rng = SplitMix64(seed: 2025)
        for _ in 0..<15_000 {
            let digits = ["%.3f", "%.2f", "%.5f"]
            let x = Double(rng.next() % 2_000_000) / 10_000
            let lit = Double(String(format: digits[Int(rng.next() % 3)], x))! + 0  // a decimal literal
            let tie = Double(String(format: "%.2f5", x))!
            v += [lit, tie, tie.nextUp, tie.nextDown]
            v.append(Double(rng.next() >> 11) / Double(1 << 53) * 200)
        }
        v += v.prefix(5_000).map { -$0 }
        return v
    }

    @Test func roundingExpressionsMatchPythonAndNumPy() throws {
        let templates = Self.templates()
        // PyRound at 1, 2 and 4 decimals and NpRound at 1 and 2 are what the views use.
        #expect(Set(templates.map { "\($0.python ? "py" : "np")\($0.digits)" }) == ["py1", "py2", "py4", "np1", "np2"])
        let values = Self.probes()
        #expect(values.count >= 100_000)
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE probe (id INTEGER PRIMARY KEY, x REAL)")
        try db.transaction {
            for (i, x) in values.enumerated() { try db.run("INSERT INTO probe VALUES (?, ?)", [.integer(Int64(i)), .real(x)]) }
        }
        for t in templates {
            let s = try db.statement("SELECT id, \(t.sql) FROM probe ORDER BY id")
            var mismatches: [String] = []
            var checked = 0
            while try s.step() {
                let x = values[s.int(0)]
                let expected = t.python ? Rounding.py(x, t.digits) : Rounding.np(x, t.digits)
                let got = s.double(1)
                checked += 1
                if got != expected, mismatches.count < 10 { mismatches.append("\(x) → \(got), expected \(expected)") }
            }
            #expect(checked == values.count)
            #expect(mismatches.isEmpty, "\(t.python ? "PyRound" : "NpRound")(x, \(t.digits)): \(mismatches)")
        }
        // NULL stays NULL (missing scores must not become 0).
        for t in templates {
            #expect(try db.query("SELECT \(t.sql) FROM (SELECT NULL AS x)").rows == [[.null]])
        }
    }

    /// The named cases of SCORING.md §0, where the two roundings disagree.
    @Test func namedCases() throws {
        let db = try Database(path: ":memory:")
        let py2 = Self.templates().first { $0.python && $0.digits == 2 }!.sql
        let np2 = Self.templates().first { !$0.python && $0.digits == 2 }!.sql
        for (x, py, np) in [(0.8250000000000001, 0.83, 0.82), (0.525, 0.53, 0.52), (2.675, 2.67, 2.68), (0.005, 0.01, 0.0), (46.875, 46.88, 46.88)] {
            let row = try db.query("SELECT \(py2), \(np2) FROM (SELECT ? AS x)", [.real(x)]).rows[0]
            #expect(row == [.real(py), .real(np)], "\(x)")
        }
    }
}
