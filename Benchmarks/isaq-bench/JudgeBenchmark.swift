import Foundation
import Warehouse

/// Judge throughput per dimension and task, on one core and on all cores, against the Python
/// reference libraries (Whisper's normalizer + jiwer, sacreBLEU) on the same pairs.
struct JudgeBenchmark {
    let itemsPerTask: Int
    let directory: URL

    func run() throws {
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let corpus = SyntheticCorpus(seed: 7, profile: .diligent)
        let modelDir = try corpus.write(model: "judge-bench", to: directory, items: { _ in itemsPerTask }, nItems: itemsPerTask / 10)
        let dbPath = directory.appendingPathComponent("judge.db").path
        let w = try Warehouse(path: dbPath)
        let reports = try w.ingestResults([modelDir.path], options: IngestOptions())
        let cores = ProcessInfo.processInfo.activeProcessorCount
        print("isaq-bench judge: \(itemsPerTask) items per task and dimension, \(cores) cores (AAC: compliance and hypothesis only)")
        print("dim/task   responses   1 core (resp/s)   \(cores) cores (resp/s)")
        var rates: [String: Double] = [:]
        for r in reports {
            guard let run = r.runID else { continue }
            var rate = [Double]()
            var split = ""
            for threads in [1, cores] {
                var options = JudgeOptions()
                options.threads = threads
                options.skipCaptionMetrics = true
                var report = JudgeReport()
                let t = try seconds { report = try w.judge(runs: [run], options: options) }
                rate.append(Double(r.responses) / t)
                split = "load \(format(report.loadSeconds, 2)) s, judge \(format(report.judgeSeconds, 2)) s, write \(format(report.writeSeconds, 2)) s"
            }
            rates["\(r.dim)/\(r.task)"] = rate[1]
            print("\(("\(r.dim)/\(r.task)").padding(toLength: 9, withPad: " ", startingAt: 0))  \(String(r.responses).leftPad(9))   \(format(rate[0]).leftPad(15))   \(format(rate[1]).leftPad(17))   (\(split))")
        }
        try comparePython(w, rates: rates)
    }

    /// The same (reference, hypothesis) pairs through the Python libraries upstream uses.
    func comparePython(_ w: Warehouse, rates: [String: Double]) throws {
        guard let python = pythonExecutable() else {
            print("Python reference environment not found (run scripts/python-reference.sh): no comparison")
            return
        }
        for (dim, task) in [("d", "asr"), ("f", "asr"), ("d", "s2tt"), ("f", "s2tt")] {
            let rows = try w.query("""
                SELECT s.reference, r.text FROM response r JOIN run USING (run_id) JOIN instruction i USING (instruction_id)
                JOIN sample s ON s.sample_id = i.sample_id WHERE run.dim = :d AND run.task = :t AND r.kind = 'string'
                """, parameters: [("d", dim), ("t", task)]).rows
            var input = Data()
            for row in rows {
                guard case .text(let ref) = row[0], case .text(let hyp) = row[1] else { continue }
                input.append(Data(PythonJSONWriter.compact(.array([.string(ref), .string(hyp)])).utf8))
                input.append(0x0A)
            }
            let script = task == "asr" ? Self.pythonASR : Self.pythonBLEU
            let out = try runPython(python, script, input: input)
            guard let pySeconds = Double(out.trimmingCharacters(in: .whitespacesAndNewlines)) else { print("python said: \(out)"); continue }
            let pyRate = Double(rows.count) / pySeconds
            let ours = rates["\(dim)/\(task)"] ?? 0
            print("\(dim)/\(task): Python \(format(pyRate)) pairs/s (\(task == "asr" ? "EnglishTextNormalizer ×2 + jiwer" : "sacrebleu zh corpus BLEU")), isaq judge \(format(ours)) responses/s on all cores = \(format(ours / pyRate, 1))× (target ≥ 30×)")
        }
    }

    static let pythonASR = """
        import json, sys, time, importlib.util, pathlib
        sys.path.insert(0, str(pathlib.Path(importlib.util.find_spec("whisper").submodule_search_locations[0])))
        from normalizers import EnglishTextNormalizer
        import jiwer
        pairs = [json.loads(l) for l in sys.stdin if l.strip()]
        n = EnglishTextNormalizer()
        t = time.perf_counter()
        refs = [n(r) for r, h in pairs]; hyps = [n(h) for r, h in pairs]
        ok = [(r, h) for r, h in zip(refs, hyps) if r.strip()]
        jiwer.process_words([r for r, h in ok], [h for r, h in ok])
        print(time.perf_counter() - t)
        """

    static let pythonBLEU = """
        import json, sys, time, sacrebleu
        pairs = [json.loads(l) for l in sys.stdin if l.strip()]
        t = time.perf_counter()
        sacrebleu.corpus_bleu([h for r, h in pairs], [[r for r, h in pairs]], tokenize="zh")
        print(time.perf_counter() - t)
        """
}

func pythonExecutable() -> String? {
    if let p = ProcessInfo.processInfo.environment["ISAQ_PYTHON"] { return p }
    let venv = FileManager.default.currentDirectoryPath + "/.venv/bin/python3"
    return FileManager.default.isExecutableFile(atPath: venv) ? venv : nil
}

func runPython(_ python: String, _ script: String, input: Data) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: python)
    p.arguments = ["-c", script]
    let stdin = Pipe(), stdout = Pipe()
    p.standardInput = stdin
    p.standardOutput = stdout
    try p.run()
    let writer = Thread {
        stdin.fileHandleForWriting.write(input)
        try? stdin.fileHandleForWriting.close()
    }
    writer.start()
    let out = stdout.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: out, as: UTF8.self)
}

extension String {
    func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
