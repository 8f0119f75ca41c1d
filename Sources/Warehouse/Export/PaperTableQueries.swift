import Foundation

/// What `isaq export table` lays out.
public enum PaperTableKind: String, Sendable, CaseIterable {
    case variant, `class`, axis, area, leaderboard, rps, forgetting
}

/// Which rows and columns `isaq export table` shows.
public struct PaperTableOptions: Sendable {
    public var kind: PaperTableKind = .class
    /// Columns are this cohort's members (in checkpoint order); required for rps, area, leaderboard.
    public var cohort: String?
    /// Only these checkpoints, in this order.
    public var checkpoints: [String] = []
    public var dim: String?
    public var task: String?
    public var before: String?
    public var after: String?
    public var ruleset = Warehouse.currentRuleset

    public init() {}
}

/// A column of a paper table: one checkpoint's scores from one source.
public struct PaperMember: Sendable, Equatable {
    public var checkpoint: String
    public var source: String
    /// The column header: the checkpoint, with the source when the checkpoint appears twice.
    public var label: String
}

extension Warehouse {
    /// The tables of `isaq export table`, read from the analysis views.
    public func paperTables(_ options: PaperTableOptions) throws -> PaperTables {
        if let dim = options.dim, !["d", "f", "n"].contains(dim) {
            throw QueryError(message: "unknown dimension \(dim); expected d, f or n")
        }
        switch options.kind {
        case .variant, .class: return PaperTables(tables: try scoreTables(options))
        case .axis: return PaperTables(tables: [try axisTable(options, rps: false)])
        case .rps: return PaperTables(tables: [try axisTable(options, rps: true)])
        case .area: return PaperTables(tables: [try areaTable(options)])
        case .leaderboard: return PaperTables(tables: [try leaderboardTable(options)])
        case .forgetting: return PaperTables(tables: [try forgettingTable(options)])
        }
    }

    /// The columns: a cohort's members or every scored checkpoint, narrowed to `checkpoints`.
    public func paperMembers(cohort: String?, checkpoints: [String]) throws -> [PaperMember] {
        for name in checkpoints where try db.scalarInt("SELECT count(*) FROM checkpoint WHERE name = ?", [.text(name)]) == 0 {
            throw QueryError(message: "no checkpoint named \(name) (see `isaq checkpoints`)")
        }
        let q: (columns: [String], rows: [[SQLValue]])
        if let cohort {
            try requireCohort(cohort)
            q = try db.query("""
                SELECT c.name, cm.source FROM cohort co JOIN cohort_member cm USING (cohort_id) JOIN checkpoint c ON c.checkpoint_id = cm.checkpoint_id
                WHERE co.name = ? ORDER BY c.checkpoint_id, cm.source
                """, [.text(cohort)])
        } else {
            q = try db.query("SELECT DISTINCT checkpoint, source FROM axis_score ORDER BY checkpoint_id, source")
        }
        var pairs = q.rows.compactMap { row -> (String, String)? in
            guard case .text(let c) = row[0], case .text(let s) = row[1] else { return nil }
            return (c, s)
        }
        if !checkpoints.isEmpty {
            pairs = checkpoints.flatMap { name in pairs.filter { $0.0 == name } }
        }
        let counts = Dictionary(grouping: pairs, by: \.0).mapValues(\.count)
        return pairs.map { PaperMember(checkpoint: $0.0, source: $0.1, label: counts[$0.0, default: 0] > 1 ? "\($0.0) [\($0.1)]" : $0.0) }
    }

    private func requireMembers(_ options: PaperTableOptions) throws -> [PaperMember] {
        let members = try paperMembers(cohort: options.cohort, checkpoints: options.checkpoints)
        guard !members.isEmpty else { throw QueryError(message: "no scored checkpoint to show (ingest or score some first)") }
        return members
    }

