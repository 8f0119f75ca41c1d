/// The output-format checks shared by the f scorers (SCORING.md §5.1). Each returns whether
/// the response complies and the body that is then scored; JSON rules differ per task and live
/// with their scorers.
enum FormatChecks {
    typealias Outcome = (compliant: Bool, body: PyString)

    /// Some ASCII upper-case letter and no ASCII lower-case one.
    static func upperCase(_ r: PyString) -> Outcome {
        var upper = false
        for c in r {
            if c.value >= 0x61 && c.value <= 0x7A { return (false, Py.strip(r)) }
            if c.value >= 0x41 && c.value <= 0x5A { upper = true }
        }
        return (upper, Py.strip(r))
    }

    static func lowerCase(_ r: PyString) -> Outcome {
        var lower = false
        for c in r {
            if c.value >= 0x41 && c.value <= 0x5A { return (false, Py.strip(r)) }
            if c.value >= 0x61 && c.value <= 0x7A { lower = true }
        }
        return (lower, Py.strip(r))
    }

    static func prefix(_ r: PyString, _ p: PyString) -> Outcome {
        let t = Py.lstrip(r)
        guard Py.hasPrefix(t, p) else { return (false, []) }
        return (true, Py.lstrip(Array(t[p.count...])))
    }

    static func suffix(_ r: PyString, _ q: PyString) -> Outcome {
        let t = Py.rstrip(r)
        guard Py.hasSuffix(t, q) else { return (false, []) }
        return (true, Py.rstrip(Array(t[..<(t.count - q.count)])))
    }

    /// `lrt` is split at its first `|`; overlapping tags are allowed (`*` complies with `*|*`).
    static func wrap(_ r: PyString, _ lrt: PyString) -> Outcome {
        guard let bar = lrt.firstIndex(of: "|") else { return (false, []) }
        let left = Array(lrt[..<bar]), right = Array(lrt[(bar + 1)...])
        let t = Py.strip(r)
        guard Py.hasPrefix(t, left), Py.hasSuffix(t, right) else { return (false, []) }
        let lo = left.count, hi = t.count - right.count
        return (true, lo < hi ? Py.strip(Array(t[lo..<hi])) : [])
    }

    /// `json.loads(r)` with Python's acceptance, or nil on a parse error.
    static func parseJSON(_ r: PyString) -> JSONValue? {
        try? JSONParser().parse(Array(String(py: r).utf8))
    }
}
