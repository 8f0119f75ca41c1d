import Foundation

// Python `unicodedata.normalize("NFKD", s)` on code points.

extension Py {
    /// NFKD of `s`. Every scalar below U+00A0 is a starter that decomposes to itself, and
    /// canonical reordering never moves a mark across a starter, so only the runs of scalars
    /// from U+00A0 up need decomposing, each on its own; a pure ASCII/Latin-1-control string is
    /// returned as is without touching Foundation.
    public static func nfkd(_ s: PyString) -> PyString {
        guard let firstWide = s.firstIndex(where: { $0.value >= 0xA0 }) else { return s }
        var out = PyString()
        out.reserveCapacity(s.count + 8)
        out.append(contentsOf: s[..<firstWide])
        var i = firstWide
        let n = s.count
        while i < n {
            if s[i].value < 0xA0 {
                out.append(s[i])
                i += 1
                continue
            }
            let start = i
            while i < n, s[i].value >= 0xA0 { i += 1 }
            let run = String(py: s[start..<i])
            out.append(contentsOf: run.decomposedStringWithCompatibilityMapping.unicodeScalars)
        }
        return out
    }
}
