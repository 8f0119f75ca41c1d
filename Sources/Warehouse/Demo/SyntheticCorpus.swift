import Foundation

/// Deterministic synthetic ISA-Bench result files, for the demo and the benchmarks: every task
/// in the d and f dimensions plus an n file, shaped exactly like upstream result files, with
/// responses that follow or break the instructions at a profile's rates.
public struct SyntheticCorpus: Sendable {
    /// How often a model follows the instruction, and how often its content is right.
    public struct Profile: Sendable {
        public var name: String
        public var compliance: Double
        public var accuracy: Double
        /// Per-task accuracy where it differs from `accuracy`.
        public var taskAccuracy: [Task: Double] = [:]

        public static let diligent = Profile(name: "diligent", compliance: 0.92, accuracy: 0.85)
        public static let chatty = Profile(name: "chatty", compliance: 0.55, accuracy: 0.7)
        /// A capable base model that often ignores format instructions.
        public static let base = Profile(name: "base", compliance: 0.75, accuracy: 0.9)
        /// A fine-tune that follows formats much better but forgot emotions and captions, the way
        /// the paper's SFT'd Qwen2-Audio did.
        public static let tuned = Profile(name: "tuned", compliance: 0.97, accuracy: 0.9, taskAccuracy: [.ser: 0.3, .aac: 0.4])

        /// Separates the response streams of profiles that share a seed.
        var salt: UInt64 { UInt64(compliance * 1000) &* 31 &+ UInt64(accuracy * 1000) }
    }

    /// Items per task of one full ISA-Bench run (LibriSpeech test-clean for ASR and GR, IEMOCAP
    /// Session 5 for SER, CoVoST 2 en→zh for S2TT, AudioCaps test for AAC, 791 n samples).
    public static let fullRun: [Task: Int] = [.asr: 2620, .gr: 2620, .ser: 1241, .s2tt: 15531, .aac: 964]
    public static let fullRunN = 791

    public var seed: UInt64
    public var profile: Profile

    public init(seed: UInt64, profile: Profile) {
        self.seed = seed
        self.profile = profile
    }

