import Foundation

/// One of the paper's 11 radar axes (SCORING.md §10.1), in radar order.
public struct RadarAxis: Sendable, Equatable {
    public var id: String
    public var name: String

    /// The same ids and README row names as the seeded `variation_class` table; kept here so
    /// figures do not depend on a query for their labels.
    public static let all: [RadarAxis] = [
        ("D1", "default"), ("D2", "case"), ("D3", "robustness"), ("D4", "semantic complexity"), ("D5", "punctuation"),
        ("F1", "constrain"), ("F2", "case"), ("F3", "decoration"), ("F4", "json"), ("N1", "2-task"), ("N2", "3-task"),
    ].map { RadarAxis(id: $0.0, name: $0.1) }
}

/// Which radius a radar shows.
public enum RadarMetric: String, Sendable, CaseIterable {
    case ifr, rps
}

/// One polygon of a radar: a member's 11 axis values (IFR in percent, or RPS 0–1); nil where
/// the view has no value (a dimension without data).
public struct RadarSeries: Sendable, Equatable {
    public var label: String
    public var values: [Double?]
}

extension Warehouse {
    /// Axis values per member from `axis_score` (IFR) or `rps_axis` (RPS of the cohort).
    public func radarSeries(members: [PaperMember], metric: RadarMetric, cohort: String?) throws -> [RadarSeries] {
        let q: (columns: [String], rows: [[SQLValue]])
        switch metric {
        case .ifr:
            q = try db.query("SELECT checkpoint, source, axis_order, ifr FROM axis_score")
        case .rps:
            guard let cohort else { throw QueryError(message: "RPS needs --cohort (it is relative to a cohort's best)") }
            try requireCohort(cohort)
            q = try db.query("SELECT checkpoint, source, axis_order, rps FROM rps_axis WHERE cohort = ?", [.text(cohort)])
        }
        var values: [String: [Double?]] = [:]
        for row in q.rows {
            guard case .integer(let i) = row[2], i >= 0, i < RadarAxis.all.count else { continue }
            let key = "\(row[0].display)\u{1}\(row[1].display)"
            var v = values[key] ?? Array(repeating: nil, count: RadarAxis.all.count)
            v[Int(i)] = row[3].double
            values[key] = v
        }
        return members.map { m in
            RadarSeries(label: m.label, values: values["\(m.checkpoint)\u{1}\(m.source)"] ?? Array(repeating: nil, count: RadarAxis.all.count))
        }
    }
}
