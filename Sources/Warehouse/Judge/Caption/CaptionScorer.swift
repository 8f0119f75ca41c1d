import Foundation

/// One audio-captioning response and the captions it is judged against. A non-compliant
/// response has already been replaced by `""`.
public struct CaptionPair: Sendable, Equatable {
    public var candidate: String
    public var references: [String]

    public init(candidate: String, references: [String]) {
        self.candidate = candidate
        self.references = references
    }
}

/// A pair after PTB tokenisation, with its METEOR statistics: everything about it that does not
/// depend on which other pairs it is aggregated with.
public struct PreparedCaption: Sendable, Equatable {
    public var candidate: String
    public var references: [String]
    /// The SCORE answer of the jar (23 numbers).
    public var meteorStats: String

    public init(candidate: String, references: [String], meteorStats: String) {
        self.candidate = candidate
        self.references = references
        self.meteorStats = meteorStats
    }
}

/// Scores of one pair within a grouping (CIDEr-D depends on the grouping).
public struct ScoredCaption: Sendable, Equatable {
    public var prepared: PreparedCaption
    public var meteor: Double
    public var ciderD: Double
    public var rougeL: Double
}

/// The corpus metrics of one grouping (SCORING.md §4.4, §5.5), unrounded.
public struct CaptionCorpusScore: Sendable, Equatable {
    public var pairs: [ScoredCaption]
    public var meteor: Double
    public var ciderD: Double
    public var rougeL: Double
}

/// The AAC metric pipeline for a scoring session: PTB tokenisation (one JVM for all candidates
/// and one for all references, run side by side), then METEOR on long-lived JVMs (one per core,
/// see `MeteorPool`), CIDEr-D and ROUGE-L in Swift.
///
/// Preparing is per pair and independent of grouping, so a results file is prepared once and
/// every variation and the `all` row are then scored from the prepared pairs.
///
/// Calls may come from several threads; they take turns on each METEOR JVM.
public final class CaptionScorer: @unchecked Sendable {
    public let toolchain: CaptionToolchain
    private let tokenizer: PTBTokenizer
    private let meteor: MeteorPool

    /// Starts the METEOR JVMs at once so they load their paraphrase tables while tokenising.
    public init(toolchain: CaptionToolchain, meteorTimeout: TimeInterval = 600,
                meteorProcesses: Int = MeteorPool.defaultSize) throws {
        self.toolchain = toolchain
        self.tokenizer = PTBTokenizer(toolchain: toolchain)
        self.meteor = try MeteorPool(toolchain: toolchain, size: meteorProcesses, timeout: meteorTimeout)
    }

    public func close() {
        meteor.close()
    }

    /// Segments asked of METEOR so far, and how many of them a JVM scored.
    public var meteorCounts: (requested: Int, scored: Int) { meteor.counts }

    /// Cleans, tokenises and computes METEOR statistics for every pair, in order.
    public func prepare(_ pairs: [CaptionPair], cleaning: CaptionCleaning) throws -> [PreparedCaption] {
        if pairs.isEmpty { return [] }
        let candidates = pairs.map { cleaning.apply($0.candidate) }
        let references = pairs.flatMap { $0.references.map(cleaning.apply) }

        let tokenized = try tokenizeSideBySide(candidates, references)
        var cursor = 0
        var grouped: [[String]] = []
        grouped.reserveCapacity(pairs.count)
        for pair in pairs {
            grouped.append(Array(tokenized.references[cursor..<(cursor + pair.references.count)]))
            cursor += pair.references.count
        }
        let segments = zip(tokenized.candidates, grouped).map { (candidate: $0, references: $1) }
        let stats = try meteor.segmentStats(segments)
        return (0..<pairs.count).map {
            PreparedCaption(candidate: tokenized.candidates[$0], references: grouped[$0], meteorStats: stats[$0])
        }
    }

    /// METEOR, CIDEr-D and ROUGE-L of one grouping.
    public func score(_ prepared: [PreparedCaption]) throws -> CaptionCorpusScore {
        let meteor = try meteor(prepared)
        let cider = try Self.ciderD(prepared)
        let rouge = try Self.rougeL(prepared)
        let pairs = prepared.indices.map {
            ScoredCaption(prepared: prepared[$0], meteor: meteor.sentences[$0],
                          ciderD: cider.sentences[$0], rougeL: rouge.sentences[$0])
        }
        return CaptionCorpusScore(pairs: pairs, meteor: meteor.corpus, ciderD: cider.corpus, rougeL: rouge.corpus)
    }

    /// `prepare` then `score` for a single grouping.
    public func score(_ pairs: [CaptionPair], cleaning: CaptionCleaning) throws -> CaptionCorpusScore {
        try score(prepare(pairs, cleaning: cleaning))
    }

    /// METEOR by the jar's EVAL (separate because f-AAC reports `"N/A"` when only this fails).
    public func meteor(_ prepared: [PreparedCaption]) throws -> (sentences: [Double], corpus: Double) {
        try meteor.evaluate(prepared.map(\.meteorStats))
    }

    public static func ciderD(_ prepared: [PreparedCaption]) throws -> (sentences: [Double], corpus: Double) {
        try CIDErD.score(candidates: prepared.map(\.candidate), references: prepared.map(\.references))
    }

    public static func rougeL(_ prepared: [PreparedCaption]) throws -> (sentences: [Double], corpus: Double) {
        let sentences = try prepared.map { try ROUGEL.sentence(candidate: $0.candidate, references: $0.references) }
        return (sentences, ROUGEL.corpus(sentences))
    }

    private func tokenizeSideBySide(
        _ candidates: [String], _ references: [String]
    ) throws -> (candidates: [String], references: [String]) {
        let tokenizer = self.tokenizer
        let both = try concurrentMap(2) { try tokenizer.tokenize($0 == 0 ? candidates : references) }
        return (both[0], both[1])
    }
}
