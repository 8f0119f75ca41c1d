import Foundation

extension Warehouse {
    /// Ingests an instruction catalog (`{"annotation": [{path, text, task, instructions:
    /// {variations}}]}`): samples and the instruction text of every variant, matched to the
    /// instructions result files created (same sample, variant, slot and format spec).
    /// Returns the number of instructions written.
    @discardableResult
    public func ingestCatalog(_ file: String) throws -> Int {
        let bytes: [UInt8]
        do { bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file))) } catch {
            throw InputError(file: file, "cannot read: \(error.localizedDescription)")
        }
        let root: JSONValue
        do { root = try JSONParser.parse(bytes) } catch { throw InputError(file: file, "\(error)") }
        guard case .array(let items)? = root["annotation"] else {
            throw InputError(file: file, "expected {\"annotation\": [...]} (an instruction catalog)")
        }
        let dim = Self.dimensionHint(file) ?? Self.catalogDimension(items)
        guard let dim, dim != .n else { throw InputError(file: file, "cannot tell whether this is a d or an f catalog (put it in a d/ or f/ folder)") }
        var written = 0
        try db.transaction {
            let writer = try ResponseWriter(db: db, replace: false)
            for (i, item) in items.enumerated() {
                let path = JSONPath().key("annotation").index(i)
                guard case .object(let o) = item else { throw InputError(file: file, location: path.display, "expected an item object") }
                guard case .string(let text)? = o["text"] else { throw InputError(file: file, location: path.key("text").display, "expected the reference as a string") }
                guard case .string(let taskField)? = o["task"], let task = Task(itemTask: taskField) else {
                    throw InputError(file: file, location: path.key("task").display, "expected a task string naming an ISA-Bench task")
                }
                let sample = try writer.sampleID(SampleRecord(task: task.rawValue, key: o["path"]?.stringValue ?? "", reference: text, taskField: taskField))
                guard case .object(let variations)? = o["instructions"]?["variations"] else {
                    throw InputError(file: file, location: path.key("instructions").key("variations").display, "expected an object of variations")
                }
                for entry in try Self.catalogInstructions(variations, dim: dim, file: file, path: path.key("instructions").key("variations")) {
                    let variant = try writer.variantID(dim: dim, key: entry.variant)
                    _ = try writer.instructionID(sample: sample, variant: variant, slot: entry.slot, spec: entry.spec, text: entry.text)
                    written += 1
                }
            }
        }
        return written
    }

    static func catalogDimension(_ items: [JSONValue]) -> Dimension? {
        guard case .object(let v)? = items.first?["instructions"]?["variations"] else { return nil }
        if v["default"] != nil { return .d }
        if v["constrain"] != nil { return .f }
        return nil
    }

    /// The (variant, slot, spec, text) of every instruction of one catalog item, using the slots
    /// result files use: a one-element list under case/robust is the string results hold there.
    static func catalogInstructions(_ variations: JSONObject, dim: Dimension, file: String, path: JSONPath) throws
        -> [(variant: String, slot: String, spec: FormatSpec, text: String)]
    {
        var out: [(String, String, FormatSpec, String)] = []
        for (key, value) in variations {
            let kpath = path.key(key)
            switch (dim, value) {
            case (_, .string(let s)):
                out.append((key, "", FormatSpec(), s))
            case (.d, .object(let inner)):
                for (k, v) in inner {
                    if case .array(let list) = v, list.count == 1, case .string(let s) = list[0] {
                        out.append(("\(key).\(k)", "", FormatSpec(), s))
                    } else if case .string(let s) = v {
                        out.append(("\(key).\(k)", "", FormatSpec(), s))
                    } else {
                        throw InputError(file: file, location: kpath.key(k).display, "expected an instruction string or a one-element list")
                    }
                }
            case (.d, .array(let list)):
                for (i, e) in list.enumerated() {
                    guard case .string(let s) = e else { throw InputError(file: file, location: kpath.index(i).display, "expected an instruction string") }
                    out.append((key, "[\(i)]", FormatSpec(), s))
                }
            case (.f, .array(let list)):
                for (i, e) in list.enumerated() {
                    guard case .object(let o) = e, case .string(let inst)? = o["inst"] else {
                        throw InputError(file: file, location: kpath.index(i).display, "expected {\"inst\": ..., and the format spec}")
                    }
                    var spec = FormatSpec()
                    var meta = JSONObject()
                    for (k, v) in o where k != "inst" {
                        meta[k] = v
                        switch k {
                        case "prefix": spec.prefix = v.stringValue
                        case "suffix": spec.suffix = v.stringValue
                        case "lrt": spec.wrap = v.stringValue
                        case "key": spec.jsonKey = v.stringValue
                        default: break
                        }
                    }
                    spec.json = meta.isEmpty ? "" : PythonJSONWriter.compact(.object(meta))
                    out.append((key, "[\(i)].response", spec, inst))
                }
            default:
                throw InputError(file: file, location: kpath.display, "unexpected \(value.typeName) for a \(dim.rawValue) catalog variation")
            }
        }
        return out
    }
}
