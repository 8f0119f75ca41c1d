import Crypto
import Foundation

/// Options of `isaq ingest results`.
public struct IngestOptions: Sendable {
    /// The model; defaults to the model directory's name.
    public var model: String?
    /// The checkpoint label below the model ('' for the base checkpoint).
    public var checkpoint: String = ""
    /// The checkpoint this one was fine-tuned from (`model` or `model@label`).
    public var parent: String?
    /// Overwrite responses that differ from what is stored, instead of failing.
    public var replace = false
    /// Accept variation keys outside ISA-Bench (upstream scores them as given).
    public var allowUnknownVariants = false

    public init(model: String? = nil, checkpoint: String = "", parent: String? = nil, replace: Bool = false, allowUnknownVariants: Bool = false) {
        self.model = model
        self.checkpoint = checkpoint
        self.parent = parent
        self.replace = replace
        self.allowUnknownVariants = allowUnknownVariants
    }
}

/// What one file's ingest did.
public struct IngestReport: Sendable, Equatable {
    public var file: String
    public var checkpoint: String
    public var dim: String
    public var task: String
    public var responses: Int
    /// The same bytes were already ingested for this checkpoint; nothing was written.
    public var alreadyIngested: Bool
    public var unchanged: Int
    public var replaced: Int
    /// The run written (nil when the file was already ingested).
    public var runID: Int? = nil
    /// Other runs that lost a replaced response to this one: their totals were re-summed
    /// without it, and they need judging again (`isaq ingest` does it).
    public var unjudgedRuns: [Int] = []
}

extension Warehouse {
    /// Ingests result files and model directories (`<model>/{d,f,n}/*_results.json`), one
    /// transaction per file: a failing file leaves the warehouse as it was, and the files before
    /// it stay ingested.
    ///
    /// The next file is read and parsed on a second thread while this one is written, so parsing
    /// (a fifth of an ingest) hides behind SQLite; at most two parsed files are held at once.
    public func ingestResults(_ paths: [String], options: IngestOptions, progress: (IngestReport) -> Void = { _ in }) throws -> [IngestReport] {
        var reports: [IngestReport] = []
        let files = try Self.resultFiles(paths)
        var ahead = files.first.map { ParseAhead($0.file, options) }
        for (index, (file, modelFromDirectory)) in files.enumerated() {
            guard let model = options.model ?? modelFromDirectory else {
                throw InputError(file: file, "no model name: pass --model NAME (or ingest the model directory)")
            }
            let parsed = try ahead!.get()
            ahead = index + 1 < files.count ? ParseAhead(files[index + 1].file, options) : nil
            let report = try ingestParsedFile(parsed, model: model, options: options)
            progress(report)
            reports.append(report)
        }
        return reports
    }

