// Deterministic test strings for the normaliser's differential test: realistic transcripts
// mixed with every construct §7 treats specially, plus adversarial Unicode and edge cases.
//
// Characters are drawn from blocks that have been stable for many Unicode versions, so the
// Python reference (Unicode 14 in 3.11) and Swift's tables agree on their properties.

@testable import Warehouse

enum NormalizerCorpus {
    /// The library's SplitMix64 with the draws this corpus needs.
    struct Random {
        var rng: SplitMix64
        init(seed: UInt64) { rng = SplitMix64(seed: seed) }
        mutating func next() -> UInt64 { rng.next() }
        mutating func int(_ upper: Int) -> Int { Int(next() % UInt64(upper)) }
        mutating func chance(_ percent: Int) -> Bool { int(100) < percent }
        mutating func pick<T>(_ xs: [T]) -> T { xs[int(xs.count)] }
    }

    static let plainWords = """
    the he hoped there would be stew for dinner turnips and carrots bruised potatoes fat mutton \
    pieces to ladled out in thick peppered flour fattened sauce a half point double triple per \
    cent cents percent dollar dollars pound pounds euro euros minus plus negative positive o oh \
    zero i you we they it is was of on at by with from agent version ip place o'clock ok yes no \
    transcript rock roll my god hours apples people cats off sure alone costs
    """.split(separator: " ").map(String.init)

    static let numberWords = """
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen \
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety \
    hundred thousand million billion trillion quadrillion quintillion sextillion septillion \
    octillion nonillion decillion hundreds thousands millions billions hundredth thousandth \
    millionth decillionth ones twos sixes sevens tens elevens nineteens first second third \
    fourth fifth sixth seventh eighth ninth nineth tenth eleventh twelfth thirteenth \
    nineteenth zeroth twenties thirties nineties twentieth thirtieth ninetieth zero o oh \
    and and and point point double triple minus plus negative positive dollars cents \
    pounds euros percent per cent
    """.split(separator: " ").map(String.init)

    static let contractions = [
        "won't", "can't", "let's", "ain't", "y'all", "wanna", "gotta", "gonna", "i'ma", "imma",
        "woulda", "coulda", "shoulda", "ma'am", "it's", "he'd", "they're", "we'll", "I've", "I'm",
        "isn't", "can't've", "she's been", "he'd gone", "it's gone", "I'd done", "he's got",
        "John 's", "'s", "'d been", "o'clock", "I’m", "won’t", "don’t", "'t", "n't", "rock'n'roll",
        "'", "''", "' s", "x'", "Mr.", "Mrs", "St.", "Dr", "prof", "Capt.", "gov", "ald", "gen",
        "sen", "rep", "pres", "rev", "hon", "asst", "assoc", "Lt.", "col", "jr", "sr", "esq",
        "1st", "st", "mr.smith", "dr's",
    ]

    static let fillers = ["hmm", "mm", "mhm", "mmm", "uh", "um", "uh-huh", "mm-hmm", "umm", "uhh", "Hmm,", "UM"]

    static let brackets = [
        "[noise]", "<unk>", "(laughs)", "(", ")", "[", "]", "<", ">", "()", "(a (b) c)", "<a]b",
        "[ music ]", "(inaudible", "((x))", "(()", "[x>", "<<a>>", "(\n)", "[\n]",
    ]

    static let punctuation = [
        ",", ".", "...", "…", "!", "?", ";", ":", "—", "-", "–", "“", "”", "‘", "’", "\"", "'",
        "&", "+", "#", "_", "/", "\\", "*", "@", "%", "$", "£", "€", "¢", "¥", "=", "~", "^",
        "|", "`", "«", "»", "¿", "¡", "§", "¶", "•", "·", "†", "‰", "′", "″", "‐", "‑",
    ]

    static let spellings = [
        "colour", "favourite", "behaviour", "centre", "analyse", "archaeology", "organise",
        "travelled", "theatre", "grey", "programme", "neighbour", "realise", "apologise",
        "Colour", "COLOURS", "colour.", "flyer", "flier", "defence", "licence", "aeroplane",
    ]

