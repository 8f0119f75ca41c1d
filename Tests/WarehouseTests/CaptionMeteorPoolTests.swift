import Foundation
import Testing
@testable import Warehouse

@Suite struct CaptionMeteorPoolTests {
    /// Two JVMs splitting a batch, with repeated lines sent once, answer every segment of a
    /// parity file in order with the statistics upstream's single JVM printed.
    @Test func twoJVMsAnswerInOrderWithTheGoldenStatistics() throws {
        let instances = try CaptionGolden.instances(model: "synth-diligent-s1", dimension: "f")
        // Every segment twice, the copies interleaved far apart, so chunks and repeats both matter.
        let segments = instances + instances.reversed()
        #expect(segments.count >= 2 * 64 * 2, "too few segments to split across two JVMs")
        let pool = try MeteorPool(toolchain: SharedCaption.toolchain(), size: 2, timeout: 300)
        defer { pool.close() }
        #expect(pool.size == 2)
        let stats = try pool.segmentStats(segments.map { (candidate: $0.hyp, references: $0.ref) })
        #expect(stats.count == segments.count)
        let wrong = zip(segments, stats).enumerated().filter { $0.element.0.meteorStats != $0.element.1 }
        #expect(wrong.isEmpty, "first mismatch at \(wrong.first.map { "\($0.offset): \($0.element.1) vs golden \($0.element.0.meteorStats)" } ?? "")")
        // Canonically equivalent but different code points are different lines to the jar, so
        // the pool must not answer one with the other's statistics.
        let accents = try pool.segmentStats([
            (candidate: "caf\u{E9} au lait", references: ["caf\u{E9} au lait"]),
            (candidate: "cafe\u{301} au lait", references: ["caf\u{E9} au lait"]),
        ])
        #expect(accents[0] != accents[1], "\(accents)")
        // EVAL still works on the pool and agrees with the statistics' own corpus score.
        let corpus = try pool.evaluate(Array(stats.prefix(instances.count))).corpus
        let summed = MeteorStatistics.sum(stats.prefix(instances.count).compactMap(MeteorStatistics.init(line:)))
        #expect(corpus == MeteorStatistics.corpusScore(summedStats: summed))
    }

    /// A JVM that dies in one chunk fails the whole batch; nothing is returned half-filled.
    @Test func aDeadJVMFailsTheBatch() throws {
        try SharedCaption.withCorruptMeteorJar { toolchain in
            let pool = try MeteorPool(toolchain: toolchain, size: 2, timeout: 60)
            defer { pool.close() }
            let pairs = (0..<300).map { (candidate: "a dog \($0)", references: ["a dog barks"]) }
            #expect(throws: MeteorProcessError.self) { try pool.segmentStats(pairs) }
        }
    }
}
