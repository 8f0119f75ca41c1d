import Foundation
import Testing
@testable import Warehouse

@Suite struct CaptionMetricTests {
    static let candidates = ["a dog barks loudly", "", "a cat"]
    static let references = [["a dog barks loudly"], ["rain falls"], ["a dog is barking", "a cat meows"]]

    /// SCORING.md §8.5 vector (run upstream).
    @Test func meteorVectorThroughTheJar() throws {
        try SharedCaption.withScorer { scorer in
            let prepared = try scorer.prepare(
                zip(Self.candidates, Self.references).map { CaptionPair(candidate: $0, references: $1) },
                cleaning: .none)
            #expect(prepared[0].meteorStats == "4.0 4.0 1.0 1.0 3.0 3.0 1.0 1.0 0.0 0.0 0.0 0.0 0.0 0.0 0.0 0.0 0.0 0.0 0.0 0.0 1.0 4.0 4.0")
            let score = try scorer.score(prepared)
            #expect(score.pairs.map(\.meteor)[0] == 1.0)
            #expect(score.pairs.map(\.meteor)[1] == 0.0)
            #expect(abs(score.pairs[2].meteor - 0.29170666) < 1e-8)
            #expect(abs(score.meteor - 0.37551280) < 1e-8)
            #expect(abs(score.ciderD - 3.95699) < 1e-5)
            #expect(abs(score.rougeL - 0.59071) < 1e-5)

            // The Swift formula on the jar's statistics gives the same bits.
            let stats = prepared.map { MeteorStatistics(line: $0.meteorStats)! }
            #expect(stats.map(\.sentenceScore) == score.pairs.map(\.meteor))
            #expect(MeteorStatistics.corpusScore(summedStats: MeteorStatistics.sum(stats)) == score.meteor)
            // A plain sum of the raw statistics would count the perfect segment's chunk.
            let raw = stats.map(\.values).reduce(into: [Double](repeating: 0, count: 23)) { total, next in
                for i in total.indices { total[i] += next[i] }
            }
            #expect(MeteorStatistics.corpusScore(summedStats: raw) != score.meteor)
        }
    }

