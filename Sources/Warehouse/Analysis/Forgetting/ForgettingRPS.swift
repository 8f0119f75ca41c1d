extension Warehouse {
    /// Fills RPS before and after from the cohort's `rps` view (class rows; n rows by subtask).
    func addRPS(_ rows: inout [ForgettingRow], cohort: String, before: String, after: String, by: String) throws {
        guard try db.scalarInt("SELECT count(*) FROM cohort WHERE name = ?", [.text(cohort)]) > 0 else {
            throw QueryError(message: "no cohort named \(cohort) (see `isaq cohort list`)")
        }
        var rps: [String: Double] = [:]
        for row in try query("SELECT checkpoint, dim, task, class, rps FROM rps WHERE cohort = :c AND checkpoint IN (:b, :a) AND rps IS NOT NULL",
                             parameters: [("c", cohort), ("b", before), ("a", after)]).rows {
            guard case .text(let c) = row[0], case .text(let d) = row[1], case .text(let t) = row[2], case .text(let k) = row[3], case .real(let v) = row[4] else { continue }
            rps["\(c)|\(d)|\(t)|\(k)"] = v
        }
        guard by != "variant" else { return }
        for i in rows.indices {
            let task = rows[i].dim == "n" ? rows[i].subtask.lowercased() : rows[i].task
            rows[i].rpsBefore = rps["\(before)|\(rows[i].dim)|\(task)|\(rows[i].group)"]
            rows[i].rpsAfter = rps["\(after)|\(rows[i].dim)|\(task)|\(rows[i].group)"]
        }
    }

    /// Pools class rows into the 11 radar axes: transition counts add up, McNemar is redone on
    /// the pooled flips, and IFR and RPS are the radar's own axis values (axis_score, rps_axis).
    func axisRows(_ classRows: [ForgettingRow], before: String, after: String, cohort: String?) throws -> [ForgettingRow] {
        var order: [String] = []
        var pooled: [String: ForgettingRow] = [:]
        for r in classRows {
            let axis = r.group
            var p = pooled[axis] ?? ForgettingRow(dim: r.dim, task: "all", group: axis, subtask: "", metric: "")
            if pooled[axis] == nil { order.append(axis) }
            p.matched += r.matched
            p.kept += r.kept
            p.forgotten += r.forgotten
            p.learned += r.learned
            p.never += r.never
            p.complianceFlips += r.complianceFlips
            p.contentFlips += r.contentFlips
            p.complianceGained += r.complianceGained
            pooled[axis] = p
        }
        var ifr: [String: Double] = [:], rps: [String: Double] = [:]
        for row in try query("SELECT checkpoint, axis, ifr FROM axis_score WHERE checkpoint IN (:b, :a)", parameters: [("b", before), ("a", after)]).rows {
            if case .text(let c) = row[0], case .text(let a) = row[1], case .real(let v) = row[2] { ifr["\(c)|\(a)"] = v }
        }
        if let cohort {
            for row in try query("SELECT checkpoint, axis, rps FROM rps_axis WHERE cohort = :c AND checkpoint IN (:b, :a)",
                                 parameters: [("c", cohort), ("b", before), ("a", after)]).rows {
                if case .text(let c) = row[0], case .text(let a) = row[1], case .real(let v) = row[2] { rps["\(c)|\(a)"] = v }
            }
        }
        return order.sorted().map { axis in
            var p = pooled[axis]!
            p.ifrBefore = ifr["\(before)|\(axis)"]
            p.ifrAfter = ifr["\(after)|\(axis)"]
            p.rpsBefore = rps["\(before)|\(axis)"]
            p.rpsAfter = rps["\(after)|\(axis)"]
            p.mcnemarP = McNemar.exactP(p.forgotten, p.learned)
            if let pValue = p.mcnemarP, pValue < 0.05 { p.verdict = p.forgotten > p.learned ? "forgotten" : "improved" }
            p.note = "pooled over tasks: verdict from McNemar on the pooled flips"
            return p
        }
    }
}
