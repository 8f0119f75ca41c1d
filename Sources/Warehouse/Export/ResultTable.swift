import Foundation

/// Rows and named columns ready to print: what every table-printing command produces before
/// rendering, so computing and rendering stay apart.
public struct ResultTable: Sendable {
    public var columns: [String]
    public var rows: [[SQLValue]]

    public init(columns: [String], rows: [[SQLValue]]) {
        self.columns = columns
        self.rows = rows
    }
}

/// The output formats of table-printing commands.
public enum TableFormat: String, Sendable, CaseIterable {
    case table, markdown, latex, csv, json, ndjson
}

extension SQLValue {
    /// The value as a cell of a human-readable table.
    public var display: String {
        switch self {
        case .null: return ""
        case .integer(let i): return String(i)
        case .real(let d): return PythonRepr.floatRepr(d)
        case .text(let s): return s
        case .blob(let b): return "<\(b.count) bytes>"
        }
    }

    var json: JSONValue {
        switch self {
        case .null: return .null
        case .integer(let i): return .int(String(i))
        case .real(let d): return .float(d)
        case .text(let s): return .string(s)
        case .blob(let b): return .string(b.map { String(format: "%02x", $0) }.joined())
        }
    }
}

extension ResultTable {
    public func render(_ format: TableFormat) -> String {
        switch format {
        case .table: return renderAligned()
        case .markdown: return renderMarkdown()
        case .latex: return renderLatex()
        case .csv: return renderCSV()
        case .json: return PythonJSONWriter.dumps(.array(rows.map(object))) + "\n"
        case .ndjson: return rows.map { PythonJSONWriter.compact(object($0)) + "\n" }.joined()
        }
    }

    private func object(_ row: [SQLValue]) -> JSONValue {
        .object(JSONObject(zip(columns, row.map(\.json)).map { ($0, $1) }))
    }

    private func renderAligned() -> String {
        let cells = rows.map { $0.map { $0.display.replacingOccurrences(of: "\n", with: "\\n") } }
        var widths = columns.map(\.count)
        for row in cells { for (i, c) in row.enumerated() { widths[i] = max(widths[i], c.count) } }
        func line(_ values: [String]) -> String {
            var text = zip(values, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        var out = line(columns) + "\n" + line(widths.map { String(repeating: "-", count: $0) }) + "\n"
        for row in cells { out += line(row) + "\n" }
        return out
    }

    private func renderMarkdown() -> String {
        func esc(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: "<br>") }
        var out = "| " + columns.map(esc).joined(separator: " | ") + " |\n"
        out += "|" + columns.map { _ in " --- |" }.joined() + "\n"
        for row in rows { out += "| " + row.map { esc($0.display) }.joined(separator: " | ") + " |\n" }
        return out
    }

    private func renderLatex() -> String {
        // One escaper for every LaTeX isaq writes (the paper tables' also covers < > – Δ).
        let esc = PaperTables.latexEscape
        var out = "\\begin{tabular}{" + String(repeating: "l", count: columns.count) + "}\n\\toprule\n"
        out += columns.map(esc).joined(separator: " & ") + " \\\\\n\\midrule\n"
        for row in rows { out += row.map { esc($0.display) }.joined(separator: " & ") + " \\\\\n" }
        return out + "\\bottomrule\n\\end{tabular}\n"
    }

    private func renderCSV() -> String {
        func field(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        var out = columns.map(field).joined(separator: ",") + "\n"
        for row in rows { out += row.map { field($0.display) }.joined(separator: ",") + "\n" }
        return out
    }
}
