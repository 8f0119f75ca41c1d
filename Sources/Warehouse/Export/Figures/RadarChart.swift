import Foundation

/// The paper's radar: 11 axes D1…N2 clockwise from the top, one polygon per checkpoint, and a
/// legend. IFR radii are percent (0–100), RPS radii 0–1; a missing axis value is drawn at 0 so
/// every polygon keeps 11 vertices (the area ratio counts it as 0 too).
public struct RadarChart: Sendable {
    public var title: String
    public var metric: RadarMetric
    public var series: [RadarSeries]

    public init(title: String, metric: RadarMetric, series: [RadarSeries]) {
        self.title = title
        self.metric = metric
        self.series = series
    }

    public var svg: String {
        let legendRows = series.count
        let height = max(600.0, 90.0 + Double(legendRows) * 22.0)
        var doc = SVGDocument(width: 900, height: height)
        let cx = 330.0, cy = 320.0, radius = 210.0
        let full = metric == .ifr ? 100.0 : 1.0
        let n = RadarAxis.all.count
        func point(_ i: Int, _ fraction: Double) -> (Double, Double) {
            let theta = -Double.pi / 2 + 2 * Double.pi * Double(i) / Double(n)
            return (cx + radius * fraction * cos(theta), cy + radius * fraction * sin(theta))
        }
        doc.text(title, x: 24, y: 32, size: 18, weight: "bold")
        // Grid rings at fifths of the full scale, labelled along the first axis.
        for step in 1...5 {
            let f = Double(step) / 5
            let ring = (0..<n).map { point($0, f) }.map { "\(SVGDocument.n($0.0)),\(SVGDocument.n($0.1))" }.joined(separator: " ")
            doc.raw("<polygon points=\"\(ring)\" fill=\"none\" stroke=\"#cccccc\" stroke-width=\"1\"/>")
            let (x, y) = point(0, f)
            doc.text(metric == .ifr ? String(Int(f * 100)) : String(format: "%.1f", f), x: x + 4, y: y + 4, size: 10, fill: "#777777")
        }
        for (i, axis) in RadarAxis.all.enumerated() {
            let (x, y) = point(i, 1)
            doc.line(cx, cy, x, y, stroke: "#bbbbbb")
            let (lx, ly) = point(i, 1.12)
            let c = cos(-Double.pi / 2 + 2 * Double.pi * Double(i) / Double(n))
            let anchor = abs(c) < 0.2 ? "middle" : (c > 0 ? "start" : "end")
            doc.text("\(axis.id) \(axis.name)", x: lx, y: ly + 4, anchor: anchor, size: 13, cls: "axis-label")
        }
        for (k, s) in series.enumerated() {
            let pts = s.values.enumerated().map { i, v in point(i, min(max((v ?? 0) / full, 0), 1.05)) }
            let list = pts.map { "\(SVGDocument.n($0.0)),\(SVGDocument.n($0.1))" }.joined(separator: " ")
            let colour = Palette.colour(k)
            let dash = Palette.dash(k).map { " stroke-dasharray=\"\($0)\"" } ?? ""
            let values = s.values.map { $0.map { PythonRepr.floatRepr($0) } ?? "–" }.joined(separator: ", ")
            doc.raw("<polygon class=\"series\" data-series=\"\(SVGDocument.escape(s.label))\" points=\"\(list)\" fill=\"\(colour)\" fill-opacity=\"0.06\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash)><title>\(SVGDocument.escape(s.label)): \(values)</title></polygon>")
        }
        // Legend: a swatch line in the series' colour and dash, then the name.
        let lx = 640.0
        doc.text(metric == .ifr ? "IFR (%)" : "RPS", x: lx, y: 72, size: 13, weight: "bold")
        for (k, s) in series.enumerated() {
            let y = 96.0 + Double(k) * 22.0
            doc.line(lx, y - 4, lx + 28, y - 4, stroke: Palette.colour(k), width: 3, dash: Palette.dash(k))
            doc.text(s.label, x: lx + 36, y: y, size: 12, cls: "legend")
        }
        return doc.render(title: title)
    }
}
