import Foundation

/// One cell of a paper table: the numbers at full precision (as the views hold them) and the text
/// a reader sees. `nil` numbers mean "not measured" (a task the checkpoint lacks).
public struct PaperCell: Sendable, Equatable {
    /// IFR in percent, when the cell is an `IFR / metric` pair.
    public var ifr: Double?
    /// The ranked value: the metric of a pair, or the single number of the cell.
    public var value: Double?
    /// Free text for cells that are not numbers (a verdict).
    public var text: String?

    public init(ifr: Double? = nil, value: Double? = nil, text: String? = nil) {
        self.ifr = ifr
        self.value = value
        self.text = text
    }
}

/// A row of a paper table: a label (class, variant, axis, measure) and one cell per column.
public struct PaperRow: Sendable, Equatable {
    public var label: String
    public var cells: [PaperCell]
    /// Whether a smaller value ranks higher in this row (WER); nil: rows are not ranked.
    public var lowerIsBetter: Bool?

    public init(label: String, cells: [PaperCell], lowerIsBetter: Bool?) {
        self.label = label
        self.cells = cells
        self.lowerIsBetter = lowerIsBetter
    }
}

/// A table as the paper lays it out: measures down, checkpoints across (or, for rankings,
/// checkpoints down), with a short title naming dimension and task.
public struct PaperTable: Sendable, Equatable {
    /// `d-asr`, `axis-ifr`…: stable, used for LaTeX labels and CSV/JSON `table` keys.
    public var key: String
    public var title: String
    public var rowHeader: String
    public var columns: [String]
    public var rows: [PaperRow]
    /// Cells print as `IFR / metric` (the README's detail tables) rather than one number.
    public var pairs: Bool
    /// Display decimals per column for single-number cells; nil: Python's float repr (the values
    /// are already rounded exactly as upstream prints them).
    public var decimals: Int?

    public init(key: String, title: String, rowHeader: String, columns: [String], rows: [PaperRow], pairs: Bool, decimals: Int? = nil) {
        self.key = key
        self.title = title
        self.rowHeader = rowHeader
        self.columns = columns
        self.rows = rows
        self.pairs = pairs
        self.decimals = decimals
    }

    /// The text of one number as printed.
    func number(_ d: Double?) -> String? {
        guard let d else { return nil }
        if let decimals { return String(format: "%.\(decimals)f", d) }
        return PythonRepr.floatRepr(d)
    }

    /// The cell as a reader sees it: `IFR / metric`, `- / -` when excluded (as the upstream
    /// README prints it), a number, a verdict, or `–` for a missing number.
    public func display(_ cell: PaperCell) -> String {
        if let text = cell.text { return text }
        if pairs { return "\(number(cell.ifr) ?? "-") / \(number(cell.value) ?? "-")" }
        return number(cell.value) ?? "–"
    }

    /// Ranks of the cells of a row, best first (1 = best, 2 = second), ties sharing a rank;
    /// cells without a value get nil. Ranking is by distinct values, so two tied best cells are
    /// both bold and the next value is underlined.
    public static func ranks(_ row: PaperRow) -> [Int?] {
        guard let lower = row.lowerIsBetter else { return row.cells.map { _ in nil } }
        let values = Set(row.cells.compactMap(\.value))
        guard values.count > 1 else { return row.cells.map { _ in nil } }
        let ordered = values.sorted(by: lower ? (<) : (>))
        return row.cells.map { cell in cell.value.flatMap { v in ordered.firstIndex(of: v).map { $0 + 1 } } }
    }
}

/// The tables of one `isaq export table` call and how to print them.
public struct PaperTables: Sendable, Equatable {
    public var tables: [PaperTable]
    public var caption: String?
    public var label: String?

    public init(tables: [PaperTable], caption: String? = nil, label: String? = nil) {
        self.tables = tables
        self.caption = caption
        self.label = label
    }
}
