/// What `isaq check` found: failures (the warehouse is damaged or inconsistent) and notices
/// (work left to do, such as runs not judged yet). Only failures make the check fail.
public struct CheckReport: Sendable, CustomStringConvertible {
    /// One finding: which check, and what it saw.
    public struct Finding: Sendable, Equatable {
        public let check: String
        public let detail: String
    }

    public var failures: [Finding] = []
    public var notices: [Finding] = []
    /// The checks that ran, in order, so the report says what was verified.
    public var checks: [String] = []

    public var passed: Bool { failures.isEmpty }

    public var description: String {
        var lines: [String] = []
        for check in checks {
            let failed = failures.filter { $0.check == check }
            lines.append("\(failed.isEmpty ? "ok  " : "FAIL") \(check)")
            lines += failed.map { "     \($0.detail)" }
            lines += notices.filter { $0.check == check }.map { "     note: \($0.detail)" }
        }
        lines.append(passed ? "warehouse ok" : "warehouse has \(failures.count) problem\(failures.count == 1 ? "" : "s")")
        return lines.joined(separator: "\n") + "\n"
    }
}

extension Warehouse {
    /// Findings listed per check are capped so a badly broken warehouse gives a readable report.
    static let checkFindingLimit = 20

    /// SQLite's own consistency checks, then isaq's invariants. Reads only; a check that cannot
    /// run (e.g. the file is corrupt) is itself reported as a failure rather than thrown.
    public func check() -> CheckReport {
        var report = CheckReport()
        func run(_ name: String, _ body: (inout CheckReport) throws -> Void) {
            report.checks.append(name)
            do { try body(&report) } catch {
                report.failures.append(.init(check: name, detail: "could not run: \(error)"))
            }
        }
        run("integrity_check") { r in
            let rows = try db.query("PRAGMA integrity_check(\(Self.checkFindingLimit))").rows
            for case .text(let line) in rows.map({ $0[0] }) where line != "ok" {
                r.failures.append(.init(check: "integrity_check", detail: line))
            }
        }
        run("foreign_key_check") { r in
            // Columns: table, rowid, parent table, foreign key index.
            let rows = try db.query("PRAGMA foreign_key_check").rows
            for row in rows.prefix(Self.checkFindingLimit) {
                r.failures.append(.init(check: "foreign_key_check",
                                        detail: "\(text(row[0])) row \(text(row[1])) refers to a missing \(text(row[2])) row"))
            }
            if rows.count > Self.checkFindingLimit {
                r.failures.append(.init(check: "foreign_key_check", detail: "… and \(rows.count - Self.checkFindingLimit) more"))
            }
        }
        run("run.response_count matches stored responses") { r in
            let rows = try db.query("""
                SELECT run.run_id, run.response_count, (SELECT count(*) FROM response WHERE response.run_id = run.run_id) AS stored
                FROM run WHERE run.response_count <> (SELECT count(*) FROM response WHERE response.run_id = run.run_id)
                ORDER BY run.run_id LIMIT ?
                """, [.integer(Int64(Self.checkFindingLimit))]).rows
            for row in rows {
                r.failures.append(.init(check: "run.response_count matches stored responses",
                                        detail: "run \(text(row[0])) says \(text(row[1])) responses, \(text(row[2])) are stored"))
            }
        }
        run("judgments have their response") { r in
            // The foreign key covers this while enforcement is on; connections that turned it off
            // (any SQLite client by default) can still leave orphans behind.
            let rows = try db.query("""
                SELECT j.response_id, count(*) FROM judgment j
                WHERE NOT EXISTS (SELECT 1 FROM response r WHERE r.response_id = j.response_id)
                GROUP BY j.response_id ORDER BY j.response_id LIMIT ?
                """, [.integer(Int64(Self.checkFindingLimit))]).rows
            for row in rows {
                r.failures.append(.init(check: "judgments have their response",
                                        detail: "\(text(row[1])) judgment(s) of missing response \(text(row[0]))"))
            }
        }
        run("cohort members exist") { r in
            let rows = try db.query("""
                SELECT co.name, m.checkpoint_id, m.source, c.name IS NULL AS missing,
                       CASE WHEN m.source = 'instances' THEN EXISTS (SELECT 1 FROM run WHERE run.checkpoint_id = m.checkpoint_id)
                            ELSE EXISTS (SELECT 1 FROM published_score p WHERE p.checkpoint_id = m.checkpoint_id AND p.source = m.source) END AS has_data
                FROM cohort_member m
                LEFT JOIN cohort co USING (cohort_id)
                LEFT JOIN checkpoint c USING (checkpoint_id)
                WHERE c.name IS NULL OR co.name IS NULL OR NOT has_data
                ORDER BY m.cohort_id, m.checkpoint_id LIMIT ?
                """, [.integer(Int64(Self.checkFindingLimit))]).rows
            for row in rows {
                let cohort = row[0] == .null ? "a missing cohort" : "cohort \(text(row[0]))"
                let detail = row[3] == .integer(1)
                    ? "\(cohort) names checkpoint \(text(row[1])), which does not exist"
                    : "\(cohort) names checkpoint \(text(row[1])) with source \(text(row[2])), which holds no scores for it"
                r.failures.append(.init(check: "cohort members exist", detail: detail))
            }
        }
        run("responses judged under \(Self.currentRuleset)") { r in
            try checkJudged(&r, check: "responses judged under \(Self.currentRuleset)")
        }
        return report
    }

