/// Inputs the upstream CIDEr-D / ROUGE-L code rejects by raising; the scorer that called it
/// decides what the failure means for its output.
public enum CaptionMetricError: Error, CustomStringConvertible, Sendable {
    case emptyReference(String)
    case noReferences
    case tooFewPairs(Int)
    case noReferenceNgrams

    public var description: String {
        switch self {
        case .emptyReference(let r):
            return "ROUGE-L: reference \(r.debugDescription) is empty after tokenisation (division by zero upstream)"
        case .noReferences:
            return "a caption pair has no references"
        case .tooFewPairs(let n):
            return "CIDEr-D metric does not support less than 2 candidates (found \(n))"
        case .noReferenceNgrams:
            return "CIDEr-D: no reference n-grams at all (max() of an empty sequence upstream)"
        }
    }
}
