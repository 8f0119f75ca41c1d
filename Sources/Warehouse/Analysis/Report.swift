import Foundation

/// The grain of `isaq report`: upstream variation keys, the paper's classes, or radar axes.
public enum ReportLevel: String, Sendable, CaseIterable {
    case variant
    case `class`
    case axis
}

/// Which scores `isaq report` shows.
public struct ReportOptions: Sendable {
    public var checkpoints: [String] = []
    /// `published` (every published source), `instances`, or one published source's name; nil: all.
    public var source: String?
    public var dim: String?
    public var task: String?
    public var level: ReportLevel = .variant
    public var ruleset = Warehouse.currentRuleset

    public init() {}
}

extension Warehouse {
    /// Scores from the analysis views (`variant_score`, `class_score`, `axis_score`), filtered.
    /// Published and instance-derived rows come out of the same union, so they line up.
    public func report(_ options: ReportOptions) throws -> ResultTable {
        var conditions: [String] = []
        var values: [SQLValue] = []
        for name in options.checkpoints where try db.scalarInt("SELECT count(*) FROM checkpoint WHERE name = ?", [.text(name)]) == 0 {
            throw QueryError(message: "no checkpoint named \(name) (see `isaq checkpoints`)")
        }
        if !options.checkpoints.isEmpty {
            conditions.append("checkpoint IN (\(options.checkpoints.map { _ in "?" }.joined(separator: ", ")))")
            values += options.checkpoints.map(SQLValue.text)
        }
        switch options.source {
        case nil: break
        case "published"?: conditions.append("source <> 'instances'")
        case let s?: conditions.append("source = ?"); values.append(.text(s))
        }
        if let dim = options.dim {
            guard ["d", "f", "n"].contains(dim) else { throw QueryError(message: "unknown dimension \(dim); expected d, f or n") }
            conditions.append("dim = ?")
            values.append(.text(dim))
        }
        let select: String
        switch options.level {
        case .variant:
            conditions.append("(ruleset IS NULL OR ruleset = ?)")
            values.append(.text(options.ruleset))
            if let task = options.task { conditions.append("task = ?"); values.append(.text(task)) }
            select = """
                SELECT checkpoint, source, dim, task, variant, subtask, n, ifr, metric, value FROM variant_score
                WHERE \(conditions.joined(separator: " AND "))
                ORDER BY checkpoint, source, instr('dfn', dim), task_position, variant = 'all', variant, subtask
                """
        case .class:
            if let task = options.task { conditions.append("task = ?"); values.append(.text(task)) }
            select = """
                SELECT checkpoint, source, dim, task, class, ifr, metric, value FROM class_score
                WHERE \(conditions.isEmpty ? "1" : conditions.joined(separator: " AND "))
                ORDER BY checkpoint, source, axis_order, task_position
                """
        case .axis:
            guard options.task == nil else { throw QueryError(message: "radar axes average over tasks; --task does not apply to --by axis") }
            select = """
                SELECT checkpoint, source, dim, axis, name, tasks, ifr FROM axis_score
                WHERE \(conditions.isEmpty ? "1" : conditions.joined(separator: " AND "))
                ORDER BY checkpoint, source, axis_order
                """
        }
        let q = try db.query(select, values)
        return ResultTable(columns: q.columns, rows: q.rows)
    }
}
