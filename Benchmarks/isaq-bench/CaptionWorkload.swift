import Foundation
import Warehouse

/// One checkpoint's audio-captioning results, built on the real AudioCaps references and the
/// real instruction metadata of the upstream catalogs: every clip answered under all 16 variants
/// (9 d, 7 f; 20 responses a clip). Candidates are references of the clip with a word dropped or
/// swapped, now and then another clip's caption, so nearly every response is a distinct METEOR
/// segment, as with a real model; a fifth of them break the instruction and score as empty.
struct CaptionWorkload {
    let catalogs: URL
    let clips: Int
    var compliance = 0.8

    /// Writes `<dir>/<model>/{d,f}/<model>_aac_results.json` and returns the two files.
    func write(model: String, to dir: URL) throws -> [URL] {
        var rng = SplitMix64(seed: 964)
        var files: [URL] = []
        for dim in ["d", "f"] {
            let catalog = catalogs.appendingPathComponent("\(dim)/AudioCaps_AAC_test.json")
            let root = try JSONParser().parse(Array(try Data(contentsOf: catalog)))
            guard let annotation = root["annotation"]?.arrayValue, annotation.count >= clips else {
                throw WorkloadError(message: "\(catalog.path): expected an `annotation` array of at least \(clips) clips")
            }
            let vocabulary = annotation.flatMap { ($0["text"]?.stringValue ?? "").split(whereSeparator: { $0 == " " || $0 == "|" }).map(String.init) }
            let items: [JSONValue] = annotation.prefix(clips).map { entry in
                let references = (entry["text"]?.stringValue ?? "").split(separator: "|").map(String.init)
                var respond = Responder(references: references, others: annotation, vocabulary: vocabulary, compliance: compliance)
                let variations = entry["instructions"]?["variations"] ?? .object(JSONObject())
                let instructions = entry["instructions"]
                return .object(JSONObject([
                    ("path", entry["path"] ?? .string("")), ("text", entry["text"] ?? .string("")), ("task", .string("audiocaption")),
                    ("base", .array([instructions?["base_description"] ?? .string(""), instructions?["base_constrain"] ?? .string("")])),
                    ("variation_responses", dim == "d" ? respond.description(variations, &rng) : respond.format(variations, &rng)),
                ]))
            }
            let directory = dir.appendingPathComponent("\(model)/\(dim)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let file = directory.appendingPathComponent("\(model)_aac_results.json")
            try Data(PythonJSONWriter.dumps(.array(items)).utf8).write(to: file)
            files.append(file)
        }
        return files
    }
}

struct WorkloadError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// The responses of one clip.
private struct Responder {
    let references: [String]
    let others: [JSONValue]
    let vocabulary: [String]
    let compliance: Double

    private func chance(_ p: Double, _ rng: inout SplitMix64) -> Bool { Double(rng.next() >> 11) / Double(1 << 53) < p }
    private func pick<T>(_ a: [T], _ rng: inout SplitMix64) -> T { a[Int(rng.next() % UInt64(a.count))] }

    /// A caption of this clip, perturbed; sometimes one of another clip.
    mutating func caption(_ rng: inout SplitMix64) -> String {
        var source = references
        if chance(0.15, &rng), let other = pick(others, &rng)["text"]?.stringValue {
            source = other.split(separator: "|").map(String.init)
        }
        var words = pick(source, &rng).split(separator: " ").map(String.init)
        if words.count > 3, chance(0.6, &rng) { words.remove(at: Int(rng.next() % UInt64(words.count))) }
        if !words.isEmpty, chance(0.6, &rng) { words[Int(rng.next() % UInt64(words.count))] = pick(vocabulary, &rng) }
        return words.joined(separator: " ")
    }

    /// d variations: every instruction string becomes a response asking for the prefix.
    mutating func description(_ value: JSONValue, _ rng: inout SplitMix64) -> JSONValue {
        switch value {
        case .string:
            let text = caption(&rng)
            if chance(compliance, &rng) { return .string("The audio caption is: \(text)") }
            return .string(pick([text, "Sure! \(text)", "The audio caption is \(text)"], &rng))
        case .array(let elements):
            return .array(elements.map { description($0, &rng) })
        case .object(let object):
            return .object(JSONObject(object.map { ($0.key, description($0.value, &rng)) }))
        default:
            return value
        }
    }

    /// f variations: the instruction metadata is kept and `inst` becomes `response`.
    mutating func format(_ value: JSONValue, _ rng: inout SplitMix64) -> JSONValue {
        guard let object = value.objectValue else { return value }
        return .object(JSONObject(object.map { key, value in
            if let elements = value.arrayValue {
                return (key, JSONValue.array(elements.map { element in
                    guard let meta = element.objectValue else { return element }
                    var pairs = meta.filter { $0.key != "inst" }.map { ($0.key, $0.value) }
                    pairs.append(("response", .string(formatted(key, meta, &rng))))
                    return .object(JSONObject(pairs))
                }))
            }
            return (key, .string(formatted(key, JSONObject(), &rng)))
        }))
    }

    private mutating func formatted(_ key: String, _ meta: JSONObject, _ rng: inout SplitMix64) -> String {
        let text = caption(&rng)
        guard chance(compliance, &rng) else { return "The audio features \(text.lowercased())." }
        switch key {
        case "upper_case": return text.uppercased()
        case "lower_case": return text.lowercased()
        case "prefix": return (meta["prefix"]?.stringValue ?? "") + text
        case "suffix": return text + (meta["suffix"]?.stringValue ?? "")
        case "wrap":
            let tags = (meta["lrt"]?.stringValue ?? "|").split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            return tags[0] + text + (tags.count > 1 ? tags[1] : "")
        case "json": return PythonJSONWriter.compact(.object(JSONObject([(meta["key"]?.stringValue ?? "caption", .string(text))])))
        default: return text
        }
    }
}
