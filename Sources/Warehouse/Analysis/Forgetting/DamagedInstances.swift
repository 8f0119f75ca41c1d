extension Warehouse {
    /// The `limit` forgotten instances that fell furthest, over all rows. Texts and names are
    /// read for those only, not for every matched instance.
    func mostDamaged(_ groups: [(key: GroupKey, group: MatchedGroup)], limit: Int, bars: QualityBars) throws -> [DamagedInstance] {
        var candidates: [(damage: Double, group: Int, instance: Int)] = []
        for (g, (_, group)) in groups.enumerated() {
            for i in 0..<group.count where group.transition(i, bars: bars) == .forgotten {
                candidates.append((Self.damage(group, i), g, i))
            }
        }
        candidates.sort { $0.damage > $1.damage }
        let s = try db.statement("""
            SELECT rb.text, ra.text, s.key, v.key FROM response rb
            JOIN instruction i ON i.instruction_id = rb.instruction_id
            JOIN variant v ON v.variant_id = i.variant_id
            JOIN sample s ON s.sample_id = i.sample_id
            JOIN response ra ON ra.response_id = ?2
            WHERE rb.response_id = ?1
            """)
        return try candidates.prefix(limit).map { c in
            let (key, group) = groups[c.group]
            try s.bind([.integer(group.responseBefore[c.instance]), .integer(group.responseAfter[c.instance])])
            defer { s.reset() }
            _ = try s.step()
            return DamagedInstance(dim: key.dim, task: key.task, variant: s.string(3) ?? "", subtask: key.subtask, sample: s.string(2) ?? "",
                                   responseBefore: s.string(0), responseAfter: s.string(1),
                                   qualityBefore: MatchedGroup.quality(group.qualityBefore[c.instance]),
                                   qualityAfter: MatchedGroup.quality(group.qualityAfter[c.instance]),
                                   compliantBefore: group.compliantBefore[c.instance], compliantAfter: group.compliantAfter[c.instance])
        }
    }

    /// How far an instance fell, comparable across tasks: loss of compliance counts fully, then
    /// the quality drop on the metric's own scale normalised to 0–1.
    private static func damage(_ group: MatchedGroup, _ i: Int) -> Double {
        func scaled(_ q: Double) -> Double {
            guard let q = MatchedGroup.quality(q) else { return 0 }
            switch group.metric {
            case .wer: return max(0, 1 - min(q, 1))
            case .bleu: return q / 100
            default: return q
            }
        }
        let complianceLoss = group.compliantBefore[i] && !group.compliantAfter[i] ? 1.0 : 0
        return complianceLoss + scaled(group.qualityBefore[i]) - (group.compliantAfter[i] ? scaled(group.qualityAfter[i]) : 0)
    }
}
