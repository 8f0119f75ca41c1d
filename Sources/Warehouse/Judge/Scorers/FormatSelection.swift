/// Which stored f responses a scorer reads (SCORING.md §2.3). Slots are JSON paths below the
/// variation: '' (a string value), `[i]` (a bare array element), `[i].response` (an element
/// object's response), `.k` (an object value), `.k.response` (an object value's response).
enum FormatSelection {
    enum Shape { case value, element, elementObject, member, memberObject, other }

    static func shape(_ slot: String) -> Shape {
        if slot.isEmpty { return .value }
        if slot.hasPrefix("[") {
            guard let close = slot.firstIndex(of: "]") else { return .other }
            let rest = slot[slot.index(after: close)...]
            if rest.isEmpty { return .element }
            return rest == ".response" ? .elementObject : .other
        }
        if slot.hasPrefix(".") || slot.hasPrefix("[\"") {
            if slot.hasSuffix(".response"), slot.dropLast(".response".count).dropFirst().allSatisfy({ $0 != "." && $0 != "[" }) { return .memberObject }
            return slot.dropFirst().contains(where: { $0 == "." || $0 == "[" }) ? .other : .member
        }
        return .other
    }

    static let metadataKeys: Set<String> = ["prefix", "suffix", "wrap", "json"]

    /// f-WER: strings of the plain keys; element objects of the metadata keys.
    static func asr(_ r: StoredResponse) -> String? {
        let shape = shape(r.slot)
        if metadataKeys.contains(r.variantKey) { return shape == .elementObject ? r.variantKey : nil }
        return shape == .value && r.kind == "string" ? r.variantKey : nil
    }

    /// f-ACC and f-BLEU: string values, element objects, string elements, string members.
    static func labelOrTranslation(_ r: StoredResponse) -> String? {
        switch shape(r.slot) {
        case .elementObject: return r.variantKey
        case .value, .element, .member: return r.kind == "string" ? r.variantKey : nil
        default: return nil
        }
    }

    /// f-AAC: as f-ACC, plus the responses of object members.
    static func caption(_ r: StoredResponse) -> String? {
        shape(r.slot) == .memberObject ? r.variantKey : labelOrTranslation(r)
    }

    /// The response text a format check sees (a null `response` field counts as "").
    static func text(_ r: StoredResponse) -> PyString { (r.text ?? "").py }

    /// The §5.1 check for the non-JSON, non-constrain keys; nil for constrain and json.
    static func standardCheck(_ r: StoredResponse, _ text: PyString) -> FormatChecks.Outcome? {
        switch r.variantKey {
        case "upper_case": return FormatChecks.upperCase(text)
        case "lower_case": return FormatChecks.lowerCase(text)
        case "prefix": return FormatChecks.prefix(text, (r.prefix ?? "").py)
        case "suffix": return FormatChecks.suffix(text, (r.suffix ?? "").py)
        case "wrap": return FormatChecks.wrap(text, (r.wrap ?? "").py)
        case "constrain", "json": return nil
        default: return (false, [])  // keys outside ISA-Bench never comply (§5.1)
        }
    }

    /// String values of a JSON object, in key order.
    static func stringValues(_ o: JSONObject) -> [String] {
        o.compactMap { $0.value.stringValue }
    }
}
