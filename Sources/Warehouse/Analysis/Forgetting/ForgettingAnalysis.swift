import Foundation

extension Warehouse {
    /// What a fine-tune gained and forgot between two checkpoints (`before` nil: the parent of
    /// `after`), aggregate and per instance, with paired significance.
    public func forgetting(before: String?, after: String, options: ForgettingOptions = ForgettingOptions()) throws -> ForgettingReport {
        let afterID = try checkpointID(after)
        let beforeName: String
        if let before {
            beforeName = before
        } else {
            let rows = try db.query("SELECT p.name FROM checkpoint c JOIN checkpoint p ON p.checkpoint_id = c.parent_id WHERE c.checkpoint_id = ?",
                                    [.integer(Int64(afterID))]).rows
            guard case .text(let parent)? = rows.first?.first else {
                throw QueryError(message: "\(after) has no parent checkpoint: pass --before, or record it with `isaq checkpoint set-parent \(after) BEFORE`")
            }
            beforeName = parent
        }
        let beforeID = try checkpointID(beforeName)
        let ruleset = try db.scalarInt("SELECT ruleset_id FROM ruleset WHERE name = ?", [.text(options.ruleset)])
        // EXISTS stops at the first judgment; count(*) … LIMIT 1 counted every one of them.
        let judged = { (id: Int) throws -> Bool in
            try self.db.scalarInt("SELECT EXISTS (SELECT 1 FROM judgment j JOIN response r USING (response_id) WHERE r.checkpoint_id = ? AND j.ruleset_id = ?)",
                                  [.integer(Int64(id)), .integer(Int64(ruleset))]) > 0
        }
        var notes: [String] = []
        var rows: [ForgettingRow] = []
        var damaged: [DamagedInstance] = []
        let checkpoints = [(beforeName, beforeID), (after, afterID)]
        let background = BackgroundCollapse(path: db.path, checkpoints: checkpoints, options: options)
        if try judged(beforeID), try judged(afterID) {
            let groups = try matchedGroups(before: beforeID, after: afterID, ruleset: ruleset, options: options).sorted { $0.key < $1.key }
            if groups.isEmpty {
                notes.append("\(beforeName) and \(after) share no instances (same sample, variant, format spec and subtask): nothing to pair")
            }
            rows = groups.map { forgettingRow($0.key, $0.group, options: options) }
            if options.instances > 0 { damaged = try mostDamaged(groups, limit: options.instances, bars: options.bars) }
        } else {
            let why = try judged(beforeID) ? after : beforeName
            notes.append("\(why) has no judged responses (published aggregates only): instance columns are empty")
            rows = try publishedDeltas(before: beforeID, after: afterID, options: options)
            if rows.isEmpty { notes.append("no published cells in common") }
        }
        if let cohort = options.cohort {
            try addRPS(&rows, cohort: cohort, before: beforeName, after: after, by: options.by)
        }
        if options.by == "axis" { rows = try axisRows(rows, before: beforeName, after: after, cohort: options.cohort) }
        let collapse = try background?.wait() ?? collapseIndicators(checkpoints: checkpoints, options: options)
        return ForgettingReport(before: beforeName, after: after, rows: rows, damaged: damaged, collapse: collapse, notes: notes)
    }

    func checkpointID(_ name: String) throws -> Int {
        let id = try db.scalarInt("SELECT checkpoint_id FROM checkpoint WHERE name = ?", [.text(name)])
        guard id != 0 else { throw QueryError(message: "no checkpoint named \(name) (see `isaq checkpoints`)") }
        return id
    }

    struct GroupKey: Hashable, Comparable {
        var dim, task, group, subtask: String
        static func < (a: GroupKey, b: GroupKey) -> Bool { (a.dim, a.task, a.group, a.subtask) < (b.dim, b.task, b.group, b.subtask) }
    }

    private func forgettingRow(_ key: GroupKey, _ group: MatchedGroup, options: ForgettingOptions) -> ForgettingRow {
        let metric = group.metric
        var row = ForgettingRow(dim: key.dim, task: key.task, group: key.group, subtask: key.subtask, metric: metric.rawValue)
        let n = group.count
        row.matched = n
        var compliantBefore = 0, compliantAfter = 0, lostCompliance = 0
        for i in 0..<n {
            let (b, a) = (group.compliantBefore[i], group.compliantAfter[i])
            if b { compliantBefore += 1 }
            if a { compliantAfter += 1 }
            if b && !a { lostCompliance += 1 }
            if !b && a { row.complianceGained += 1 }
            switch group.transition(i, bars: options.bars) {
            case .kept: row.kept += 1
            case .learned: row.learned += 1
            case .never: row.never += 1
            case .forgotten:
                row.forgotten += 1
                if a { row.contentFlips += 1 } else { row.complianceFlips += 1 }
            }
        }
        row.ifrBefore = Rounding.py(100.0 * Double(compliantBefore) / Double(n), 2)
        row.ifrAfter = Rounding.py(100.0 * Double(compliantAfter) / Double(n), 2)
        let accCounted = key.dim == "f"
        let width = metric.width
        var sumBefore = [Double](repeating: 0, count: width), sumAfter = sumBefore
        group.statistics.withUnsafeBufferPointer { s in
            for i in 0..<n {
                for k in 0..<width { sumBefore[k] += s[2 * width * i + k]; sumAfter[k] += s[2 * width * i + width + k] }
            }
        }
        row.metricBefore = metric.value(sumBefore, count: n, accDenominatorIsCounted: accCounted)
        row.metricAfter = metric.value(sumAfter, count: n, accDenominatorIsCounted: accCounted)
        row.mcnemarP = McNemar.exactP(row.forgotten, row.learned)
        row.complianceMcnemarP = McNemar.exactP(lostCompliance, row.complianceGained)
        if options.resamples > 0 {
            // The seed is mixed with the group so each row's interval is reproducible on its own.
            let generator = SplitMix64(seed: options.seed &+ UInt64(truncatingIfNeeded: Self.stableHash("\(key.dim)|\(key.task)|\(key.group)|\(key.subtask)")))
            let bootstrap = PairedBootstrap(metric: metric, accCounted: accCounted, count: n, statistics: group.statistics)
            let (low, high) = bootstrap.interval(resamples: options.resamples, generator: generator)
            row.ciLow = low
            row.ciHigh = high
            if high < 0 { row.verdict = "forgotten" } else if low > 0 { row.verdict = "improved" }
        }
        return row
    }
}

extension MatchedGroup {
    func transition(_ i: Int, bars: QualityBars) -> Transition {
        let good = (compliantBefore[i] && bars.passes(metric: metric.rawValue, quality: Self.quality(qualityBefore[i])),
                    compliantAfter[i] && bars.passes(metric: metric.rawValue, quality: Self.quality(qualityAfter[i])))
        switch good {
        case (true, true): return .kept
        case (true, false): return .forgotten
        case (false, true): return .learned
        case (false, false): return .never
        }
    }
}
