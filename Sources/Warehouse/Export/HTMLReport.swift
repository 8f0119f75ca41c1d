import Foundation

/// What `isaq report --html` puts in its page.
public struct HTMLReportOptions: Sendable {
    /// The cohort of the leaderboard, RPS radar and area chart; without it only IFR is shown.
    public var cohort: String?
    public var checkpoints: [String] = []
    /// A forgetting summary between these two checkpoints, when `after` is set.
    public var before: String?
    public var after: String?

    public init() {}
}

extension Warehouse {
    /// One self-contained HTML page: inline CSS and SVG, no scripts, no network, and no clock,
    /// so the same warehouse gives the same bytes.
    public func htmlReport(_ options: HTMLReportOptions) throws -> String {
        let members = try paperMembers(cohort: options.cohort, checkpoints: options.checkpoints)
        guard !members.isEmpty else { throw QueryError(message: "no scored checkpoint to report (ingest or score some first)") }
        var page = HTMLPage(title: "ISA-Bench report" + (options.cohort.map { " — cohort \($0)" } ?? ""))
        page.section("Checkpoints", "<p>\(members.map { HTMLPage.escape($0.label) + " <small>(\(HTMLPage.escape($0.source)))</small>" }.joined(separator: ", "))</p>")

        var tableOptions = PaperTableOptions()
        tableOptions.cohort = options.cohort
        tableOptions.checkpoints = options.checkpoints
        if options.cohort != nil {
            tableOptions.kind = .leaderboard
            page.section("Leaderboard", page.table(try leaderboardTable(tableOptions)))
        }
        page.section("Instruction-following rate per radar axis",
                     RadarChart(title: "IFR radar", metric: .ifr, series: try radarSeries(members: members, metric: .ifr, cohort: nil)).svg
                        + page.table(try axisTable(tableOptions, rps: false)))
        if let cohort = options.cohort {
            page.section("Relative performance score per radar axis",
                         RadarChart(title: "RPS radar, cohort \(cohort)", metric: .rps, series: try radarSeries(members: members, metric: .rps, cohort: cohort)).svg
                            + page.table(try axisTable(tableOptions, rps: true)))
            let area = try areaTable(tableOptions)
            let chart = AreaChart(title: "Radar area ratios, cohort \(cohort)",
                                  members: area.columns.indices.map { (area.columns[$0], area.rows[0].cells[$0].value, area.rows[1].cells[$0].value) })
            page.section("Radar area ratios", chart.svg + page.table(area))
        }
        for dim in ["d", "f", "n"] {
            tableOptions.kind = .class
            tableOptions.dim = dim
            guard let tables = try? scoreTables(tableOptions) else { continue }
            page.section("Dimension \(dim.uppercased()): IFR / metric per class and task",
                         "<p>Best metric per row in bold, second underlined (lower WER is better); - / - where a checkpoint has no such task.</p>"
                            + tables.map { page.table($0) }.joined())
        }
        if let after = options.after {
            var f = ForgettingOptions()
            f.by = "class"
            let report = try forgetting(before: options.before, after: after, options: f)
            page.section("Forgetting: \(report.before) → \(report.after)",
                         "<pre>\(HTMLPage.escape(report.summary))</pre>" + ForgettingChart(report: report).svg + page.table(Self.forgettingTable(report)))
        }
        page.section("Provenance", try provenanceHTML(page))
        return page.render()
    }

