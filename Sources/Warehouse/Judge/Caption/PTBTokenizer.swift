import Foundation

/// Stanford CoreNLP 3.4.1's PTBTokenizer as aac-metrics drives it (SCORING.md §8.4): one JVM per
/// batch, the batch written to a temporary file as the sentences joined by LF, one output line
/// per input line, then the 17 PTB punctuation tokens dropped.
public struct PTBTokenizer: Sendable {
    /// Tokens aac-metrics removes after tokenising. Case-sensitive: with `-lowerCase` the
    /// tokenizer emits `-lrb-`/`-rrb-`, which therefore survive.
    public static let droppedTokens: Set<String> = [
        "''", "'", "``", "`", "-LRB-", "-RRB-", "-LCB-", "-RCB-",
        ".", "?", "!", ",", ":", "-", "--", "...", ";",
    ]

    public let toolchain: CaptionToolchain

    public init(toolchain: CaptionToolchain) {
        self.toolchain = toolchain
    }

    /// Tokenises a batch with one JVM; the result has one string per sentence, tokens joined by
    /// single spaces.
    public func tokenize(_ sentences: [String]) throws -> [String] {
        if sentences.isEmpty { return [] }
        for (index, sentence) in sentences.enumerated() where sentence.unicodeScalars.contains("\n") {
            throw PTBTokenizerError.lineBreakInSentence(index: index, sentence: sentence)
        }
        let directory = FileManager.default.temporaryDirectory
        let file = directory.appendingPathComponent("isaq_ptb_\(UUID().uuidString).txt")
        try Data(sentences.joined(separator: "\n").utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        let result = try ChildProcess.run(
            toolchain.java,
            ["-cp", toolchain.ptbJar.path, "edu.stanford.nlp.process.PTBTokenizer",
             "-preserveLines", "-lowerCase", file.lastPathComponent],
            currentDirectory: directory)
        guard result.status == 0 else {
            throw PTBTokenizerError.jvmFailed(status: result.status, stderr: String(decoding: result.stderr, as: UTF8.self))
        }
        // Python `bytes.decode().split("\n")`: a final LF yields a final empty line.
        let lines = String(decoding: result.stdout, as: UTF8.self).py.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count == sentences.count else {
            throw PTBTokenizerError.lineCountMismatch(expected: sentences.count, found: lines.count)
        }
        return lines.map { Self.dropPunctuation(Array($0)) }
    }

    /// `" ".join(w for w in line.rstrip().split(" ") if w not in PTB_PUNCTUATIONS)`.
    static func dropPunctuation(_ line: PyString) -> String {
        let pieces = Py.split(Py.rstrip(line), on: [" "])
        var kept: [String] = []
        kept.reserveCapacity(pieces.count)
        for piece in pieces {
            let token = String(py: piece)
            // Set<String> compares canonically; every dropped token is ASCII, so compare scalars.
            if piece.allSatisfy(\.isASCII), droppedTokens.contains(token) { continue }
            kept.append(token)
        }
        return kept.joined(separator: " ")
    }
}

public enum PTBTokenizerError: Error, CustomStringConvertible, Sendable {
    case lineBreakInSentence(index: Int, sentence: String)
    case lineCountMismatch(expected: Int, found: Int)
    case jvmFailed(status: Int32, stderr: String)

    public var description: String {
        switch self {
        case .lineBreakInSentence(let index, let sentence):
            return "PTB tokenizer: sentence \(index) contains a line feed, which would split it into two lines: \(sentence.debugDescription)"
        case .lineCountMismatch(let expected, let found):
            return "PTB tokenize error: expected \(expected) lines in output but found \(found) "
                + "(a sentence contains a line separator the tokenizer splits on: CR, VT, FF or U+2028/U+2029)"
        case .jvmFailed(let status, let stderr):
            return "PTB tokenizer JVM exited with status \(status): \(stderr)"
        }
    }
}
