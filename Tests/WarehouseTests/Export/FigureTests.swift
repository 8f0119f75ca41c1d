import Foundation
import Testing
@testable import Warehouse

/// SVG figures and the HTML report: structure, determinism and snapshots.
@Suite struct FigureTests {
    static func radar(_ w: Warehouse, _ metric: RadarMetric) throws -> String {
        let members = try w.paperMembers(cohort: "isa-bench-2025", checkpoints: [])
        return RadarChart(title: "\(metric.rawValue) radar", metric: metric, series: try w.radarSeries(members: members, metric: metric, cohort: "isa-bench-2025")).svg
    }

    @Test func radarHasElevenLabelledAxesAndOnePolygonPerCheckpoint() throws {
        try PaperAnalysisTests.publishedWarehouse { (w: Warehouse, _: URL) throws in
            let svg = try Self.radar(w, .ifr)
            #expect(svg.components(separatedBy: "<polygon class=\"series\"").count - 1 == 11)
            for axis in RadarAxis.all { #expect(svg.contains(">\(axis.id) \(axis.name)</text>")) }
            #expect(svg.components(separatedBy: "class=\"legend\"").count - 1 == 11)
            #expect(svg == (try Self.radar(w, .ifr)), "same data, same bytes")
            #expect(!svg.contains("<script"))
            try Snapshot.check(svg, named: "published-radar-ifr.svg")
            let rps = try Self.radar(w, .rps)
            #expect(rps.contains("<title>desta2.5-audio: 0.72, 0.68, 0.57, 0.7, 0.75, 0.64, 0.74, 0.68, 0.73, 0.82, 0.78</title>"))
            try Snapshot.check(rps, named: "published-radar-rps.svg")
        }
    }

    @Test func areaChartSortsBarsBestFirst() throws {
        try PaperAnalysisTests.publishedWarehouse { (w: Warehouse, _: URL) throws in
            var options = PaperTableOptions()
            options.kind = .area
            options.cohort = "isa-bench-2025"
            let area = try w.paperTables(options).tables[0]
            let svg = AreaChart(title: "areas", members: area.columns.indices.map { (area.columns[$0], area.rows[0].cells[$0].value, area.rows[1].cells[$0].value) }).svg
            #expect(svg.components(separatedBy: "class=\"bar\"").count - 1 == 22)
            // IFR panel: gemini-2.5-pro-modified 89.1 first, then desta 70.3.
            let g = try #require(svg.range(of: "gemini-2.5-pro-modified: 89.1")), d = try #require(svg.range(of: "desta2.5-audio: 70.3"))
            #expect(g.lowerBound < d.lowerBound)
            try Snapshot.check(svg, named: "published-area.svg")
        }
    }

    @Test func htmlReportIsSelfContainedWithTablesRadarsAndProvenance() throws {
        try PaperAnalysisTests.publishedWarehouse { (w: Warehouse, _: URL) throws in
            var options = HTMLReportOptions()
            options.cohort = "isa-bench-2025"
            let html = try w.htmlReport(options)
            #expect(html.hasPrefix("<!DOCTYPE html>"))
            #expect(!html.contains("<script"))
            #expect(!html.contains("src=") && !html.contains("href="))
            #expect(html.contains("<table class=\"paper\" data-table=\"leaderboard\">"))
            #expect(html.contains("data-table=\"d-asr\"") && html.contains("data-table=\"f-aac\""))
            #expect(html.components(separatedBy: "<svg ").count - 1 == 3)
            #expect(html.contains("<h2>Provenance</h2>") && html.contains("isaq \(isaqVersion)"))
            #expect(html.contains("<td>isa-bench-2025</td>"))
            #expect(html == (try w.htmlReport(options)))
        }
    }

    @Test func demoWritesAReportWithForgettingAndSourceFiles() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let summary = try DemoWarehouse.build(directory: dir.path, samplesPerTask: 6)
        let path = try DemoWarehouse.writeReport(summary)
        #expect(path.hasSuffix("/demo-report.html"))
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.contains("<h2>Forgetting: demo-model → demo-model@sft</h2>"))
        #expect(html.contains("<h3>Source files</h3>"))
        // Every ingested file appears with its sha256.
        let w = try Warehouse(path: summary.databasePath, readOnly: true)
        for row in try w.db.query("SELECT sha256 FROM run").rows { #expect(html.contains(row[0].display)) }
        var byClass = ForgettingOptions()
        byClass.by = "class"
        byClass.resamples = 50
        let chart = ForgettingChart(report: try w.forgetting(before: nil, after: "demo-model@sft", options: byClass)).svg
        #expect(chart.contains("Δmetric_IF") && chart.contains("ΔIFR"))
        #expect(chart.components(separatedBy: "class=\"bar\"").count - 1 > 0)
        #expect(chart.contains(">asr D1 default</text>"))
        var options = PaperTableOptions()
        options.kind = .forgetting
        options.after = "demo-model@sft"
        let table = try w.paperTables(options).tables[0]
        #expect(table.columns == ["IFR before", "IFR after", "ΔIFR", "metric before", "metric after", "Δmetric_IF", "verdict"])
        #expect(table.rows.count > 0)
        #expect(table.rows.allSatisfy { $0.cells.last?.text != nil })
    }
}