    /// Writes `<dir>/<model>/{d,f,n}/<model>_<task>_results.json` and returns the model directory.
    @discardableResult
    public func write(model: String, to dir: URL, items: (Task) -> Int, nItems: Int) throws -> URL {
        let root = dir.appendingPathComponent(model)
        for dim in ["d", "f", "n"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(dim), withIntermediateDirectories: true)
        }
        for (ti, task) in Task.allCases.enumerated() {
            for (di, dim) in [Dimension.d, .f].enumerated() {
                // References come from their own generator so that every profile answers the same items.
                var refs = SplitMix64(seed: seed &* 7_919 &+ UInt64(ti * 2 + di))
                var rng = SplitMix64(seed: seed &* 1_000_003 &+ UInt64(ti * 2 + di) &+ profile.salt)
                let value = dim == .d ? dFile(task, count: items(task), refs: &refs, rng: &rng) : fFile(task, count: items(task), refs: &refs, rng: &rng)
                let url = root.appendingPathComponent("\(dim.rawValue)/\(model)_\(task.rawValue)_results.json")
                try Data(PythonJSONWriter.dumps(value).utf8).write(to: url)
            }
        }
        var refs = SplitMix64(seed: seed &* 7_919 &+ 99)
        var rng = SplitMix64(seed: seed &* 1_000_003 &+ 99 &+ profile.salt)
        let n = nFile(count: nItems, refs: &refs, rng: &rng)
        try Data(PythonJSONWriter.dumps(n).utf8).write(to: root.appendingPathComponent("n/\(model)_n_results.json"))
        return root
    }

    // MARK: content

    static let words = ["the", "man", "walked", "slowly", "along", "river", "and", "saw", "a", "boat", "with", "red", "sail",
                        "she", "said", "that", "morning", "would", "be", "cold", "but", "sun", "came", "out", "over", "hills",
                        "children", "played", "in", "garden", "while", "their", "mother", "read", "letter", "from", "father"]
    static let hanzi = Array("我们今天去公园散步天气很好她会没事的喜欢猫狗这是一个问题他说明天下雨").map(String.init)
    static let captionWords = ["a", "dog", "barks", "loudly", "while", "cars", "pass", "by", "rain", "falls", "on", "roof",
                               "birds", "chirp", "people", "talk", "in", "the", "background", "engine", "idles", "wind", "blows"]
    static let emotions = ["Happy", "Sad", "Angry", "Neutral"]
    static let genders = ["Male", "Female"]

    private func pick<T>(_ a: [T], _ rng: inout SplitMix64) -> T { a[Int(rng.next() % UInt64(a.count))] }
    private func chance(_ p: Double, _ rng: inout SplitMix64) -> Bool { Double(rng.next() >> 11) / Double(1 << 53) < p }

    private func sentence(_ rng: inout SplitMix64, _ pool: [String], _ length: ClosedRange<Int>) -> [String] {
        (0..<Int.random(in: length, using: &rng)).map { _ in pick(pool, &rng) }
    }

    private func reference(_ task: Task, _ rng: inout SplitMix64) -> String {
        switch task {
        case .asr: return sentence(&rng, Self.words, 6...18).joined(separator: " ").uppercased()
        case .s2tt: return sentence(&rng, Self.hanzi, 5...16).joined() + "。"
        case .ser: return pick(Self.emotions, &rng)
        case .gr: return pick(Self.genders, &rng)
        case .aac: return (0..<5).map { _ in sentence(&rng, Self.captionWords, 5...10).joined(separator: " ").capitalizedFirst }.joined(separator: "|")
        }
    }

    /// The model's content for a reference: right (maybe slightly off) or wrong.
    private func content(_ task: Task, _ ref: String, _ rng: inout SplitMix64) -> String {
        let right = chance(profile.taskAccuracy[task] ?? profile.accuracy, &rng)
        switch task {
        case .asr:
            var w = ref.lowercased().split(separator: " ").map(String.init)
            if !right, !w.isEmpty { w[Int(rng.next() % UInt64(w.count))] = pick(Self.words, &rng) }
            return w.joined(separator: " ")
        case .s2tt:
            return right ? ref : sentence(&rng, Self.hanzi, 4...12).joined() + "。"
        case .ser: return right ? ref : pick(Self.emotions, &rng)
        case .gr: return right ? ref : pick(Self.genders, &rng)
        case .aac:
            let first = ref.split(separator: "|").first.map(String.init) ?? ""
            return right ? first : sentence(&rng, Self.captionWords, 4...9).joined(separator: " ")
        }
    }

    private static let dPrefix: [Task: String] = [.asr: "The transcript is: ", .s2tt: "The translation is: ", .aac: "The audio caption is: "]

    private func dResponse(_ task: Task, _ ref: String, _ rng: inout SplitMix64) -> JSONValue {
        let body = content(task, ref, &rng)
        guard chance(profile.compliance, &rng) else {
            return .string(pick(["Sure! Here you go: \(body)", "I think it is \(body).", "I cannot help with that.", body + " " + body], &rng))
        }
        if let prefix = Self.dPrefix[task] { return .string(prefix + body) }
        return .string(body)
    }

    private func item(_ task: Task, _ ref: String, _ index: Int, _ variations: JSONObject) -> JSONValue {
        let taskName: [Task: String] = [.asr: "asr", .s2tt: "translation_ec", .ser: "emotion_recognition", .gr: "gender_recognition", .aac: "audiocaption"]
        return .object([
            "path": .string("synthetic/\(task.rawValue)/\(index).wav"), "text": .string(ref), "task": .string(taskName[task]!),
            "base": .array(["base description", "base constraint"]), "variation_responses": .object(variations),
        ])
    }

    func dFile(_ task: Task, count: Int, refs: inout SplitMix64, rng: inout SplitMix64) -> JSONValue {
        .array((0..<count).map { i in
            let ref = reference(task, &refs)
            let vr: JSONObject = [
                "default": dResponse(task, ref, &rng),
                "case": .object(["upper_case": dResponse(task, ref, &rng), "lower_case": dResponse(task, ref, &rng)]),
                "robust": .object(["grammar_robust": dResponse(task, ref, &rng), "syntax_robust": dResponse(task, ref, &rng)]),
                "semantic_equal_simple": .array([dResponse(task, ref, &rng)]),
                "semantic_equal_neutral": .array([dResponse(task, ref, &rng)]),
                "semantic_equal_complex": .array([dResponse(task, ref, &rng)]),
                "alter_symbol": .array([dResponse(task, ref, &rng)]),
            ]
            return item(task, ref, i, vr)
        })
    }

    private static let prefixes = ["<Answer> ", "[RESULT] ", "Output: "]
    private static let suffixes = [" <END>", " [DONE]", " ###"]
    private static let wraps = ["<s>|</s>", "*|*", "[|]", "<text>|</text>"]
    private static let jsonKeys: [Task: String] = [.asr: "voice_to_text", .s2tt: "st_output", .ser: "emotion_tag", .gr: "gender", .aac: "audio_caption"]

    func fFile(_ task: Task, count: Int, refs: inout SplitMix64, rng: inout SplitMix64) -> JSONValue {
        .array((0..<count).map { i in
            let ref = reference(task, &refs)
            func follow() -> Bool { chance(profile.compliance, &rng) }
            var vr: JSONObject = [:]
            let plain = content(task, ref, &rng)
            vr["constrain"] = .string(follow() ? plain : "Sure, the answer is: \(plain)")
            if task != .s2tt {
                vr["upper_case"] = .string(follow() ? content(task, ref, &rng).uppercased() : content(task, ref, &rng))
                vr["lower_case"] = .string(follow() ? content(task, ref, &rng).lowercased() : content(task, ref, &rng).capitalizedFirst)
            }
            vr["prefix"] = .array((0..<2).map { _ in
                let p = pick(Self.prefixes, &rng)
                return ["prefix": .string(p), "response": .string((follow() ? p : "") + content(task, ref, &rng))]
            })
            vr["suffix"] = .array((0..<2).map { _ in
                let s = pick(Self.suffixes, &rng)
                return ["suffix": .string(s), "response": .string(content(task, ref, &rng) + (follow() ? s : ""))]
            })
            vr["wrap"] = .array((0..<2).map { _ in
                let w = pick(Self.wraps, &rng)
                let lr = w.split(separator: "|", maxSplits: 1).map(String.init)
                let body = content(task, ref, &rng)
                return ["lrt": .string(w), "response": .string(follow() ? lr[0] + body + lr[1] : body)]
            })
            vr["json"] = .array((0..<2).map { _ in
                let k = Self.jsonKeys[task]!
                let body = content(task, ref, &rng)
                let response = follow() ? PythonJSONWriter.compact(.object([k: .string(body)])) : "```json\n{\"\(k)\": \"\(body)\"}\n```"
                return ["key": .string(k), "value": .string("<\(k)>"), "response": .string(response)]
            })
            return item(task, ref, i, vr)
        })
    }

    func nFile(count: Int, refs: inout SplitMix64, rng: inout SplitMix64) -> JSONValue {
        let orders2 = ["ASR|SER", "SER|ASR", "ASR|GR", "GR|ASR", "SER|GR", "GR|SER"]
        let orders3 = ["ASR|SER|GR", "ASR|GR|SER", "SER|ASR|GR", "SER|GR|ASR", "GR|ASR|SER", "GR|SER|ASR"]
        let keyOf = ["ASR": "asr_output", "SER": "emotion_output", "GR": "gender_output"]
        return .object(["annotation": .array((0..<count).map { i in
            let text = sentence(&refs, Self.words, 6...14).joined(separator: " ").capitalizedFirst + "."
            let emotion = pick(Self.emotions, &refs), gender = pick(Self.genders, &refs)
            func part(_ t: String) -> String {
                switch t {
                case "ASR": return content(.asr, text.uppercased(), &rng)
                case "SER": return content(.ser, emotion, &rng).lowercased()
                default: return content(.gr, gender, &rng).lowercased()
                }
            }
            func separation(_ order: String) -> JSONValue {
                let parts = order.split(separator: "|").map { part(String($0)) }
                let response = chance(profile.compliance, &rng) ? parts.joined(separator: "\\") : parts.joined(separator: ", ")
                return ["task": .string(order), "separator": "\\", "response": .string(response)]
            }
            func json(_ order: String) -> JSONValue {
                let tasks = order.split(separator: "|").map(String.init)
                let obj = JSONObject(tasks.map { (keyOf[$0]!, JSONValue.string(part($0))) })
                let text = PythonJSONWriter.compact(.object(obj))
                return ["task": .string(order), "key": .string(tasks.map { keyOf[$0]! }.joined(separator: "|")),
                        "response": .string(chance(profile.compliance, &rng) ? text : "```json\n\(text)\n```")]
            }
            return .object([
                "path": .string("synthetic/n/\(i).wav"), "text": .string(text), "emotion": .string(emotion), "gender": .string(gender),
                "instructions": .object(["variations": .object(["single-stage": .object([
                    "separation": .array([.array(orders2.map(separation)), .array(orders3.map(separation))]),
                    "json": .array([.array(orders2.map(json)), .array(orders3.map(json))]),
                ])])]),
            ])
        })])
    }
}

extension String {
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
