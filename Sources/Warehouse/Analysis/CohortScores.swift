import Foundation

/// The grain of `isaq rps`: one value per radar axis, or every (dim, task, class) cell.
public enum RPSLevel: String, Sendable, CaseIterable {
    case axis, cell
}

/// What `isaq leaderboard` ranks by.
public enum LeaderboardOrder: String, Sendable, CaseIterable {
    case rpsArea = "rps_area", ifrArea = "ifr_area", total
}

extension Warehouse {
    /// RPS of every member of a cohort against the cohort's own best (views `rps`, `rps_axis`).
    public func rps(cohort: String, level: RPSLevel = .axis) throws -> ResultTable {
        try requireCohort(cohort)
        let sql: String
        switch level {
        case .axis:
            sql = """
                SELECT checkpoint, source, dim, axis, name, tasks, rps, cohort FROM rps_axis WHERE cohort = ?
                ORDER BY checkpoint, source, axis_order
                """
        case .cell:
            sql = """
                SELECT r.checkpoint, r.source, r.dim, r.task, r.class, r.metric, r.value, r.best, r.rps, r.cohort
                FROM rps r JOIN task t USING (task) WHERE r.cohort = ?
                ORDER BY r.checkpoint, r.source, r.axis_order, t.axis_order
                """
        }
        let q = try db.query(sql, [.text(cohort)])
        return ResultTable(columns: q.columns, rows: q.rows)
    }

    /// IFR and RPS radar area ratios of a cohort's members (view `area_score`), best IFR first.
    public func area(cohort: String) throws -> ResultTable {
        try requireCohort(cohort)
        let q = try db.query("""
            SELECT checkpoint, source, ifr_area, rps_area, cohort FROM area_score WHERE cohort = ?
            ORDER BY ifr_area DESC, checkpoint, source
            """, [.text(cohort)])
        return ResultTable(columns: q.columns, rows: q.rows)
    }

    /// Area ratios and total score of a cohort's members, ranked (ties share a rank): view
    /// `leaderboard`, which computes the RPS cells once for both.
    public func leaderboard(cohort: String, by order: LeaderboardOrder = .rpsArea) throws -> ResultTable {
        try requireCohort(cohort)
        // The ORDER BY column comes from a closed enum, never from user text.
        let key: String
        switch order {
        case .rpsArea: key = "a.rps_area DESC, a.ifr_area DESC"
        case .ifrArea: key = "a.ifr_area DESC, a.rps_area DESC"
        case .total: key = "a.total DESC, a.rps_area DESC"
        }
        // A warehouse opened read-only may predate view `leaderboard`: then the two views it combines.
        let sql = try db.scalarInt("SELECT count(*) FROM sqlite_schema WHERE type = 'view' AND name = 'leaderboard'") > 0
            ? """
              SELECT rank() OVER (ORDER BY \(key)) AS rank, a.checkpoint, a.source, a.ifr_area, a.rps_area,
                     a.ifr_total, a.rps_total, a.total, a.cohort
              FROM leaderboard a WHERE a.cohort = ?
              ORDER BY \(key), a.checkpoint
              """
            : """
              SELECT rank() OVER (ORDER BY \(key)) AS rank, a.checkpoint, a.source, a.ifr_area, a.rps_area,
                     a.ifr_total, a.rps_total, a.total, a.cohort
              FROM (SELECT a.*, t.cells, t.ifr_total, t.rps_total, t.total FROM area_score a
                    LEFT JOIN total_score t ON t.cohort = a.cohort AND t.source = a.source AND t.checkpoint_id = a.checkpoint_id) a
              WHERE a.cohort = ?
              ORDER BY \(key), a.checkpoint
              """
        let q = try db.query(sql, [.text(cohort)])
        return ResultTable(columns: q.columns, rows: q.rows)
    }
}