    /// One `IFR / metric` table per dimension × task: rows are the paper's classes (README row
    /// names) or the upstream variation keys, columns are checkpoints.
    func scoreTables(_ options: PaperTableOptions) throws -> [PaperTable] {
        let members = try requireMembers(options)
        let column = Dictionary(members.enumerated().map { ("\($1.checkpoint)\u{1}\($1.source)", $0) }, uniquingKeysWith: { a, _ in a })
        // Filters are bound values in a fixed text (`? IS NULL OR …`), never spliced SQL.
        let dim = options.dim.map(SQLValue.text) ?? .null, task = options.task.map(SQLValue.text) ?? .null
        let sql: String
        var values = [dim, dim, task, task]
        if options.kind == .class {
            sql = """
                SELECT s.checkpoint, s.source, s.dim, s.task, vc.class || ' ' || vc.name, s.ifr, s.metric, s.value, t.higher_is_better
                FROM class_score s JOIN variation_class vc USING (class) JOIN task t ON t.task = s.task
                WHERE (? IS NULL OR s.dim = ?) AND (? IS NULL OR s.task = ?)
                ORDER BY instr('dfn', s.dim), t.axis_order, vc.axis_order
                """
        } else {
            values.append(.text(options.ruleset))
            sql = """
                SELECT s.checkpoint, s.source, s.dim, s.task, s.variant || CASE WHEN s.subtask = '' THEN '' ELSE ' ' || s.subtask END,
                       s.ifr, s.metric, s.value, CASE WHEN s.metric = 'wer' THEN 0 ELSE 1 END
                FROM variant_score s
                WHERE (? IS NULL OR s.dim = ?) AND (? IS NULL OR s.task = ?) AND (s.ruleset IS NULL OR s.ruleset = ?)
                ORDER BY instr('dfn', s.dim), s.task, s.variant = 'all', s.variant, s.subtask
                """
        }
        var tables: [PaperTable] = []
        var index: [String: Int] = [:]
        var rowIndex: [String: Int] = [:]
        // Class tables list every class of their dimension, as the upstream README does: a class
        // a task lacks (F2 case for s2tt) is a row of `- / -`, so all task tables line up.
        var classRows: [String: [String]] = [:]
        if options.kind == .class {
            for row in try db.query("SELECT dim, class || ' ' || name FROM variation_class ORDER BY axis_order").rows {
                classRows[row[0].display, default: []].append(row[1].display)
            }
        }
        for row in try db.query(sql, values).rows {
            guard case .text(let checkpoint) = row[0], case .text(let source) = row[1], case .text(let dim) = row[2],
                  case .text(let task) = row[3], case .text(let label) = row[4],
                  let c = column["\(checkpoint)\u{1}\(source)"] else { continue }
            // n branch rows (separation, json) carry an IFR and no metric.
            let metric = row[6].display.isEmpty ? "ifr" : row[6].display
            // Metrics differ between the n subtasks of one class table, so a table is dim × task × metric.
            let key = "\(dim)-\(task)" + (options.kind == .variant && dim == "n" ? "-" + metric : "")
            let t: Int
            if let existing = index[key] { t = existing } else {
                t = tables.count
                index[key] = t
                tables.append(PaperTable(key: key, title: "\(dim.uppercased()) · \(task) (" + (metric == "ifr" ? "IFR" : "IFR / \(metric)") + ")",
                                         rowHeader: options.kind == .class ? "class" : "variant",
                                         columns: members.map(\.label), rows: [], pairs: true))
                for label in classRows[dim] ?? [] {
                    rowIndex["\(key)\u{1}\(label)"] = tables[t].rows.count
                    tables[t].rows.append(PaperRow(label: label, cells: members.map { _ in PaperCell() }, lowerIsBetter: row[8] == .integer(0)))
                }
            }
            let rkey = "\(key)\u{1}\(label)"
            let r: Int
            if let existing = rowIndex[rkey] { r = existing } else {
                r = tables[t].rows.count
                rowIndex[rkey] = r
                tables[t].rows.append(PaperRow(label: label, cells: members.map { _ in PaperCell() }, lowerIsBetter: row[8] == .integer(0)))
            }
            tables[t].rows[r].cells[c] = PaperCell(ifr: row[5].double, value: row[7].double)
        }
        guard !tables.isEmpty else { throw QueryError(message: "no scores for these checkpoints, dimension and task") }
        return tables
    }

    /// Radar axes down, checkpoints across: IFR axes (percent) or RPS axes of a cohort.
    func axisTable(_ options: PaperTableOptions, rps: Bool) throws -> PaperTable {
        if rps, options.cohort == nil { throw QueryError(message: "RPS needs --cohort (it is relative to a cohort's best)") }
        let members = try requireMembers(options)
        let series = try radarSeries(members: members, metric: rps ? .rps : .ifr, cohort: options.cohort)
        let rows = RadarAxis.all.enumerated().map { i, axis in
            PaperRow(label: "\(axis.id) \(axis.name)", cells: series.map { PaperCell(value: $0.values[i]) }, lowerIsBetter: false)
        }
        return PaperTable(key: rps ? "axis-rps" : "axis-ifr", title: rps ? "RPS per radar axis (cohort \(options.cohort!))" : "IFR per radar axis (%)",
                          rowHeader: "axis", columns: members.map(\.label), rows: rows, pairs: false)
    }

