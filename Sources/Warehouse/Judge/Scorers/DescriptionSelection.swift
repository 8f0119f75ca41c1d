/// Which stored d responses a scorer reads (SCORING.md §2.2).
enum DescriptionSelection {
    /// d-WER and d-ACC: per top key, a string value, the string elements of an array value, or
    /// the string values of an object value; nothing deeper, no non-strings.
    static func topKeyStrings(_ r: StoredResponse) -> String? {
        guard r.kind == "string" else { return nil }
        let nested = r.variantKey.contains(".")
        if nested { return r.slot.isEmpty ? String(r.topKey) : nil }
        if r.slot.isEmpty { return r.variantKey }
        // `[i]` directly below the top key; `[i][j]` or `.k` would be deeper.
        guard r.slot.first == "[", r.slot.last == "]", !r.slot.dropFirst().contains("["), !r.slot.contains(".") else { return nil }
        return r.variantKey
    }

    /// d-BLEU and d-AAC: every leaf, flattened one level (inner keys are the variations).
    static func flattened(_ r: StoredResponse) -> String { String(r.innerKey) }
}
