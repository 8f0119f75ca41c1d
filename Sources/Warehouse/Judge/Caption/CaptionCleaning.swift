/// How the captioning scorers prepare text before PTB tokenisation.
public enum CaptionCleaning: Sendable {
    /// d-AAC (SCORING.md §4.4): the candidate was already cleaned by the scorer; references are
    /// used as split (stripped), so any line break left in a text aborts tokenisation.
    case none
    /// f-AAC (§5.5): in candidates and references, LF becomes a space, every run of CR, VT, FF,
    /// U+0085, U+2028, U+2029 becomes one space, then the text is stripped.
    case lineBreaksToSpaces

    public func apply(_ text: String) -> String {
        switch self {
        case .none:
            return text
        case .lineBreaksToSpaces:
            var out = PyString()
            var inRun = false
            for c in text.unicodeScalars {
                switch c.value {
                case 0x0A:
                    out.append(" ")
                    inRun = false
                case 0x0D, 0x0B, 0x0C, 0x85, 0x2028, 0x2029:
                    if !inRun { out.append(" ") }
                    inRun = true
                default:
                    out.append(c)
                    inRun = false
                }
            }
            return String(py: Py.strip(out))
        }
    }
}