    private func provenanceHTML(_ page: HTMLPage) throws -> String {
        var out = "<p>isaq \(HTMLPage.escape(isaqVersion)).</p>"
        let rulesets = try db.query("""
            SELECT r.name, r.description, count(DISTINCT jt.run_id) FROM ruleset r JOIN judgment_total jt USING (ruleset_id)
            GROUP BY r.ruleset_id ORDER BY r.name
            """)
        out += "<h3>Rulesets</h3>" + page.plain(["ruleset", "description", "runs"], rulesets.rows)
        let signatures = try db.query("""
            SELECT r.name, s.metric, s.signature FROM metric_signature s JOIN ruleset r USING (ruleset_id)
            WHERE s.ruleset_id IN (SELECT ruleset_id FROM judgment_total) ORDER BY r.name, s.metric, s.signature
            """)
        out += "<h3>Metric signatures</h3>" + page.plain(["ruleset", "metric", "signature"], signatures.rows)
        let runs = try db.query("""
            SELECT c.name, run.format, ifnull(run.dim, ''), ifnull(run.task, ''), run.source_path, run.sha256, run.response_count, run.tool_version
            FROM run JOIN checkpoint c USING (checkpoint_id) ORDER BY c.name, run.source_path, run.run_id
            """)
        out += "<h3>Source files</h3>" + page.plain(["checkpoint", "format", "dim", "task", "file", "sha256", "responses", "isaq"], runs.rows)
        let published = try db.query("""
            SELECT source, count(DISTINCT checkpoint_id), count(*) FROM published_score GROUP BY source ORDER BY source
            """)
        out += "<h3>Published scores</h3>" + page.plain(["source", "checkpoints", "values"], published.rows)
        return out
    }
}

/// The page being built: sections of HTML and the one stylesheet.
struct HTMLPage {
    let title: String
    private var sections: [String] = []

    init(title: String) { self.title = title }

    static func escape(_ s: String) -> String { SVGDocument.escape(s) }

    mutating func section(_ heading: String, _ html: String) {
        sections.append("<section>\n<h2>\(Self.escape(heading))</h2>\n\(html)\n</section>")
    }

    /// A paper table as HTML, ranked rows highlighted like the LaTeX output.
    func table(_ t: PaperTable) -> String {
        var out = "<div class=\"scroll\"><table class=\"paper\" data-table=\"\(Self.escape(t.key))\">\n<caption>\(Self.escape(t.title))</caption>\n<thead><tr><th>\(Self.escape(t.rowHeader))</th>"
        out += t.columns.map { "<th>\(Self.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in t.rows {
            out += "<tr><th>\(Self.escape(row.label))</th>"
            for (cell, rank) in zip(row.cells, PaperTable.ranks(row)) {
                let text = Self.escape(t.display(cell))
                switch rank {
                case 1?: out += "<td class=\"best\"><strong>\(text)</strong></td>"
                case 2?: out += "<td class=\"second\"><u>\(text)</u></td>"
                default: out += "<td>\(text)</td>"
                }
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table></div>\n"
    }

    func plain(_ columns: [String], _ rows: [[SQLValue]]) -> String {
        guard !rows.isEmpty else { return "<p><em>none</em></p>" }
        var out = "<table class=\"plain\">\n<thead><tr>" + columns.map { "<th>\(Self.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows { out += "<tr>" + row.map { "<td>\(Self.escape($0.display))</td>" }.joined() + "</tr>\n" }
        return out + "</tbody>\n</table>\n"
    }

    static let css = """
        body { font-family: Helvetica, Arial, sans-serif; margin: 2em auto; max-width: 1200px; color: #222; }
        h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid #ccc; padding-bottom: .2em; margin-top: 2em; }
        table { border-collapse: collapse; margin: 1em 0; font-size: 13px; }
        caption { text-align: left; font-weight: bold; padding: .3em 0; }
        th, td { padding: .25em .6em; border-bottom: 1px solid #e4e4e4; text-align: right; white-space: nowrap; }
        th:first-child, tbody th { text-align: left; }
        thead th { border-bottom: 2px solid #444; }
        table.plain td { text-align: left; font-family: monospace; }
        .scroll { overflow-x: auto; }
        svg { display: block; max-width: 100%; height: auto; margin: 1em 0; }
        pre { background: #f6f6f6; padding: .8em; }
        """

    func render() -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>\(Self.escape(title))</title>
        <style>
        \(Self.css)
        </style>
        </head>
        <body>
        <h1>\(Self.escape(title))</h1>
        \(sections.joined(separator: "\n"))
        </body>
        </html>

        """
    }
}
