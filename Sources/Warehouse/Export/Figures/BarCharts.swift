import Foundation

/// Horizontal bars, one panel per measure, each sorted best first: the IFR and RPS area ratios
/// of a cohort.
public struct AreaChart: Sendable {
    public var title: String
    /// (member label, IFR area, RPS area); nil where the member has no area.
    public var members: [(label: String, ifr: Double?, rps: Double?)]

    public init(title: String, members: [(label: String, ifr: Double?, rps: Double?)]) {
        self.title = title
        self.members = members
    }

    public var svg: String {
        let rowH = 22.0, top = 70.0, labelW = 220.0, barW = 300.0
        let panelH = Double(members.count) * rowH + 40
        var doc = SVGDocument(width: 2 * (labelW + barW + 60) , height: top + panelH + 20)
        doc.text(title, x: 24, y: 32, size: 18, weight: "bold")
        for (p, (name, pick)) in [("IFR area ratio (%)", { (m: (label: String, ifr: Double?, rps: Double?)) in m.ifr }),
                                  ("RPS area ratio (%)", { (m: (label: String, ifr: Double?, rps: Double?)) in m.rps })].enumerated() {
            let x0 = 24 + Double(p) * (labelW + barW + 60)
            doc.text(name, x: x0, y: top - 16, size: 14, weight: "bold")
            // Stable order: value descending, then label, so ties do not reorder between runs.
            let sorted = members.map { ($0.label, pick($0)) }.sorted { a, b in
                (a.1 ?? -1) != (b.1 ?? -1) ? (a.1 ?? -1) > (b.1 ?? -1) : a.0 < b.0
            }
            for (i, (label, value)) in sorted.enumerated() {
                let y = top + Double(i) * rowH
                doc.text(label, x: x0 + labelW - 8, y: y + 15, anchor: "end", size: 12)
                let w = barW * min(max((value ?? 0) / 100, 0), 1)
                doc.rect(x: x0 + labelW, y: y + 3, width: w, height: rowH - 6, fill: p == 0 ? Palette.better : Palette.muted[2],
                         title: "\(label): \(value.map { PythonRepr.floatRepr($0) } ?? "–")", cls: "bar")
                doc.text(value.map { String(format: "%.1f", $0) } ?? "–", x: x0 + labelW + w + 6, y: y + 15, size: 11, fill: "#444444")
            }
            doc.line(x0 + labelW, top, x0 + labelW, top + Double(sorted.count) * rowH, stroke: "#888888")
        }
        return doc.render(title: title)
    }
}

/// Diverging bars of what a fine-tune changed per class: Δmetric_IF and ΔIFR, negative (worse)
/// to the left in red, positive to the right in blue, with significance marks. Each panel has
/// its own scale, and a Δmetric bar is scaled within its own metric (WER points and METEOR
/// fractions are not comparable), so lengths compare rows of one metric only; the numbers are
/// printed next to the bars.
public struct ForgettingChart: Sendable {
    public var report: ForgettingReport

    public init(report: ForgettingReport) { self.report = report }

    public var svg: String {
        let rows = report.rows
        let rowH = 22.0, top = 86.0, labelW = 230.0, half = 150.0
        let title = "Forgetting: \(report.before) → \(report.after)"
        var doc = SVGDocument(width: labelW + 4 * half + 140, height: top + Double(rows.count) * rowH + 60)
        doc.text(title, x: 24, y: 32, size: 18, weight: "bold")
        doc.text("* bootstrap 95 % interval excludes 0   † McNemar p < 0.05   (negative = worse, WER included)", x: 24, y: 52, size: 11, fill: "#555555")
        var maxMetric: [String: Double] = [:]
        for r in rows { maxMetric[r.metric] = max(maxMetric[r.metric] ?? 0, abs(r.deltaMetric ?? 0)) }
        let maxIFR = max(rows.map { abs($0.deltaIFR ?? 0) }.max() ?? 0, 1e-9)
        let panels: [(String, Double)] = [("Δmetric_IF", labelW + half), ("ΔIFR (points)", labelW + 3 * half + 60)]
        for (name, zero) in panels {
            doc.text(name, x: zero, y: top - 12, anchor: "middle", size: 13, weight: "bold")
            doc.line(zero, top - 4, zero, top + Double(rows.count) * rowH, stroke: "#888888")
        }
        for (i, r) in rows.enumerated() {
            let y = top + Double(i) * rowH
            // Class rows (D1…N2) also get the README row name, so the figure reads without a key.
            let name = RadarAxis.all.first { $0.id == r.group }.map { " " + $0.name } ?? ""
            doc.text("\(r.task) \(r.group)\(name)\(r.subtask.isEmpty ? "" : " " + r.subtask)", x: labelW - 8, y: y + 15, anchor: "end", size: 12)
            let significant = r.verdict == "forgotten" || r.verdict == "improved"
            let mcnemar = (r.mcnemarP ?? 1) < 0.05
            let marks = (significant ? "*" : "") + (mcnemar ? "†" : "")
            let metricDigits = r.metric == "meteor" ? 4 : 2
            let bars: [(Double?, Double, String, Int)] = [
                (r.deltaMetric, max(maxMetric[r.metric] ?? 0, 1e-9), marks, metricDigits),
                (r.deltaIFR, maxIFR, "", 2),
            ]
            for ((value, scale, mark, digits), (_, zero)) in zip(bars, panels) {
                guard let value else {
                    doc.text("–", x: zero + 4, y: y + 15, size: 11, fill: "#777777")
                    continue
                }
                let w = half * abs(value) / scale
                let x = value < 0 ? zero - w : zero
                doc.rect(x: x, y: y + 4, width: w, height: rowH - 8, fill: value < 0 ? Palette.worse : Palette.better,
                         title: "\(r.group) \(r.task): \(PythonRepr.floatRepr(value))", cls: "bar")
                // Negative bars grow left towards the row labels, so their numbers go right of zero.
                doc.text(String(format: "%+.\(digits)f", value) + mark, x: value < 0 ? zero + 4 : x + w + 4, y: y + 15, size: 11, fill: "#333333")
            }
        }
        return doc.render(title: title)
    }
}
