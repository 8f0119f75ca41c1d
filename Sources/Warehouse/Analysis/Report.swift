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
    /// Adds seeded 95 % bootstrap intervals (ifr_lo, ifr_hi, value_lo, value_hi) to instance rows.
    public var bootstrap: BootstrapOptions?

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
        var table = ResultTable(columns: q.columns, rows: q.rows)
        if let bootstrap = options.bootstrap {
            guard options.level != .axis else { throw QueryError(message: "--ci applies to --by variant and --by class") }
            try addIntervals(&table, level: options.level, ruleset: options.ruleset, options: bootstrap)
        }
        return table
    }

    private func addIntervals(_ table: inout ResultTable, level: ReportLevel, ruleset: String, options: BootstrapOptions) throws {
        func column(_ name: String) -> Int { table.columns.firstIndex(of: name)! }
        let (c, s, d, t) = (column("checkpoint"), column("source"), column("dim"), column("task"))
        let name = column(level == .variant ? "variant" : "class")
        let sub = level == .variant ? column("subtask") : nil
        var checkpoints: [String] = []
        for row in table.rows where row[s] == .text("instances") {
            if case .text(let cp) = row[c], !checkpoints.contains(cp) { checkpoints.append(cp) }
        }
        let intervals = try bootstrapIntervals(checkpoints: checkpoints, ruleset: ruleset, options: options)
        let lookup = level == .variant ? intervals.variants : intervals.classes
        table.columns += ["ifr_lo", "ifr_hi", "value_lo", "value_hi"]
        for i in table.rows.indices {
            let row = table.rows[i]
            var extra: [SQLValue] = [.null, .null, .null, .null]
            if row[s] == .text("instances"), case .text(let cp) = row[c], case .text(let dim) = row[d], case .text(let task) = row[t],
               case .text(let key) = row[name] {
                var subtask = ""
                if let sub, case .text(let x) = row[sub] { subtask = x }
                if let iv = lookup[ScoreKey(checkpoint: cp, dim: dim, task: task, name: key, subtask: subtask)] {
                    extra = [.real(iv.ifrLow), .real(iv.ifrHigh), iv.valueLow.map(SQLValue.real) ?? .null, iv.valueHigh.map(SQLValue.real) ?? .null]
                }
            }
            table.rows[i] += extra
        }
    }
}
