import Foundation
import Testing
@testable import Warehouse

/// Values pinned from the first implementation, so that faster ones must give the same bits:
/// bootstrap intervals for fixed seeds, and collapse indicators over texts whose equality as
/// Swift strings differs from byte equality.
@Suite struct ForgettingExactnessTests {
    @Test func bootstrapIntervalsArePinnedPerSeed() throws {
        try withTemporaryWarehouse { w, dir in
            try ForgettingTests.pair(w, dir, blocks: 10)
            for (seed, low, high) in [(UInt64(1), -23.5, -6.0), (99, -23.5, -6.5), (12345, -24.0, -6.5)] {
                var options = ForgettingOptions()
                options.seed = seed
                let r = try w.forgetting(before: "m", after: "m@sft", options: options).rows[0]
                #expect(r.ciLow == low && r.ciHigh == high, "seed \(seed)")
            }
        }
    }

    /// Canonically equivalent spellings count as one text (Kelvin sign and K, precomposed and
    /// combining é), non-ASCII whitespace is empty, refusals are found in any ASCII case.
    static let unusualAnswers = [
        "K", "\u{212A}", "K", "caf\u{E9}", "cafe\u{301}", "caf\u{E9}", "\u{A0} ", "\r\n", " \t", "",
        "I'M SORRY", "As An AI model", "a;b", "a\u{37E}b", "na\u{EF}ve", "sad", "sad", "x\u{1FEF}", "x`", "\u{3000}",
    ]

    @Test func collapseIndicatorsOverUnusualTexts() throws {
        try withTemporaryWarehouse { w, dir in
            let (before, _) = ForgettingTests.responses(blocks: 1)
            for (label, answers) in [("", before), ("sft", Self.unusualAnswers)] {
                let url = dir.appendingPathComponent("\(label.isEmpty ? "base" : label)/d/m_ser_results.json")
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(ForgettingTests.file(answers).utf8).write(to: url)
                let report = try w.ingestResults([url.path], options: IngestOptions(model: "m", checkpoint: label, parent: label.isEmpty ? nil : "m"))
                _ = try w.judge(runs: report.compactMap(\.runID))
            }
            let report = try w.forgetting(before: nil, after: "m@sft")
            #expect(report.collapse.rows.map { Array($0[4...]) } == [
                [.integer(20), .real(0.5), .real(0.1), .real(1.0), .real(0.0), .real(0.0)],
                // K thrice, 13 distinct texts, 12 given for more than one sample, 2 refusals, 5 blank.
                [.integer(20), .real(0.15), .real(0.65), .real(0.6), .real(0.1), .real(0.25)],
            ])
        }
    }

    /// Every scalar DistinctTexts keys by its bytes has combining class 0, is its own NFC form
    /// and never ends a canonical decomposition (NFC_Quick_Check would be Maybe).
    @Test func plainScalarsAreTheirOwnNormalForm() {
        let plain = (UInt32(0x80)...0xFFFF).filter(DistinctTexts.isPlain)
        for v in plain {
            let u = UnicodeScalar(v)!
            #expect(u.properties.canonicalCombiningClass == .notReordered, "U+\(String(v, radix: 16))")
            #expect(Array(String(u).precomposedStringWithCanonicalMapping.unicodeScalars) == [u], "U+\(String(v, radix: 16))")
        }
        let plainSet = Set(plain)
        var trailers: Set<UInt32> = []
        for v in UInt32(0x80)...0x10FFFF {
            guard let u = UnicodeScalar(v), u.properties.generalCategory != .unassigned else { continue }
            let d = String(u).decomposedStringWithCanonicalMapping.unicodeScalars.map(\.value)
            trailers.formUnion(d.dropFirst().filter(plainSet.contains))
        }
        #expect(trailers.isEmpty)
    }
}