    static let unicodeWords = [
        "café", "naïve", "coöperate", "Æsir", "straße", "œuvre", "ǅ", "ﬁ", "½", "²", "Ⅻ",
        "İstanbul", "ΣΟΦΙΑΣ", "ΑΣ", "Ｆｕｌｌ", "ｆｕｌｌ１２", "日本語", "한국어", "Ωmega", "e\u{301}",
        "a\u{316}\u{301}", "x\u{20DD}", "\u{200B}", "hello\u{200B}world", "\u{FEFF}", "🎉", "👍🏽",
        "ℌ", "№", "™", "℃", "ﾊﾝｶｸ", "ｶﾞ", "لا", "٣", "١٢٣", "۴۵", "३", "①", "⑴", "⒈", "㍱",
        "ǈ", "ŉ", "ſ", "\u{212A}", "\u{212B}", "ﬀ", "µ", "¼", "¾", "⅓", "ⁿ", "₂", "ª", "º",
        "¨", "´", "¸", "¯", "ø", "Ø", "đ", "Đ", "ð", "Ð", "þ", "Þ", "ł", "Ł", "ẞ", "Œ",
        "3．5", "３.５", "٣.٥", "１,０００", "\u{0660}.\u{0665}", "Ⅷ", "ⅷ", "ǆ", "ﬃ", "ŀ", "ĳ",
        "\u{1D400}", "\u{1D7CE}", "\u{FF04}5", "\u{FE69}5", "\u{FF05}", "５\u{FF05}", "Ａ１",
        "\u{0301}", "\u{0308}a", "\u{00AD}", "\u{2060}", "\u{1F1FA}\u{1F1F8}", "Å", "A\u{30A}",
    ]

    static let whitespace = [" ", "  ", "\t", "\n", "\u{A0}", "\u{2028}", "\u{3000}", "\u{1C}", "\u{85}", "\u{2009}", "\r\n", "\u{202F}", "\u{B}"]

    static func digitToken(_ r: inout Random) -> String {
        switch r.int(14) {
        case 0: return String(r.int(10))
        case 1: return String(r.int(100))
        case 2: return String(r.int(100_000))
        case 3:
            let v = r.int(10_000_000)
            return v.formatted3()
        case 4: return "\(r.int(100)).\(r.pick(["0", "00", "5", "50", "14", "99", "07", "1"]))"
        case 5: return r.pick(["007", "00.5", "0.50", "10.00", "5.0", "1.5.", "1.2.3", "192.168.0.1", "0", "00", "1", "1s", "01", "1,2,3", "3,14", ".5", "5.", "0.07", "0.5", "2.5", "1.5"])
        case 6:
            return String((0..<(1 + r.int(40))).map { _ in Character(String(r.int(10))) })
        case 7: return r.pick(["$", "£", "€", "¢", "-", "+", "$", "$"]) + digitToken(&r)
        case 8: return digitToken(&r) + r.pick(["%", "s", "st", "nd", "rd", "th", " st", " nd", " th", " s", "%", "x", "am", "pm", "k"])
        case 9: return r.pick(["a1b2", "mp3", "h2o", "4x4", "24h", "covid19", "2nd", "21st", "1960s", "274th", "32nd", "3-4", "50-50", "9/11", "24/7", "1:30", "10:45"])
        case 10: return r.pick(["٣", "３", "１２", "٣٤", "३४", "๓", "１.５", "⑤", "²"]) 
        case 11: return "\(r.int(10)),\(r.int(1000))"
        case 12: return r.pick(["$0.07", "$0.5", "$0.70", "$0x5", "£0.99", "€0.1", "$2 and ¢7", "$2 ¢50", "$10 and ¢5", "€3 ¢123"])
        default: return String(r.int(1000)) + "." + String(r.int(1000))
        }
    }

    static func token(_ r: inout Random) -> String {
        switch r.int(100) {
        case 0..<30: return r.pick(plainWords)
        case 30..<52: return r.pick(numberWords)
        case 52..<64: return digitToken(&r)
        case 64..<72: return r.pick(contractions)
        case 72..<75: return r.pick(fillers)
        case 75..<79: return r.pick(brackets)
        case 79..<86: return r.pick(punctuation)
        case 86..<90: return r.pick(spellings)
        case 90..<97: return r.pick(unicodeWords)
        default: return randomScalars(&r, count: 1 + r.int(4))
        }
    }

    /// Code points from stable, fully assigned blocks (and a few controls and unassigned ones).
    static let scalarRanges: [ClosedRange<UInt32>] = [
        0x20...0x7E, 0x20...0x7E, 0x0...0x1F, 0xA0...0xFF, 0x100...0x17F, 0x180...0x24F,
        0x300...0x36F, 0x391...0x3A1, 0x3A3...0x3C9, 0x400...0x44F, 0x5D0...0x5EA, 0x660...0x669,
        0x966...0x96F, 0x1E00...0x1EFF, 0x2010...0x2027, 0x2030...0x205E, 0x2070...0x2071,
        0x2074...0x208E, 0x20A0...0x20B5, 0x2100...0x214F, 0x2150...0x2188, 0x2460...0x24FF,
        0x3000...0x3003, 0x3041...0x3096, 0x4E00...0x4E40, 0xAC00...0xAC40, 0xFB00...0xFB06,
        0xFF01...0xFF5E, 0xFF61...0xFF9F, 0x1F600...0x1F64F, 0x1D400...0x1D433,
    ]

