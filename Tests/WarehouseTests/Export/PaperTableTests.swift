import Foundation
import Testing
@testable import Warehouse

/// `isaq export table` on the published cohort: the README detail tables cell for cell, LaTeX
/// structure and snapshots, long-form CSV/JSON.
@Suite struct PaperTableTests {
    /// The nine models of the upstream README, in its order.
    static let readmeModels = ["desta2.5-audio", "gemini-2.5-pro", "qwen2.5_omni", "gpt-4o-audio-preview", "qwen2_audio",
                               "kimi-audio", "phi4-multimodal-instruct", "salmonn", "wavllm"]

    /// The README's D and F detail cells, derived independently of isaq: Python reads the
    /// published JSON and applies SCORING.md §10.1 (derived classes PyRound 2 of plain double
    /// arithmetic, in the operand order given there), printing each cell as `str(ifr) / str(metric)`.
    static let expectedScript = #"""
    import json, sys
    data = json.load(open(sys.argv[1]))
    metric = {"asr": "wer", "ser": "acc", "gr": "acc", "s2tt": "bleu", "aac": "METEOR"}
    d_rows = [("D1 default", "default"), ("D2 case", "case"), ("D3 robustness", "robust"), ("D4 semantic complexity", "semantic_equal"), ("D5 punctuation", "alter_symbol")]
    f_rows = [("F1 constrain", "constrain"), ("F2 case", "case"), ("F3 decoration", "decoration"), ("F4 json", "json")]
    def derive(dim, block):
        b = dict(block)
        def avg(keys):
            out = {}
            for k in b[keys[0]]:
                if all(k in b[x] for x in keys):
                    if len(keys) == 2: out[k] = round((b[keys[0]][k] + b[keys[1]][k]) / 2, 2)
                    else: out[k] = round(((b[keys[0]][k] + b[keys[1]][k]) + b[keys[2]][k]) / 3, 2)
            return out
        if dim == "d":
            if "case" not in b and "lower_case" in b: b["case"] = avg(["lower_case", "upper_case"])
            if "robust" not in b and "grammar_robust" in b: b["robust"] = avg(["grammar_robust", "syntax_robust"])
            if "semantic_equal" not in b and "semantic_equal_simple" in b: b["semantic_equal"] = avg(["semantic_equal_complex", "semantic_equal_neutral", "semantic_equal_simple"])
        else:
            if "case" not in b and "lower_case" in b: b["case"] = avg(["lower_case", "upper_case"])
            if "decoration" not in b and "prefix" in b: b["decoration"] = avg(["prefix", "suffix", "wrap"])
        return b
    out = {}
    for dim, rows in (("d", d_rows), ("f", f_rows)):
        for task in ("asr", "ser", "gr", "s2tt", "aac"):
            table = {label: {} for label, _ in rows}
            for model in sys.argv[2:]:
                block = data[model].get(dim, {}).get(task)
                if block is None: continue
                b = derive(dim, block)
                for label, key in rows:
                    if key in b: table.setdefault(label, {})[model] = "%s / %s" % (b[key]["ifr"], b[key][metric[task]])
            out["%s-%s" % (dim, task)] = table
    print(json.dumps(out))
    """#

    /// Cells of a Markdown paper table: row label → column → cell text.
    static func parseMarkdown(_ text: String) -> [String: [String: String]] {
        var header: [String] = []
        var out: [String: [String: String]] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.dropFirst(2).dropLast(2).components(separatedBy: " | ")
            if cells.first == "---" || cells.first == "--- |" { continue }
            if header.isEmpty { header = cells; continue }
            for (column, cell) in zip(header.dropFirst(), cells.dropFirst()) { out[cells[0], default: [:]][column] = cell }
        }
        return out
    }

    @Test func markdownEqualsTheREADMEDetailTablesCellForCell() throws {
        let published = Fixtures.url("upstream/published/collect_all_metrics.json").path
        let script = Self.expectedScript
        let process = Process()
        process.executableURL = try PythonReference.python()
        process.arguments = ["-c", script, published] + Self.readmeModels
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let expected = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [String: [String: String]]])

        try PaperAnalysisTests.publishedWarehouse { (w: Warehouse, _: URL) throws in
            var cells = 0, excluded = 0
            for (key, table) in expected.sorted(by: { $0.key < $1.key }) {
                let parts = key.split(separator: "-").map(String.init)
                var options = PaperTableOptions()
                options.cohort = "isa-bench-2025"
                options.checkpoints = Self.readmeModels
                options.dim = parts[0]
                options.task = parts[1]
                let markdown = try w.paperTables(options).render(.markdown)
                let got = Self.parseMarkdown(markdown)
                #expect(Set(got.keys) == Set(table.keys), "\(key): rows")
                for (row, byModel) in table {
                    for model in Self.readmeModels {
                        let want = byModel[model] ?? "- / -"
                        #expect(got[row]?[model] == want, "\(key) \(row) \(model)")
                        if byModel[model] == nil { excluded += 1 } else { cells += 1 }
                    }
                }
            }
            // SCORING.md §10.1: the README's D and F detail tables hold 405 cells (9 models × 45
            // class rows); 35 of them are `- / -` (kimi s2tt, wavllm aac, gpt-4o gr, F2 case of s2tt).
            #expect(cells + excluded == 405)
            #expect(excluded == 35)
        }
    }

    @Test func ranksAreDirectionAwareAndShareTies() {
        let wer = PaperRow(label: "x", cells: [PaperCell(value: 10), PaperCell(value: 5), PaperCell(value: 7), PaperCell(), PaperCell(value: 5)], lowerIsBetter: true)
        #expect(PaperTable.ranks(wer) == [3, 1, 2, nil, 1])
        let acc = PaperRow(label: "x", cells: [PaperCell(value: 10), PaperCell(value: 5), PaperCell(value: 7)], lowerIsBetter: false)
        #expect(PaperTable.ranks(acc) == [1, 3, 2])
        let flat = PaperRow(label: "x", cells: [PaperCell(value: 1), PaperCell(value: 1)], lowerIsBetter: false)
        #expect(PaperTable.ranks(flat) == [nil, nil])
    }

    @Test func latexIsBooktabsWithMarksEscapesCaptionAndLabel() throws {
        try PaperAnalysisTests.publishedWarehouse { (w: Warehouse, _: URL) throws in
            var options = PaperTableOptions()
            options.cohort = "isa-bench-2025"
            options.dim = "d"
            var tables = try w.paperTables(options)
            tables.caption = "D dimension: IFR / metric & more_stuff"
            tables.label = "tab:d"
            let latex = tables.render(.latex)
            #expect(latex.components(separatedBy: "\\begin{table}").count - 1 == 5)
            for rule in ["\\toprule", "\\midrule", "\\bottomrule"] { #expect(latex.components(separatedBy: rule).count - 1 == 5) }
            #expect(latex.contains("\\caption{D dimension: IFR / metric \\& more\\_stuff (D · asr (IFR / wer))}"))
            #expect(latex.contains("\\label{tab:d:d-asr}"))
            #expect(latex.contains("qwen2\\_audio"))
            #expect(!latex.contains("qwen2_audio"))
            // ASR: lower WER is better, so qwen2_audio's 10.4 (and its -modified twin) is bold on D1.
            let d1 = try #require(latex.split(separator: "\n").first { $0.hasPrefix("D1 default") && $0.contains("87.45") })
            #expect(d1.contains("\\textbf{93.4 / 10.4}"))
            #expect(d1.contains("\\underline{93.93 / 13.03}"))
            // Every data row has exactly as many cells as columns.
            for line in latex.split(separator: "\n") where line.hasPrefix("D") && line.hasSuffix("\\\\") {
                #expect(line.components(separatedBy: " & ").count == 12)
            }
            try Snapshot.check(latex, named: "published-class-d.tex")
        }
    }

    @Test func csvAndJSONCarryFullPrecisionAndDisplay() throws {
        try PaperAnalysisTests.publishedWarehouse { (w: Warehouse, _: URL) throws in
            var options = PaperTableOptions()
            options.cohort = "isa-bench-2025"
            options.kind = .rps
            let tables = try w.paperTables(options)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(tables.render(.json).utf8)) as? [[String: Any]])
            #expect(json.count == 11 * 11)
            let desta = try #require(json.first { $0["column"] as? String == "desta2.5-audio" && $0["row"] as? String == "D1 default" })
            #expect(desta["value"] as? Double == 0.72)
            #expect(desta["display"] as? String == "0.72")
            let csv = tables.render(.csv)
            #expect(csv.hasPrefix("table,title,row,column,ifr,value,text,display,rank\n"))
            #expect(csv.split(separator: "\n").count == 1 + 121)
            options.kind = .area
            let area = try w.paperTables(options).render(.markdown)
            #expect(area.contains("| RPS area |"))
            #expect(Self.parseMarkdown(area)["IFR area"]?["desta2.5-audio"] == "70.3")
            options.kind = .leaderboard
            let board = Self.parseMarkdown(try w.paperTables(options).render(.markdown))
            #expect(board["gemini-2.5-pro-modified"]?["rank"] == "1")
        }
    }
}
