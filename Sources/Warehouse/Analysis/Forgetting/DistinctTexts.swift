import Foundation

/// How often each response text occurs per group, and whether it was given for more than one
/// sample, counted as Swift strings compare (canonical equivalence) without building a String
/// per response: an open-addressing table over the raw bytes.
///
/// Bytes are a faithful key for texts whose every scalar has NFC_Quick_Check = Yes and
/// combining class 0 ("plain" below): such a text is its own NFC form, and two NFC texts are
/// equal strings exactly when their bytes are; any other spelling of it holds a scalar that
/// is not plain. A group where some text is not plain (combining marks, the Kelvin sign,
/// invalid UTF-8…) merges its distinct byte strings as Swift strings at the end.
struct DistinctTexts {
    struct Tally {
        var distinct = 0
        var top = 0
        /// Responses whose text was also given for another sample.
        var shared = 0
    }

    private var arena: [UInt8] = []
    /// Entry index + 1 per slot; 0 is empty. Kept at most half full.
    private var slots = [Int32](repeating: 0, count: 1 << 16)
    private var hashes: [UInt64] = [], starts: [Int] = [], lengths: [Int] = [], groups: [Int] = []
    private var counts: [Int] = [], firstSample: [Int64] = [], isShared: [Bool] = []
    /// Groups holding a text that is not plain.
    private var mixed: Set<Int> = []

    /// Counts `text` for `sample` in `group`; returns whether it is blank (only whitespace).
    mutating func add(_ text: UnsafeBufferPointer<UInt8>, group: Int, sample: Int64) -> Bool {
        var (plain, blank) = Self.classify(text)
        if !plain {
            mixed.insert(group)
            blank = String(decoding: text, as: UTF8.self).allSatisfy(\.isWhitespace)
        }
        addBytes(text, group: group, sample: sample)
        return blank
    }

    /// Whether every scalar is plain, and whether all are whitespace. The plain scalars kept
    /// here: ASCII, Latin-1, general punctuation, CJK punctuation and ideographs, full-width
    /// forms (what responses to ISA-Bench hold); each is one Character, so a text of them is
    /// blank exactly when its scalars are Unicode whitespace (tab to CR, space, U+00A0, U+3000).
    private static func classify(_ text: UnsafeBufferPointer<UInt8>) -> (plain: Bool, blank: Bool) {
        var blank = true, i = 0
        let n = text.count
        while i < n {
            let b = text[i]
            if b < 0x80 {
                if b != 0x20, b < 0x09 || b > 0x0D { blank = false }
                i += 1
                continue
            }
            let u: UInt32
            if b >= 0xC2, b <= 0xDF, i + 1 < n, text[i + 1] & 0xC0 == 0x80 {
                u = UInt32(b & 0x1F) << 6 | UInt32(text[i + 1] & 0x3F)
                i += 2
            } else if b >= 0xE0, b <= 0xEF, i + 2 < n, text[i + 1] & 0xC0 == 0x80, text[i + 2] & 0xC0 == 0x80 {
                u = UInt32(b & 0x0F) << 12 | UInt32(text[i + 1] & 0x3F) << 6 | UInt32(text[i + 2] & 0x3F)
                i += 3
            } else {
                return (false, false)
            }
            guard isPlain(u) else { return (false, false) }
            if u != 0xA0, u != 0x3000 { blank = false }
        }
        return (true, blank)
    }

    /// Scalars with NFC_Quick_Check = Yes and combining class 0 (a test checks each one).
    static func isPlain(_ u: UInt32) -> Bool {
        switch u {
        case 0xA0...0xFF, 0x2010...0x2027, 0x2030...0x205E, 0x3000...0x3029, 0x3030...0x303F, 0x4E00...0x9FFF, 0xFF01...0xFF65: return true
        default: return false
        }
    }

    private mutating func addBytes(_ text: UnsafeBufferPointer<UInt8>, group: Int, sample: Int64) {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ (UInt64(truncatingIfNeeded: group) &* 0x9E37_79B9_7F4A_7C15)
        for b in text { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        h ^= h >> 29  // FNV's low bits are weak, and the slot is taken from them
        var slot = Int(truncatingIfNeeded: h) & (slots.count - 1)
        while slots[slot] != 0 {
            let e = Int(slots[slot]) - 1
            if hashes[e] == h, groups[e] == group, lengths[e] == text.count,
               text.isEmpty || arena.withUnsafeBufferPointer({ memcmp($0.baseAddress! + starts[e], text.baseAddress!, text.count) == 0 }) {
                counts[e] += 1
                if firstSample[e] != sample, text.count > 0 { isShared[e] = true }
                return
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        slots[slot] = Int32(hashes.count + 1)
        hashes.append(h)
        starts.append(arena.count)
        lengths.append(text.count)
        groups.append(group)
        counts.append(1)
        firstSample.append(sample)
        isShared.append(false)
        arena += text
        if 2 * hashes.count > slots.count { grow() }
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: 2 * slots.count)
        for e in hashes.indices {
            var slot = Int(truncatingIfNeeded: hashes[e]) & (slots.count - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(e + 1)
        }
    }

    /// Distinct texts, the most frequent one's count and the shared responses, per group.
    func tallies(groups count: Int) -> [Tally] {
        var out = [Tally](repeating: Tally(), count: count)
        var merged: [Int: [String: (count: Int, first: Int64, shared: Bool)]] = [:]
        for e in hashes.indices {
            let g = groups[e]
            guard mixed.contains(g) else {
                out[g].add(count: counts[e], shared: isShared[e])
                continue
            }
            let text = arena.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[starts[e]..<(starts[e] + lengths[e])]), as: UTF8.self) }
            if let m = merged[g]?[text] {
                // Equal strings with different bytes: given for two samples unless both came from one.
                merged[g]![text] = (m.count + counts[e], m.first, m.shared || isShared[e] || m.first != firstSample[e])
            } else {
                merged[g, default: [:]][text] = (counts[e], firstSample[e], isShared[e])
            }
        }
        for (g, texts) in merged { for m in texts.values { out[g].add(count: m.count, shared: m.shared) } }
        return out
    }
}

private extension DistinctTexts.Tally {
    mutating func add(count n: Int, shared isShared: Bool) {
        distinct += 1
        top = max(top, n)
        if isShared { shared += n }
    }
}