    static func randomScalars(_ r: inout Random, count: Int) -> String {
        var s = String.UnicodeScalarView()
        for _ in 0..<count {
            let range = r.pick(scalarRanges)
            let v = range.lowerBound + UInt32(r.int(Int(range.upperBound - range.lowerBound) + 1))
            if let c = Unicode.Scalar(v) { s.append(c) }
        }
        return String(s)
    }

    static func casing(_ s: String, _ r: inout Random) -> String {
        switch r.int(10) {
        case 0: return s.uppercased()
        case 1: return s.prefix(1).uppercased() + s.dropFirst()
        default: return s
        }
    }

    static func separator(_ r: inout Random) -> String {
        switch r.int(100) {
        case 0..<72: return " "
        case 72..<78: return ""
        case 78..<88: return r.pick([", ", ". ", "! ", "? ", "; ", ": ", " - ", "-", "'", ".", ","])
        default: return r.pick(whitespace)
        }
    }

    static func sentence(_ r: inout Random, tokens: Int) -> String {
        var out = ""
        for k in 0..<tokens {
            if k > 0 { out += separator(&r) }
            out += casing(token(&r), &r)
        }
        if r.chance(30) { out += r.pick([".", "?", "!", "...", " ", "\n", "%", "$", "…"]) }
        if r.chance(10) { out = r.pick(whitespace) + out }
        return out
    }

    static func numberSentence(_ r: inout Random, tokens: Int) -> String {
        var words: [String] = []
        for _ in 0..<tokens {
            switch r.int(100) {
            case 0..<62: words.append(r.pick(numberWords))
            case 62..<85: words.append(digitToken(&r))
            case 85..<92: words.append(r.pick(["a half", "and a half", "o'clock", "per cent", "point five", "double oh", "minus", "$", "¢", "%", "dollars and", "cents"]))
            default: words.append(r.pick(plainWords))
            }
        }
        return words.joined(separator: r.chance(85) ? " " : r.pick(["-", ", ", "  "]))
    }