    @Test func scoreLineRemovesSeparatorsFromTheCandidateOnly() {
        #expect(MeteorProcess.scoreLine(candidate: "a|||b  c   d", references: ["r1", "r2"])
                == "SCORE ||| r1 ||| r2 ||| ab c  d")
        #expect(MeteorProcess.scoreLine(candidate: "", references: ["r"]) == "SCORE ||| r ||| ")
        #expect(MeteorProcess.scoreLine(candidate: "x||||||y", references: ["r"]) == "SCORE ||| r ||| xy")
    }

    @Test func perfectMatchesKeepTheirChunkOutOfTheCorpus() throws {
        let perfect = try #require(MeteorStatistics(line: "4.0 4.0 1.0 1.0 3.0 3.0 1.0 1.0 0.0 0.0 0.0 0.0 0.0 0.0 0.0 0.0 0.0 0.0 0.0 0.0 1.0 4.0 4.0"))
        #expect(perfect.isPerfectMatch)
        #expect(perfect.summable[20] == 0)
        #expect(perfect.sentenceScore == 1.0)
        let partial = try #require(MeteorStatistics(line: "2.0 3.0 1.0 1.0 1.0 1.0 1.0 1.0 0.0 0.0 0.0 0.0 0.0 0.0 0.0 0.0 0.0 0.0 0.0 0.0 1.0 2.0 2.0"))
        #expect(!partial.isPerfectMatch)
        #expect(partial.summable[20] == 1)
        #expect(MeteorStatistics(line: "1.0 2.0") == nil)
    }

    @Test func ciderAndRougeVector() throws {
        let cider = try CIDErD.score(candidates: Self.candidates, references: Self.references)
        #expect(abs(cider.corpus - 3.95699) < 1e-5)
        #expect(cider.sentences[1] == 0)
        let rouge = try Self.candidates.indices.map {
            try ROUGEL.sentence(candidate: Self.candidates[$0], references: Self.references[$0])
        }
        #expect(rouge[0] == 1.0 && rouge[1] == 0.0)
        #expect(abs(ROUGEL.corpus(rouge) - 0.59071) < 1e-5)
    }

    @Test func upstreamErrorsAreErrors() {
        #expect(throws: CaptionMetricError.self) { try CIDErD.score(candidates: ["a"], references: [["a"]]) }
        #expect(throws: CaptionMetricError.self) { try CIDErD.score(candidates: ["a", "b"], references: [[""], [""]]) }
        #expect(throws: CaptionMetricError.self) { try ROUGEL.sentence(candidate: "a", references: [""]) }
        #expect(throws: CaptionMetricError.self) { try ROUGEL.sentence(candidate: "a", references: []) }
    }

    @Test func numpyPairwiseMean() {
        // 0.1 × n: the pairwise and the naive sums differ in the last bits for n > 8.
        for n in [1, 7, 8, 9, 17, 128, 129, 300, 1400] {
            let values = (0..<n).map { 0.1 + Double($0 % 7) * 0.013 }
            var naive = 0.0
            for v in values { naive += v }
            let pairwise = NumpySum.mean(values) * Double(n)
            #expect(abs(pairwise - naive) < 1e-9 * Double(n))
        }
        #expect(NumpySum.mean([1, 2, 3, 4]) == 2.5)
    }

    /// d-AAC scorer vector of SCORING.md §4.4 (run upstream): candidates as the d scorer leaves them.
    @Test func dimensionDScorerVector() throws {
        let refs1 = ["A dog barks loudly", "A dog is barking"], refs2 = ["Rain falls on a roof"]
        let variations: [(String, [String], [Double])] = [
            ("default", ["A dog barks.", "Rain is falling on a tin roof while thunder rumbles"], [0.3567, 2.5345, 0.7015]),
            ("lower_case", ["a dog barking", "rain"], [0.2456, 1.7586, 0.5666]),
            ("upper_case", ["", "RAIN FALLS ON A ROOF"], [0.5641, 5.0, 0.5]),
            ("semantic_equal_simple", ["", "Rain falls on a roof"], [0.5641, 5.0, 0.5]),
        ]
        try checkScorerVector(variations, refs1, refs2, all: [0.3223, 3.4168, 0.567], cleaning: .none)
    }

    /// f-AAC scorer vector of SCORING.md §5.5 (run upstream): bodies after the format checks.
    @Test func dimensionFScorerVector() throws {
        let refs1 = ["A dog barks loudly", "A dog is barking"], refs2 = ["Rain falls on a roof"]
        let variations: [(String, [String], [Double])] = [
            ("constrain", ["A dog barks loudly.", "Rain falls on a tin roof"], [0.5442, 6.0612, 0.9621]),
            ("upper_case", ["A DOG BARKS", "RAIN FALLS"], [0.3286, 3.2772, 0.683]),
            ("lower_case", ["there is a dog barking", "rain falls on a roof"], [0.5143, 6.0676, 0.8401]),
            ("prefix", ["A dog is barking", ""], [0.4611, 2.9167, 0.5]),
            ("json", ["a dog barking loudly", ""], [0.4548, 1.25, 0.375]),
        ]
        try checkScorerVector(variations, refs1, refs2, all: [0.3986, 3.4146, 0.6721], cleaning: .lineBreaksToSpaces)
    }

    private func checkScorerVector(
        _ variations: [(String, [String], [Double])], _ refs1: [String], _ refs2: [String],
        all: [Double], cleaning: CaptionCleaning
    ) throws {
        try SharedCaption.withScorer { scorer in
            let pairs = variations.flatMap { v in
                [CaptionPair(candidate: v.1[0], references: refs1), CaptionPair(candidate: v.1[1], references: refs2)]
            }
            let prepared = try scorer.prepare(pairs, cleaning: cleaning)
            for (i, v) in variations.enumerated() {
                let score = try scorer.score(Array(prepared[(2 * i)..<(2 * i + 2)]))
                let rounded = [score.meteor, score.ciderD, score.rougeL].map { Rounding.py($0, 4) }
                #expect(rounded == v.2, "\(v.0)")
            }
            let total = try scorer.score(prepared)
            #expect([total.meteor, total.ciderD, total.rougeL].map { Rounding.py($0, 4) } == all)
        }
    }
}