    /// Expands directories into their result files, with the model name a directory implies.
    static func resultFiles(_ paths: [String]) throws -> [(file: String, model: String?)] {
        let fm = FileManager.default
        var out: [(String, String?)] = []
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else { throw InputError(file: path, "no such file or directory") }
            guard isDir.boolValue else { out.append((path, nil)); continue }
            let url = URL(fileURLWithPath: path).standardizedFileURL
            var found: [String] = []
            for dim in ["d", "f", "n"] {
                let sub = url.appendingPathComponent(dim)
                let names = (try? fm.contentsOfDirectory(atPath: sub.path)) ?? []
                found += names.filter { $0.hasSuffix("_results.json") }.sorted().map { sub.appendingPathComponent($0).path }
            }
            guard !found.isEmpty else {
                throw InputError(file: path, "no result files: expected <model>/{d,f,n}/*_results.json below this directory")
            }
            out += found.map { ($0, url.lastPathComponent) }
        }
        return out
    }

    /// The dimension a path implies (its parent folder is d, f or n).
    static func dimensionHint(_ file: String) -> Dimension? {
        Dimension(rawValue: URL(fileURLWithPath: file).deletingLastPathComponent().lastPathComponent)
    }

    /// The task a file name implies (`…_asr_results.json`, `d_ser.json`).
    static func taskHint(_ file: String) -> Task? {
        let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let tokens = name.split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == "." }).map { $0.lowercased() }
        let tasks = Set(tokens.compactMap(Task.init(rawValue:)))
        return tasks.count == 1 ? tasks.first : nil
    }

    func ingestResultFile(_ file: String, model: String, options: IngestOptions) throws -> IngestReport {
        try ingestParsedFile(Self.parseResultFile(file, options), model: model, options: options)
    }

    /// A result file read, hashed and parsed: everything before the write.
    struct ParsedResultFile {
        var file: String
        var sha: String
        var contents: ResultFileContents
    }

    static func parseResultFile(_ file: String, _ options: IngestOptions) throws -> ParsedResultFile {
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        } catch {
            throw InputError(file: file, "cannot read: \(error.localizedDescription)")
        }
        let sha = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        var parser = ResultFileParser(file: file)
        parser.allowUnknownVariants = options.allowUnknownVariants
        let contents = try parser.parse(bytes, dimHint: dimensionHint(file), taskHint: taskHint(file))
        return ParsedResultFile(file: file, sha: sha, contents: contents)
    }

    func ingestParsedFile(_ parsed: ParsedResultFile, model: String, options: IngestOptions) throws -> IngestReport {
        let (file, sha, contents) = (parsed.file, parsed.sha, parsed.contents)
        let checkpointName = options.checkpoint.isEmpty ? model : "\(model)@\(options.checkpoint)"
        var report = IngestReport(file: file, checkpoint: checkpointName, dim: contents.dim.rawValue, task: contents.task,
                                  responses: contents.responses.count, alreadyIngested: false, unchanged: 0, replaced: 0)
        try db.transaction {
            let writer = try ResponseWriter(db: db, replace: options.replace)
            let checkpoint = try writer.checkpoint(model: model, label: options.checkpoint)
            if let parent = options.parent { try setParent(of: checkpoint, to: parent) }
            if try db.scalarInt("SELECT count(*) FROM run WHERE checkpoint_id = ? AND sha256 = ?", [.integer(Int64(checkpoint)), .text(sha)]) > 0 {
                report.alreadyIngested = true
                return
            }
            try db.run("""
                INSERT INTO run (checkpoint_id, format, dim, task, source_path, sha256, ingested_at, tool_version)
                VALUES (?, 'results', ?, ?, ?, ?, ?, ?)
                """, [.integer(Int64(checkpoint)), .text(contents.dim.rawValue), .text(contents.task), .text(file), .text(sha),
                      .text(ISO8601DateFormatter().string(from: Date())), .text(isaqVersion)])
            let run = db.lastInsertRowID
            report.runID = run
            var sampleIDs: [Int] = []
            var occurrences: [Int] = []
            var seen: [Int: Int] = [:]
            for s in contents.samples {
                let id = try writer.sampleID(s)
                sampleIDs.append(id)
                occurrences.append(seen[id, default: 0])
                seen[id, default: 0] += 1
            }
            var counts = ResponseWriter.Counts()
            var ordinal = 0
            var lastItem = -1
            for r in contents.responses {
                if r.itemIndex != lastItem { ordinal = 0; lastItem = r.itemIndex }
                let variant = try writer.variantID(dim: contents.dim, key: r.variantKey)
                let instruction = try writer.instructionID(sample: sampleIDs[r.itemIndex], variant: variant, slot: r.slot, spec: r.spec)
                try writer.insertResponse(
                    run: run, checkpoint: checkpoint, instruction: instruction, occurrence: occurrences[r.itemIndex],
                    item: r.itemIndex, ordinal: ordinal, kind: r.kind, text: r.text, counts: &counts,
                    conflict: {
                        InputError(file: file, location: "[\(r.itemIndex)].\(r.variantKey)\(r.slot)",
                                   "checkpoint \(checkpointName) already has a different response for this sample and variant (from an earlier ingest); pass --replace to overwrite it")
                    })
                ordinal += 1
            }
            report.unchanged = counts.unchanged
            report.replaced = counts.replaced
            try db.run("UPDATE run SET response_count = ? WHERE run_id = ?", [.integer(Int64(counts.inserted + counts.replaced)), .integer(Int64(run))])
            if counts.replaced > 0 {
                try db.run("UPDATE run SET response_count = (SELECT count(*) FROM response r WHERE r.run_id = run.run_id) WHERE checkpoint_id = ?",
                           [.integer(Int64(checkpoint))])
                try writer.refreshTotals(ofRuns: counts.staleRuns)
                report.unjudgedRuns = counts.staleRuns.subtracting([run]).sorted()
            }
        }
        return report
    }

    /// Records SFT lineage: `checkpoint` was tuned from `parent` (which must exist).
    func setParent(of checkpoint: Int, to parent: String) throws {
        let parentID = try db.scalarInt("SELECT checkpoint_id FROM checkpoint WHERE name = ?", [.text(parent)])
        guard parentID != 0 else { throw InputError(file: parent, "no checkpoint named \(parent)") }
        guard parentID != checkpoint else { throw InputError(file: parent, "a checkpoint cannot be its own parent") }
        try db.run("UPDATE checkpoint SET parent_id = ? WHERE checkpoint_id = ?", [.integer(Int64(parentID)), .integer(Int64(checkpoint))])
    }
}

extension Warehouse {
    /// For isaq-bench: the result files below a model directory.
    public static func resultFilesForBenchmark(_ dir: String) throws -> [String] {
        try resultFiles([dir]).map(\.file)
    }

    /// For isaq-bench: reads and parses one result file without writing; returns its response count.
    public static func parseForBenchmark(_ file: String) throws -> Int {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        return try ResultFileParser(file: file).parse(bytes, dimHint: dimensionHint(file), taskHint: taskHint(file)).responses.count
    }
}

extension Warehouse {
    /// Records SFT lineage by checkpoint names.
    public func setParent(checkpoint: String, parent: String) throws {
        let id = try checkpointID(checkpoint)
        try db.transaction { try setParent(of: id, to: parent) }
    }
}

/// One result file parsed on its own thread; `get` waits for it.
private final class ParseAhead: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Warehouse.ParsedResultFile, any Error>?

    init(_ file: String, _ options: IngestOptions) {
        Thread { [self] in
            result = Result { try Warehouse.parseResultFile(file, options) }
            done.signal()
        }.start()
    }

    func get() throws -> Warehouse.ParsedResultFile {
        done.wait()
        done.signal()  // a second `get` returns at once
        return try result!.get()
    }
}