    /// IFR and RPS area ratios down, a cohort's members across.
    func areaTable(_ options: PaperTableOptions) throws -> PaperTable {
        guard let cohort = options.cohort else { throw QueryError(message: "area ratios need --cohort") }
        let members = try requireMembers(options)
        let q = try db.query("SELECT checkpoint, source, ifr_area, rps_area FROM area_score WHERE cohort = ?", [.text(cohort)])
        var byMember: [String: (Double?, Double?)] = [:]
        for row in q.rows { byMember["\(row[0].display)\u{1}\(row[1].display)"] = (row[2].double, row[3].double) }
        let pairs = members.map { byMember["\($0.checkpoint)\u{1}\($0.source)"] }
        return PaperTable(key: "area", title: "Radar area ratios (%), cohort \(cohort)", rowHeader: "area", columns: members.map(\.label), rows: [
            PaperRow(label: "IFR area", cells: pairs.map { PaperCell(value: $0?.0) }, lowerIsBetter: false),
            PaperRow(label: "RPS area", cells: pairs.map { PaperCell(value: $0?.1) }, lowerIsBetter: false),
        ], pairs: false)
    }

    /// The ranking as printed by `isaq leaderboard`: members down, scores across, not highlighted.
    func leaderboardTable(_ options: PaperTableOptions) throws -> PaperTable {
        guard let cohort = options.cohort else { throw QueryError(message: "the leaderboard needs --cohort") }
        let table = try leaderboard(cohort: cohort)
        let wanted = Set(options.checkpoints)
        let columns = ["rank", "IFR area", "RPS area", "IFR total", "RPS total", "total"]
        let keys = ["rank", "ifr_area", "rps_area", "ifr_total", "rps_total", "total"]
        let index = keys.map { table.columns.firstIndex(of: $0)! }
        let name = table.columns.firstIndex(of: "checkpoint")!
        let rows = table.rows.filter { wanted.isEmpty || wanted.contains($0[name].display) }.map { row in
            // The rank is an integer: printed as text, not as a float.
            PaperRow(label: row[name].display, cells: [PaperCell(text: row[index[0]].display)] + index.dropFirst().map { PaperCell(value: row[$0].double) },
                     lowerIsBetter: nil)
        }
        return PaperTable(key: "leaderboard", title: "Leaderboard, cohort \(cohort)", rowHeader: "checkpoint", columns: columns, rows: rows, pairs: false)
    }

    /// Per class (or variant): IFR and metric before and after, the signed deltas and the verdict.
    func forgettingTable(_ options: PaperTableOptions) throws -> PaperTable {
        guard let after = options.after else { throw QueryError(message: "--kind forgetting needs --after (and --before unless the checkpoint has a parent)") }
        var f = ForgettingOptions()
        f.dim = options.dim
        f.task = options.task
        f.by = "class"
        let report = try forgetting(before: options.before, after: after, options: f)
        return Self.forgettingTable(report)
    }

    static func forgettingTable(_ report: ForgettingReport) -> PaperTable {
        let rows = report.rows.map { r in
            PaperRow(label: "\(r.dim.uppercased()) \(r.task) \(r.group)\(r.subtask.isEmpty ? "" : " " + r.subtask)",
                     cells: [PaperCell(value: r.ifrBefore), PaperCell(value: r.ifrAfter), PaperCell(value: r.deltaIFR.map { Rounding.py($0, 2) }),
                             PaperCell(value: r.metricBefore), PaperCell(value: r.metricAfter),
                             PaperCell(value: r.deltaMetric.map { Rounding.py($0, r.metric == "meteor" ? 4 : 2) }),
                             PaperCell(text: r.verdict)],
                     lowerIsBetter: nil)
        }
        return PaperTable(key: "forgetting", title: "Forgetting: \(report.before) → \(report.after)", rowHeader: "class",
                          columns: ["IFR before", "IFR after", "ΔIFR", "metric before", "metric after", "Δmetric_IF", "verdict"],
                          rows: rows, pairs: false)
    }
}

extension SQLValue {
    /// The number of an integer or real value.
    var double: Double? {
        switch self {
        case .real(let d): return d
        case .integer(let i): return Double(i)
        default: return nil
        }
    }
}
