extension ForgettingReport {
    /// The aggregate rows as a table: before/after, signed deltas, transitions, significance.
    public var table: ResultTable {
        func real(_ d: Double?, _ digits: Int = 2) -> SQLValue { d.map { .real(Rounding.py($0, digits)) } ?? .null }
        let columns = ["before", "after", "dim", "task", "variant", "subtask", "metric", "matched", "ifr_before", "ifr_after", "d_ifr",
                       "metric_before", "metric_after", "d_metric", "ci_low", "ci_high", "kept", "forgotten", "compliance_flips",
                       "content_flips", "learned", "never_good", "negative_flip_rate", "forgetting_rate", "mcnemar_p",
                       "compliance_mcnemar_p", "rps_before", "rps_after", "d_rps", "verdict"]
        let rows: [[SQLValue]] = rows.map { r in
            let digits = r.metric == "meteor" ? 4 : 2
            return [.text(before), .text(after), .text(r.dim), .text(r.task), .text(r.group), .text(r.subtask), .text(r.metric),
                    .integer(Int64(r.matched)), real(r.ifrBefore), real(r.ifrAfter), real(r.deltaIFR),
                    real(r.metricBefore, digits), real(r.metricAfter, digits), real(r.deltaMetric, digits), real(r.ciLow, digits), real(r.ciHigh, digits),
                    .integer(Int64(r.kept)), .integer(Int64(r.forgotten)), .integer(Int64(r.complianceFlips)), .integer(Int64(r.contentFlips)),
                    .integer(Int64(r.learned)), .integer(Int64(r.never)), real(r.negativeFlipRate, 4), real(r.forgettingRate, 4),
                    r.mcnemarP.map { .real($0) } ?? .null, r.complianceMcnemarP.map { .real($0) } ?? .null,
                    real(r.rpsBefore), real(r.rpsAfter), real(r.deltaRPS), .text(r.verdict)]
        }
        return ResultTable(columns: columns, rows: rows)
    }

    /// The most damaged instances, with both responses and qualities.
    public var damagedTable: ResultTable {
        ResultTable(columns: ["dim", "task", "variant", "subtask", "sample", "compliant_before", "compliant_after",
                              "quality_before", "quality_after", "response_before", "response_after"],
                    rows: damaged.map { d in
                        [.text(d.dim), .text(d.task), .text(d.variant), .text(d.subtask), .text(d.sample),
                         .integer(d.compliantBefore ? 1 : 0), .integer(d.compliantAfter ? 1 : 0),
                         d.qualityBefore.map { .real(Rounding.py($0, 4)) } ?? .null, d.qualityAfter.map { .real(Rounding.py($0, 4)) } ?? .null,
                         d.responseBefore.map(SQLValue.text) ?? .null, d.responseAfter.map(SQLValue.text) ?? .null]
                    })
    }

    /// One line per verdict, for people.
    public var summary: String {
        let forgotten = rows.filter { $0.verdict == "forgotten" }, improved = rows.filter { $0.verdict == "improved" }
        let totalForgotten = rows.reduce(0) { $0 + $1.forgotten }, matched = rows.reduce(0) { $0 + $1.matched }
        var s = "\(before) → \(after): \(rows.count) rows, \(matched) matched instances, \(totalForgotten) forgotten"
        s += " (\(rows.reduce(0) { $0 + $1.complianceFlips }) compliance flips, \(rows.reduce(0) { $0 + $1.contentFlips }) content flips),"
        s += " \(rows.reduce(0) { $0 + $1.learned }) learned; significantly worse: \(forgotten.count) rows, better: \(improved.count) rows"
        for n in notes { s += "\nnote: \(n)" }
        return s
    }
}
