import Foundation

/// A minimal SVG writer: elements appended as text, numbers printed with fixed decimals so the
/// same data always gives the same bytes (the snapshot tests rely on it), text as `<text>`
/// elements so browsers, screen readers and `grep` can read the labels.
struct SVGDocument {
    let width: Double
    let height: Double
    private(set) var body: [String] = []

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Two decimals: far below a pixel, and free of platform-dependent float printing.
    static func n(_ x: Double) -> String {
        let s = String(format: "%.2f", x)
        return s == "-0.00" ? "0.00" : s
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    mutating func raw(_ element: String) { body.append(element) }

    mutating func text(_ s: String, x: Double, y: Double, anchor: String = "start", size: Double = 12, weight: String? = nil,
                       fill: String = "#222222", cls: String? = nil) {
        var attrs = "x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" font-size=\"\(Self.n(size))\" text-anchor=\"\(anchor)\" fill=\"\(fill)\""
        if let weight { attrs += " font-weight=\"\(weight)\"" }
        if let cls { attrs += " class=\"\(cls)\"" }
        body.append("<text \(attrs)>\(Self.escape(s))</text>")
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1, dash: String? = nil) {
        body.append("<line x1=\"\(Self.n(x1))\" y1=\"\(Self.n(y1))\" x2=\"\(Self.n(x2))\" y2=\"\(Self.n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\"\(dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")/>")
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, title: String? = nil, cls: String? = nil) {
        let open = "<rect x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" width=\"\(Self.n(max(0, width)))\" height=\"\(Self.n(max(0, height)))\" fill=\"\(fill)\"\(cls.map { " class=\"\($0)\"" } ?? "")"
        if let title { body.append(open + "><title>\(Self.escape(title))</title></rect>") } else { body.append(open + "/>") }
    }

    /// The whole document. `label` becomes the accessible title.
    func render(title: String) -> String {
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\" role=\"img\" font-family=\"Helvetica, Arial, sans-serif\">\n"
        out += "<title>\(Self.escape(title))</title>\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" fill=\"#ffffff\"/>\n"
        for element in body { out += element + "\n" }
        return out + "</svg>\n"
    }
}

/// Paul Tol's colour-blind-safe "muted" scheme (nine hues), then the same hues dashed: ten or
/// more checkpoints stay distinguishable without relying on colour alone.
enum Palette {
    static let muted = ["#332288", "#CC6677", "#117733", "#DDCC77", "#88CCEE", "#882255", "#44AA99", "#999933", "#AA4499"]
    static func colour(_ i: Int) -> String { muted[i % muted.count] }
    static func dash(_ i: Int) -> String? {
        switch (i / muted.count) % 3 {
        case 0: return nil
        case 1: return "6 3"
        default: return "2 2"
        }
    }
    /// Tol's bright blue and red for "better" and "worse".
    static let better = "#4477AA", worse = "#EE6677"
}
