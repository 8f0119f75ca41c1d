import Foundation

extension PaperTables {
    /// The tables in one format. Markdown and LaTeX are for reading (rounded display values);
    /// CSV and JSON are long form, one record per cell, with full precision and the display text.
    public func render(_ format: TableFormat) -> String {
        switch format {
        case .markdown, .table: return tables.map(markdown).joined(separator: "\n")
        case .latex: return tables.map(latex).joined(separator: "\n")
        case .csv: return csv()
        case .json: return PythonJSONWriter.dumps(.array(records().map(JSONValue.object))) + "\n"
        case .ndjson: return records().map { PythonJSONWriter.compact(.object($0)) + "\n" }.joined()
        }
    }

    func markdown(_ table: PaperTable) -> String {
        func esc(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
        var out = "**\(esc(table.title))**\n\n"
        out += "| " + ([table.rowHeader] + table.columns).map(esc).joined(separator: " | ") + " |\n"
        out += "|" + String(repeating: " --- |", count: table.columns.count + 1) + "\n"
        for row in table.rows {
            out += "| " + ([row.label] + row.cells.map(table.display)).map(esc).joined(separator: " | ") + " |\n"
        }
        return out
    }

    /// A booktabs table environment: best value of each ranked row bold, second underlined.
    func latex(_ table: PaperTable) -> String {
        let many = tables.count > 1
        var out = "\\begin{table}[t]\n\\centering\n"
        if let caption {
            out += "\\caption{\(Self.latexEscape(caption))\(many ? " (" + Self.latexEscape(table.title) + ")" : "")}\n"
        }
        if let label { out += "\\label{\(label)\(many ? ":" + table.key : "")}\n" }
        out += "\\begin{tabular}{l" + String(repeating: "r", count: table.columns.count) + "}\n\\toprule\n"
        out += ([table.rowHeader] + table.columns).map(Self.latexEscape).joined(separator: " & ") + " \\\\\n\\midrule\n"
        for row in table.rows {
            let ranks = PaperTable.ranks(row)
            let cells = zip(row.cells, ranks).map { cell, rank -> String in
                let text = Self.latexEscape(table.display(cell))
                switch rank {
                case 1?: return "\\textbf{\(text)}"
                case 2?: return "\\underline{\(text)}"
                default: return text
                }
            }
            out += ([Self.latexEscape(row.label)] + cells).joined(separator: " & ") + " \\\\\n"
        }
        out += "\\bottomrule\n\\end{tabular}\n"
        return out + "\\end{table}\n"
    }

    /// LaTeX's ten special characters, plus the en dash and the Greek capital delta the tables use.
    static func latexEscape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\\": out += "\\textbackslash{}"
            case "&", "%", "$", "#", "_", "{", "}": out += "\\\(c)"
            case "~": out += "\\textasciitilde{}"
            case "^": out += "\\textasciicircum{}"
            case "<": out += "\\textless{}"
            case ">": out += "\\textgreater{}"
            case "–": out += "--"
            case "Δ": out += "$\\Delta$"
            default: out.append(c)
            }
        }
        return out
    }

    static let recordColumns = ["table", "title", "row", "column", "ifr", "value", "text", "display", "rank"]

    func records() -> [JSONObject] {
        var out: [JSONObject] = []
        for table in tables {
            for row in table.rows {
                for (cell, (column, rank)) in zip(row.cells, zip(table.columns, PaperTable.ranks(row))) {
                    let values: [JSONValue] = [
                        .string(table.key), .string(table.title), .string(row.label), .string(column),
                        cell.ifr.map(JSONValue.float) ?? .null, cell.value.map(JSONValue.float) ?? .null,
                        cell.text.map(JSONValue.string) ?? .null, .string(table.display(cell)),
                        rank.map { .int(String($0)) } ?? .null,
                    ]
                    out.append(JSONObject(zip(Self.recordColumns, values).map { ($0, $1) }))
                }
            }
        }
        return out
    }

    func csv() -> String {
        func field(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        var out = Self.recordColumns.joined(separator: ",") + "\n"
        for record in records() {
            out += Self.recordColumns.map { key -> String in
                switch record[key] {
                case .string(let s)?: return field(s)
                case .float(let d)?: return PythonRepr.floatRepr(d)
                case .int(let i)?: return i
                default: return ""
                }
            }.joined(separator: ",") + "\n"
        }
        return out
    }
}