    /// Hand-picked cases aimed at the rules' edges.
    static let adversarial: [String] = [
        "", " ", "\n", "\t \u{A0}", "'", "''", "''s", "'s", "s'", "a's", "  's", "John  \t's",
        ".", "..", "...", "....", "a..b", "a. .b", "1.", "1..2", ".1", "1.a", "$", "$$", "$5$",
        "%", "%%", "5%%", "%5", "a%b", "¢", "£5.", "€.5", "5 .5", "3 . 14",
        "and a half", "and a half and a half", "one and a half and a half", "x and a half",
        "two and  a \t half", "and a halfway", "band a half", "thousand and a half dollars",
        "hundred and a half", "one and a halfs", "a half", "and\na\nhalf",
        "one", "ones", "1", "1s", "11", "1st", "-1", "+1", "1.1", "1 1", "one one", "ones ones",
        "zero", "zero zero", "oh oh oh", "o", "double", "triple", "double double five",
        "double o", "triple zero", "double eleven", "double twenty", "double five six",
        "point", "point point five", "point five point five", "five point", "five point $3",
        "point 5 hundred", "zero point five million", "point zero five thousandths",
        "twenty twenty", "twenty one twenty one", "twenty ninety nine", "ninety ninety",
        "nineteen hundred and ninety nine", "two thousand one hundred and twelve",
        "one hundred thousand million", "a million million", "five thousandths",
        "one two three point four five", "seven eight nine hundred", "twelve twelve",
        "nineteen eighty four", "one nine eight four", "twelve oh five", "oh five",
        "minus", "minus minus five", "plus minus three", "negative point five", "minus $5",
        "minus and five", "positive", "minus one hundred dollars", "negative zero",
        "five dollars and ten cents", "five dollars ten cents", "dollars", "ten dollars fifty",
        "ten cents", "one cent", "a hundred and one dollars", "ten euros and fifty cents",
        "5 pounds and 20 cents", "$5 and ¢5", "$5 and ¢500", "£5 and ¢05", "$05 ¢5",
        "ten per cent per cent", "per cent ten", "five per cents", "five per", "per",
        "five percent percent", "percent five", "fifty-fifty", "twenty-five", "forty two",
        "sixty six sixes", "one twos", "twenty firsts", "twenty first", "twenty fifth",
        "hundred", "hundreds", "hundredth", "one hundredth", "two hundred thousandths",
        "1.5 thousandths", "0.001 thousand", "0.0001 thousand", "1.25 hundred",
        "٣ hundred", "٣.٥ thousand", "３ million", "1,000 million", "0 thousand",
        "zero thousand", "zero zero thousand", "007 thousand", "00.5 hundred",
        "12345678901234567890123 septillion", "999 decillion", "999999 thousand",
        "one decillion decillion", "1 1 1", "1 one 1", "one 1 one",
        "It's 5 o'clock. Mr. T. at 10 a.m.", "Dr. Dre's st. 1st st", "ST. LOUIS", "st.",
        "the 1960's", "'90s", "rock 'n' roll", "don't won't can't shan't", "y'all'd've",
        "I'M", "HE'S GOT", "she's gotten", "'S", "it'S", "dr.st.mr.",
        "i'ma'am", "ma'am'ma", "let's's", "won't've", "ain't't", "y'all'll", "shoulda'm", "st's",
        "mr's mrs'", "dr'd been", "can't't", "i'mma", "imma'd", "wanna'", "'wanna", "_won't",
        "won't_", "2won't", "won't2", "éwon't", "won'té", "st_", "st2", "mrs.", "mr-mrs", "STS",
        "n't", "nn't", "'n't", "'s'", "'s's", "'d'd been", "'d  been", "'dbeen", "'s got'", "'re'",
        "[unclosed", "<unclosed", "(unclosed", "a) b (c", ")(", "(()", "[a][b]", "<a>b<c>",
        "x(y)z", "( )", "(\u{A0})", "[\u{2028}]",
        "uh", "um um um", "uh_huh", "um's", "mm'hmm", "hmm2", "2hmm", "ümm", "uhm",
        "1,000", "1,0", ",1", "1,", "1,,2", "١,٢", "1,٢", "12,345,678.90",
        "café", "naïve", "e\u{301}\u{301}", "\u{301}", "İ", "İi", "ΣΑΣ ΣΑΣ.", "ǅ", "ß", "ẞ",
        "½", "¼ mile", "2½", "x²", "Ⅻ", "ⅻ", "①②", "\u{200B}", "a\u{200B}b", "\u{FEFF}x",
        "\u{1C}a\u{1D}b\u{1E}c\u{1F}d", "a\u{85}b", "a\u{2028}b\u{2029}c", "a\u{0}b",
        "colour colour. (colour) 'colour' colours Colour", "archaeology's",
        "flyer / flier", "kinda sorta dunno cause",
        "a1b2c3", "a1", "1a", "A1", "1A", "1 st", "2 nd", "3 rd", "4 th", "5 s", "5 sth",
        "5 s2", "5 \t st.", "1  s", "x1 st",
        String(repeating: "one ", count: 500),
        String(repeating: "twenty ", count: 300),
        String(repeating: "9", count: 200),
        String(repeating: "ninety nine thousand ", count: 100),
        String(repeating: "hello world ", count: 2_000),
        String(repeating: "and a half ", count: 200),
        String(repeating: "(", count: 300) + String(repeating: ")", count: 300),
        String(repeating: "[<", count: 300),
        String(repeating: "$", count: 500) + "5",
        String(repeating: "é", count: 1_000),
    ]

    /// `count` generated strings after the adversarial ones.
    static func strings(count: Int, seed: UInt64) -> [String] {
        var r = Random(seed: seed)
        var out = adversarial
        for k in 0..<count {
            let length: Int
            switch k % 50 {
            case 0: length = 200 + r.int(800)
            case 1, 2: length = 0 + r.int(2)
            default: length = 1 + r.int(18)
            }
            // Every third string is dense with numbers, to drive the §7.1 state machine hard.
            out.append(pythonKnown(k % 3 == 2 ? numberSentence(&r, tokens: length) : sentence(&r, tokens: length)))
        }
        return out
    }

    /// Drops code points newer than Unicode 14 (Python 3.11's database): Swift's tables know
    /// them and Python's do not (SCORING.md §12.3). Swift's `uppercased()` can produce them,
    /// e.g. "ƛ" → U+A7DC (Unicode 16).
    static func pythonKnown(_ s: String) -> String {
        var view = String.UnicodeScalarView()
        for c in s.unicodeScalars {
            if let age = c.properties.age, age.major > 14 || (age.major == 14 && age.minor > 0) { continue }
            view.append(c)
        }
        return String(view)
    }
}

private extension Int {
    /// Thousands separated by commas, as in "1,000,000".
    func formatted3() -> String {
        let digits = Array(String(self))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return out
    }
}
