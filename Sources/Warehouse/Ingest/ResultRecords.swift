/// What a result file holds once parsed: the benchmark items and every response found in them,
/// in file order, before anything touches the database.

/// The benchmark dimension of a file or variant.
public enum Dimension: String, Sendable, CaseIterable {
    case d, f, n
}

/// The five ISA-Bench tasks (n files hold composite items, task `n`).
public enum Task: String, Sendable, CaseIterable {
    case asr, s2tt, ser, gr, aac

    /// The task a result item's `task` string names.
    init?(itemTask: String) {
        let t = itemTask.lowercased()
        switch true {
        case t == "asr": self = .asr
        case t.contains("emotion_recognition"): self = .ser
        case t.contains("gender_recognition"): self = .gr
        case t.contains("translation"): self = .s2tt
        case t.contains("audiocaption"): self = .aac
        default: return nil
        }
    }
}

/// A benchmark item as a result or catalog file gives it.
struct SampleRecord: Hashable {
    var task: String
    var key: String
    var reference: String
    var emotion: String?
    var gender: String?
    var taskField: String?
}

/// The format an instruction asked for, from catalog or result metadata.
struct FormatSpec: Hashable {
    var prefix: String?
    var suffix: String?
    var wrap: String?
    var jsonKey: String?
    var separator: String?
    var subtaskOrder: String?
    /// The metadata object as given, minus the response/instruction text ('' when none).
    var json: String = ""
}

/// How a stored response value looked in JSON.
enum ResponseKind: String {
    case string, null, number, boolean, array, object
}

/// One response of one item.
struct ResponseRecord {
    var itemIndex: Int
    var variantKey: String
    var slot: String
    var kind: ResponseKind
    var text: String?
    var spec: FormatSpec
}

/// A parsed result file.
struct ResultFileContents {
    var dim: Dimension
    var task: String  // a Task raw value, or "n"
    var samples: [SampleRecord]  // index = item index
    var responses: [ResponseRecord]
}
