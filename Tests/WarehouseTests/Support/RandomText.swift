import Foundation
@testable import Warehouse


/// Random text built from pools that stress the rules: CJK, full-width and general punctuation,
/// the sacreBLEU quirk ranges, Extension B, odd whitespace, combining marks, digits.
struct RandomText {
    var rng: SplitMix64
    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    static let englishWords = ["the", "a", "he", "hoped", "there", "would", "be", "stew", "for", "dinner", "is", "This",
                               "I", "like", "Python", "very", "much", "Tom", "Mary", "said", "hello", "translation",
                               "Chinese", "mandarin", "speaker", "audio", "x2", "3d", "_a", "café", "naïve", "ok", "OK",
                               "don't", "e.g.", "U.S.", "3.14", "1,000", "5-6", "dogs-cats", "100%", "$5", "it's"]
    static let cjkWords = ["她", "会", "没", "事", "的", "我", "喜欢", "猫", "语言", "翻译", "中文", "汉语", "普通话", "原文",
                           "译文", "结果", "你好", "问题", "这是", "一个", "说", "好", "是", "很", "今天", "天气", "𠀁", "丽", "﨑"]
    static let punctuation = ["。", "，", "！", "？", "：", "；", "、", "“", "”", "‘", "’", "《", "》", "（", "）", "(", ")",
                              "\"", "'", ",", ".", "!", "?", ":", ";", "-", "—", "…", "·", "~", "/", "\\", "[", "]", "{", "}",
                              "<", ">", "@", "#", "%", "&", "*", "+", "=", "|", "^", "`", "$", "_", "→", "⩭", "⩮", "★",
                              "☃", "✂", "㈠", "㎏", "︰", "﹐", "Ａ", "１", "．", "，", "～"]
    static let whitespace = [" ", " ", " ", "  ", "\t", "\n", " \t ", "\u{3000}", "\u{A0}", "\u{2001}", "\u{2028}",
                             "\u{85}", "\r\n", "\u{200B}", "\u{FEFF}", "\u{1C}", "\u{202F}"]
    static let oddChars = ["e\u{301}", "é", "İ", "ß", "Σ", "ς", "ǅ", "½", "²", "Ⅻ", "٣", "ｱ", "あ", "한", "😀", "👍🏽",
                           "\u{0}", "\u{7F}", "K", "ſ", "ﬁ"]

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
    mutating func pick<T>(_ a: [T]) -> T { a[Int.random(in: 0..<a.count, using: &rng)] }

    mutating func randomScalar() -> String {
        // Mostly BMP; includes surrogate-free supplementary planes.
        while true {
            let v = chance(0.8) ? UInt32(int(0x20...0xFFFF)) : UInt32(int(0x10000...0x2FFFF))
            if let s = Unicode.Scalar(v) { return String(Character(s)) }
        }
    }

    /// A piece of mixed text: words, ideographs, punctuation and separators.
    mutating func mixed(maxPieces: Int) -> String {
        var s = ""
        let n = int(0...maxPieces)
        for _ in 0..<n {
            switch int(0...9) {
            case 0...2: s += pick(Self.cjkWords)
            case 3...4: s += pick(Self.englishWords)
            case 5: s += pick(Self.punctuation)
            case 6: s += pick(Self.whitespace)
            case 7: s += pick(Self.oddChars)
            case 8: s += String(int(0...2000))
            default: s += chance(0.5) ? " " : randomScalar()
            }
        }
        return s
    }

    /// Chinese-like sentence with optional English and punctuation.
    mutating func chineseSentence(maxChars: Int) -> String {
        var s = ""
        let n = int(1...maxChars)
        for _ in 0..<n {
            switch int(0...12) {
            case 0...7: s += pick(Self.cjkWords)
            case 8: s += pick(Self.punctuation)
            case 9: s += " " + pick(Self.englishWords) + " "
            case 10: s += pick(Self.whitespace)
            case 11: s += String(int(0...99)) + pick([".", ",", "-", "", "%"])
            default: s += pick(Self.oddChars)
            }
        }
        if chance(0.5) { s += pick(["。", "！", "？", ".", ""]) }
        return s
    }

    /// Words from a small vocabulary (to create many equal-cost alignments), joined by varied
    /// separators.
    mutating func wordSentence(vocabulary: [String], count: Int) -> String {
        var s = chance(0.2) ? pick(Self.whitespace) : ""
        for k in 0..<count {
            if k > 0 { s += chance(0.8) ? " " : pick(Self.whitespace) }
            s += pick(vocabulary)
        }
        if chance(0.2) { s += pick(Self.whitespace) }
        return s
    }
}

enum PythonJSON {
    /// Sends `input` as one JSON document on stdin and parses one JSON document from stdout.
    static func run(_ script: String, input: Any) throws -> Any {
        // A Python that dies early must fail the test, not kill the runner with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let data = try JSONSerialization.data(withJSONObject: input)
        let out = try PythonReference.run(script, input: data)
        return try JSONSerialization.jsonObject(with: out, options: [.fragmentsAllowed])
    }
}

/// Python side: IEEE bits of a float as a decimal string, so doubles cross JSON losslessly.
let pythonFloatBits = """
import struct
def fbits(x):
    return str(struct.unpack('<Q', struct.pack('<d', float(x)))[0])

"""

func doubleFromBits(_ any: Any?) -> Double? {
    guard let s = any as? String, let bits = UInt64(s) else { return nil }
    return Double(bitPattern: bits)
}
