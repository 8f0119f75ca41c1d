import Foundation

/// A member of a cohort: a checkpoint and where its scores come from (a published source, or
/// `instances` for scores derived from its judged responses).
public struct CohortMember: Sendable, Hashable {
    public var checkpoint: String
    public var source: String

    public init(checkpoint: String, source: String) {
        self.checkpoint = checkpoint
        self.source = source
    }

    /// The source name of instance-derived scores.
    public static let instances = "instances"
}

extension Warehouse {
    /// Creates cohort `name` from every checkpoint of the published sources plus the given
    /// instance-derived checkpoints. Fails when the name is taken or a member has no scores, so a
    /// cohort never silently holds an empty member that would drop out of RPS.
    @discardableResult
    public func createCohort(_ name: String, published: [String] = [], checkpoints: [String] = [], notes: String? = nil) throws -> [CohortMember] {
        guard !name.isEmpty else { throw QueryError(message: "a cohort needs a name") }
        guard !published.isEmpty || !checkpoints.isEmpty else {
            throw QueryError(message: "a cohort needs members: --published SOURCE and/or --checkpoint NAME")
        }
        return try db.transaction {
            if try db.scalarInt("SELECT count(*) FROM cohort WHERE name = ?", [.text(name)]) > 0 {
                throw QueryError(message: "cohort \(name) exists (drop it first with `isaq cohort drop \(name)`)")
            }
            try db.run("INSERT INTO cohort (name, notes) VALUES (?, ?)", [.text(name), notes.map(SQLValue.text) ?? .null])
            let cohort = SQLValue.integer(Int64(try db.scalarInt("SELECT cohort_id FROM cohort WHERE name = ?", [.text(name)])))
            var members: [CohortMember] = []
            for source in published {
                let rows = try db.query("""
                    SELECT DISTINCT c.checkpoint_id, c.name FROM published_score ps JOIN checkpoint c USING (checkpoint_id)
                    WHERE ps.source = ? ORDER BY c.name
                    """, [.text(source)]).rows
                guard !rows.isEmpty else { throw QueryError(message: "no published scores under source \(source) (see `isaq ingest published`)") }
                for row in rows {
                    try db.run("INSERT OR IGNORE INTO cohort_member VALUES (?, ?, ?)", [cohort, row[0], .text(source)])
                    if case .text(let c) = row[1] { members.append(CohortMember(checkpoint: c, source: source)) }
                }
            }
            for checkpoint in checkpoints {
                let rows = try db.query("SELECT checkpoint_id FROM checkpoint WHERE name = ?", [.text(checkpoint)]).rows
                guard let id = rows.first?[0] else { throw QueryError(message: "no checkpoint named \(checkpoint) (see `isaq checkpoints`)") }
                let judged = try db.scalarInt("SELECT EXISTS (SELECT 1 FROM response r JOIN judgment j USING (response_id) WHERE r.checkpoint_id = ?)", [id])
                guard judged == 1 else { throw QueryError(message: "checkpoint \(checkpoint) has no judged responses (run `isaq score --checkpoint \(checkpoint)`)") }
                try db.run("INSERT OR IGNORE INTO cohort_member VALUES (?, ?, ?)", [cohort, id, .text(CohortMember.instances)])
                members.append(CohortMember(checkpoint: checkpoint, source: CohortMember.instances))
            }
            return members
        }
    }

    /// Removes a cohort and its membership (the checkpoints and scores stay).
    public func dropCohort(_ name: String) throws {
        try db.transaction {
            guard try db.scalarInt("SELECT count(*) FROM cohort WHERE name = ?", [.text(name)]) > 0 else { throw Self.noCohort(name) }
            try db.run("DELETE FROM cohort WHERE name = ?", [.text(name)])
        }
    }

    /// Every cohort with its member count.
    public func cohortList() throws -> ResultTable {
        let q = try db.query("""
            SELECT co.name AS cohort, count(cm.checkpoint_id) AS members,
                   ifnull(group_concat(DISTINCT cm.source), '') AS sources, ifnull(co.notes, '') AS notes
            FROM cohort co LEFT JOIN cohort_member cm USING (cohort_id)
            GROUP BY co.cohort_id ORDER BY co.name
            """)
        return ResultTable(columns: q.columns, rows: q.rows)
    }

    /// The members of one cohort.
    public func cohortMembers(_ name: String) throws -> ResultTable {
        try requireCohort(name)
        let q = try db.query("""
            SELECT co.name AS cohort, c.name AS checkpoint, cm.source AS source
            FROM cohort co JOIN cohort_member cm USING (cohort_id) JOIN checkpoint c ON c.checkpoint_id = cm.checkpoint_id
            WHERE co.name = ? ORDER BY cm.source, c.name
            """, [.text(name)])
        return ResultTable(columns: q.columns, rows: q.rows)
    }

    func requireCohort(_ name: String) throws {
        if try db.scalarInt("SELECT count(*) FROM cohort WHERE name = ?", [.text(name)]) == 0 { throw Self.noCohort(name) }
    }

    static func noCohort(_ name: String) -> QueryError {
        QueryError(message: "no cohort named \(name) (see `isaq cohort list`)")
    }
}