    /// Every response of a results run is judged under the current ruleset, or its run is
    /// pending (never judged: ingested with --no-judge or interrupted before judging). A run is
    /// judged in one transaction, so a partly judged run means something went wrong — unless the
    /// missing responses are ones the ruleset's scorer does not read (e.g. non-string values).
    private func checkJudged(_ r: inout CheckReport, check: String) throws {
        let rows = try db.query("""
            SELECT run.run_id, run.dim, run.task, c.name, run.response_count,
                   (SELECT count(DISTINCT j.response_id) FROM judgment j JOIN response x USING (response_id)
                    WHERE x.run_id = run.run_id AND j.ruleset_id = (SELECT ruleset_id FROM ruleset WHERE name = ?)) AS judged
            FROM run JOIN checkpoint c USING (checkpoint_id)
            WHERE run.format = 'results' ORDER BY run.run_id
            """, [.text(Self.currentRuleset)]).rows
        var pending: [String] = []
        for row in rows {
            guard case .integer(let id) = row[0], case .integer(let count) = row[4], case .integer(let judged) = row[5] else { continue }
            let name = "run \(id) (\(text(row[3])) \(text(row[1]))/\(text(row[2])))"
            if judged == count || count == 0 { continue }
            if judged == 0 { pending.append(name); continue }
            // Partly judged: only responses the scorer would read count as missing.
            let responses = try storedResponses(run: Int(id))
            guard case .text(let dim) = row[1], case .text(let task) = row[2],
                  let scorer = ScorerCatalog.scorer(dim: dim, task: task, firstItemTask: responses.first?.taskField) else { continue }
            let judgedIDs = Set(try db.query("""
                SELECT DISTINCT j.response_id FROM judgment j JOIN response x USING (response_id)
                WHERE x.run_id = ? AND j.ruleset_id = (SELECT ruleset_id FROM ruleset WHERE name = ?)
                """, [.integer(id), .text(Self.currentRuleset)]).rows.map { $0[0] })
            let scored = scorer.scoredIDs(responses)
            let missing = responses.filter { !judgedIDs.contains(.integer(Int64($0.responseID))) && scored.contains($0.responseID) }
            if !missing.isEmpty {
                let ids = missing.prefix(5).map { String($0.responseID) }.joined(separator: ", ")
                r.failures.append(.init(check: check, detail: "\(name): \(missing.count) of \(count) responses have no judgment (e.g. response \(ids)); run `isaq score`"))
            }
        }
        if !pending.isEmpty {
            let shown = pending.prefix(Self.checkFindingLimit).joined(separator: ", ")
            r.notices.append(.init(check: check, detail: "pending, not judged yet (run `isaq score`): \(shown)\(pending.count > Self.checkFindingLimit ? ", …" : "")"))
        }
    }
}

private func text(_ v: SQLValue) -> String {
    switch v {
    case .null: return "NULL"
    case .integer(let i): return String(i)
    case .real(let d): return String(d)
    case .text(let s): return s
    case .blob(let b): return "<\(b.count) bytes>"
    }
}
