import Foundation
import Testing
@testable import Warehouse

/// SCORING.md §7: the Whisper English normaliser, checked against the shared vectors, the §7.2
/// table, and Whisper's own Python implementation.
@Suite struct EnglishTextNormalizerTests {
    let normalizer = EnglishTextNormalizer.shared

    // MARK: Shared spec vectors

    struct Vector: Decodable {
        let input: String
        let output: String
    }

    @Test func specVectorFile() throws {
        let vectors = try JSONDecoder().decode(
            [Vector].self, from: Fixtures.data("spec-vectors/normalizer_vectors.json"))
        #expect(vectors.count >= 140)
        let failures = vectors.filter { normalizer.normalize($0.input.py) != $0.output.py }
        #expect(failures.isEmpty, "\(failures.count) vectors differ:\n\(Self.describe(failures.prefix(15).map { ($0.input, $0.output) }))")
    }

    /// Every row of the §7.2 table, one pair per `/`-separated entry.
    static let table72: [(String, String)] = [
        ("HE HOPED THERE WOULD BE STEW FOR DINNER TURNIPS AND CARROTS", "he hoped there would be stew for dinner turnips and carrots"),
        ("The transcript is: he hoped there [noise] would be (laughs) stew", "the transcript is he hoped there would be stew"),
        ("<unk> hello [ music ] world (inaudible) ok", "hello world ok"),
        ("Hmm, um, uh I mean mm-hmm mhm", "i mean"),
        ("I won't, can't, let's go; y'all gonna wanna gotta", "i will not can not let us go you all going to want to got to"),
        ("ma'am i'ma imma woulda coulda shoulda ain't", "madam i am going to i am going to would have could have should have aint"),
        ("Mr. Smith and Mrs Jones met Dr. Who and St. Paul", "mister smith and missus jones met doctor who and saint paul"),
        ("he'd been there, she's been, he'd gone, it's gone, I'd done, he's got", "he had been there she has been he had gone it has gone i had done he has got"),
        ("isn't they're it's he'd we'll can't've I've I'm", "is not they are it is he would we will can not have i have i am"),
        ("John 's book", "john is book"),
        ("I’m fine", "i m fine"), ("won’t", "won t"),
        ("1,000,000 people and 3.14 pi. End.", "1000000 people and 3.14 pi end"),
        ("1,2,3", "12 3"),
        ("twenty five dollars and fifty cents", "$25.50"),
        ("one dollar and five cents", " one.05"),
        ("one hundred and twenty three", "123"),
        ("two thousand and nineteen", "2019"), ("nineteen ninety nine", "1999"), ("nineteen oh five", "1905"),
        ("one oh one", "101"), ("zero zero seven", "007"), ("double oh seven", "007"),
        ("double seven triple five", "77555"),
        ("one two three four five six seven eight nine ten", "12345678910"),
        ("first second third fourth fifth twelfth twentieth twenty first", "1st 2nd 3rd 4th 5th 12th 20th 21st"),
        ("the ninth nineth", "the ninth 9th"),
        ("seventy sixth", "76th"), ("zeroth", "0th"), ("first place", "1st place"),
        ("the 1960s and 274th and 32nd", "the 1960s and 274th and 32nd"), ("the 2 nd", "the 2nd"),
        ("sixes and sevens, twenties, hundreds, millionth", "6s and 7s 20s 100s 1000000th"),
        ("seventies and nineteen eighties", "70s and 1980s"), ("the sixties", "the 60s"),
        ("ten percent and five per cent", "10% and 5%"), ("forty-two percent", "42%"),
        ("per cent", "per cent"), ("ten per", "10 per"), ("percent", "percent"),
        ("$20 million and £5 and 5 euros", "$20000000 and £5 and €5"),
        ("five pounds fifty", "£5 50"), ("my two cents", "my ¢2"), ("a million dollars", "a $1000000"),
        ("$2 and 7 cents", "$2.07"), ("$0.07", "¢7"), ("0.5 dollars", "¢5"), ("9.99 dollars", "$9.99"),
        ("three point one four", "3.14"), ("point five six", ".56"), ("three point 14", "3.14"),
        ("point five", ".5"), ("one point", "one point"), ("point hundred", "100"),
        ("minus five and plus two", "-5 and +2"), ("negative one", "-one"), ("minus per", "-per"),
        ("minus five dollars", "$5"),
        ("one and a half hours", "one.5 hours"),
        ("two and a half million", "2500000"),
        ("a half and a half", "a half and a half"), ("and a half hours", "hours"),
        ("one of the ones", "one of the ones"), ("ones", "ones"), ("I have 1", "i have one"),
        ("the 1st and the 1s", "the 1st and the ones"),
        ("one and two", "one and 2"), ("rock and roll", "rock and roll"), ("ten and twenty", "10 and 20"),
        ("5 six", "56"), ("five 6", "5 6"), ("two three", "23"), ("one twenty three", "123"),
        ("twelve thirty", "1230"), ("eleven hundred", "1100"), ("five hundred sixty", "560"),
        ("one million two hundred thousand", "1200000"), ("two million three", "2000003"),
        ("sixty thousand and two", "60002"),
        ("1.5 million", "1500000"), ("2.5 billion", "2500000000"), ("3.5 thousands", "3500s"),
        ("1.5 hundredth", "150th"), ("twelve hundredth", "1200th"),
        ("one decillion", "1" + String(repeating: "0", count: 33)),
        ("0 hundred", "0"), ("zero hundred", "0"),
        ("007", "7"), ("agent 007", "agent 7"), ("5.0", "5"), ("10.00", "10"), ("0.50", "0.50"), ("00.5", "00.5"),
        ("12345678901234567890123 apples", "12345678901234567890123 apples"),
        ("version 1.2.3 and ip 192.168.0.1", "version one.2.3 and ip 192.168.0 one"),
        ("1.5.", "one.5"),
        ("It's 5 o'clock. Mr. T. at 10 a.m.", "it is 50 clock mister t at 10 a m"),
        ("o'clock o oh", "0 clock 00"), ("oh my god", "0 my god"), ("O.K.", "0 k"),
        ("colour favourite behaviour centre analyse", "color favorite behavior center analyze"),
        ("Archaeology", "archeology</span>"),
        ("café naïve coöperate Æsir straße œuvre", "cafe naive cooperate aesir strasse oeuvre"),
        ("hello—world … “quoted” ‘single’", "hello world . quoted single"),
        ("...", "."),
        ("50% off 3.5% and % alone $ alone", "50% off 3.5% and alone alone"),
        ("100 % sure", "100 sure"), ("100%", "100%"),
        ("$hello", " hello"), ("abc%", "abc "), ("%abc", "%abc"), ("costs $", "costs $"),
        ("ǅ ﬁ ½ ² Ⅻ", "dz fi one 2 2 xii"),
        ("3．5 and ３.５", "3.5 and 3 5"),
        ("٣ cats", "3 cats"), ("ｆｕｌｌ１２", "full 12"),
        ("R&B", "r b"), ("C++ and C#", "c and c"), ("e-mail", "e mail"), ("3-4", "3 4"), ("a 50-50 split", "a 50 50 split"),
        ("hello_world", "hello world"), ("hello\u{200B}world", "hello\u{200B}world"),
        ("U.S.A.", "u s a"), ("a.m.", "a m"),
        ("Tab\tand\nnewline", "tab and newline"), ("   leading and trailing   ", "leading and trailing"), ("", ""),
        // §7 prose examples.
        ("<a]b", "b"), ("<a<b> c", "c"), ("(a (b) c) d", "c d"), ("uh-huh", "huh"),
        ("st 1st", "saint 1st"), ("cause kinda", "cause kinda"), ("a1b2", "a one b 2"), ("John 's", "john is"),
        ("I’m", "i m"),
    ]

    @Test func scoringTable72() {
        let failures = Self.table72.filter { normalizer.normalize($0.0.py) != $0.1.py }
        #expect(failures.isEmpty, "\(failures.count) rows differ:\n\(Self.describe(failures))")
    }

    @Test func stringEntryPointMatchesScalarEntryPoint() {
        #expect(normalizer("Mr. Smith's colour") == "mister smith is color")
        // Decomposed input stays decomposed until step 9 strips the mark.
        #expect(normalizer("cafe\u{301}") == "cafe")
        #expect(normalizer("\u{212B}") == "a")
    }

    // MARK: Building blocks

    @Test func decimalIntegerArithmetic() {
        let big = DecimalInteger(digits: Array(repeating: 9, count: 40))
        #expect((big + 1).description == "1" + String(repeating: "0", count: 40))
        #expect(DecimalInteger(digits: [0, 0, 7]).description == "7")
        // Upstream's `v // 1000 * 1000 + v % 1000 * m`: only the last three digits are scaled.
        #expect(DecimalInteger(1_234_567).scalingLastThreeDigits(byPowerOfTen: 6).description == "568234000")
        #expect(DecimalInteger(1_200).scalingLastThreeDigits(byPowerOfTen: 3).description == "201000")
        #expect(DecimalInteger(5).scalingLastThreeDigits(byPowerOfTen: 2).description == "500")
        #expect(DecimalInteger(2_999).scalingLastThreeDigits(byPowerOfTen: 2).description == "101900")
        #expect(DecimalInteger(1_230).lowDigits(2) == 30)
        #expect(DecimalInteger.powerOfTen(33).digits.count == 34)
        #expect(DecimalInteger.zero.timesPowerOfTen(5).description == "0")
    }

    @Test func fractionScaling() {
        func scaled(_ s: String, _ e: Int) -> String? {
            NumberTokenMachine.scaledInteger(s.py, exponent: e)?.description
        }
        #expect(scaled("1.5", 6) == "1500000")
        #expect(scaled("1.25", 1) == nil)
        #expect(scaled("1.250", 2) == "125")
        #expect(scaled("007", 3) == "7000")
        #expect(scaled(".5", 2) == "50")
        #expect(scaled("5.", 2) == "500")
        #expect(scaled(".", 2) == nil)
        #expect(scaled("1.2.3", 3) == nil)
        #expect(scaled("5.$3", 3) == nil)
        #expect(scaled("٣.٥", 1) == "35")
    }

    @Test func numericTokens() {
        #expect(NumberTokenMachine.isNumeric("12".py))
        #expect(NumberTokenMachine.isNumeric("1.5".py))
        #expect(NumberTokenMachine.isNumeric("٣".py))
        #expect(!NumberTokenMachine.isNumeric("1.".py))
        #expect(!NumberTokenMachine.isNumeric(".5".py))
        #expect(!NumberTokenMachine.isNumeric("1.2.3".py))
        #expect(!NumberTokenMachine.isNumeric("²".py))
        #expect(!NumberTokenMachine.isNumeric("".py))
    }

    @Test func numberVocabulary() {
        // 3 zeros, 19 ones, 19 plurals, 20 ordinals, 8 tens, 16 suffixed tens, 12 multipliers,
        // 24 suffixed multipliers, 4 signs, 8 currencies, percent/per, and/double/triple/point.
        #expect(NumberWords.table.count == 139)
        #expect(NumberWords.lookup("ninth".py) == nil)
        #expect(NumberWords.lookup("nineth".py) == .onesSuffixed(9, suffix: "th"))
        #expect(NumberWords.lookup("eighth".py) == .onesSuffixed(8, suffix: "th"))
        #expect(NumberWords.lookup("sixes".py) == .onesSuffixed(6, suffix: "s"))
        #expect(NumberWords.lookup("ninetieth".py) == .tensSuffixed(90, suffix: "th"))
        #expect(NumberWords.lookup("decillionths".py) == nil)
        #expect(NumberWords.lookup("one\u{0}".py) == nil)
    }

    @Test func spellingMapIsTheWhisperFile() {
        #expect(SpellingMap.table.count == 1_739)
        #expect(SpellingMap.american("colour".py) == "color".py)
        #expect(SpellingMap.american("archaeology".py) == "archeology</span>".py)
        #expect(SpellingMap.american("color".py) == nil)
    }

    @Test func nfkdMatchesPythonPerCodePoint() throws {
        // Every code point of a few stable blocks, one per line, through Python's unicodedata.
        var scalars: [Unicode.Scalar] = []
        for range: ClosedRange<UInt32> in [0xA0...0x24F, 0x300...0x36F, 0x1E00...0x1EFF, 0x2000...0x218F, 0x2460...0x24FF, 0x3000...0x30FF, 0xAC00...0xAC80, 0xF900...0xF9FF, 0xFB00...0xFB4F, 0xFE30...0xFE6B, 0xFF00...0xFFEE] {
            for v in range { if let c = Unicode.Scalar(v) { scalars.append(c) } }
        }
        let inputs = scalars.map { String($0) } + ["a\u{316}\u{301}\u{302}\u{317}", "\u{1E0B}\u{323}", "e\u{301}", "\u{212B}\u{30A}"]
        let script = """
        import sys, json, unicodedata
        xs = [json.loads(l) for l in sys.stdin.read().split("\\n") if l]
        sys.stdout.write(json.dumps([unicodedata.normalize("NFKD", x) for x in xs]))
        """
        let expected = try Self.runPython(script, inputs)
        let failures = zip(inputs, expected).filter { Py.nfkd($0.0.py) != $0.1.py }
        let report = failures.prefix(15).map { "  \(Self.show($0.0)): python \(Self.show($0.1)), isaq \(Self.show(String(py: Py.nfkd($0.0.py))))" }
        #expect(expected.count == inputs.count)
        #expect(failures.isEmpty, "\(failures.count) differ:\n\(report.joined(separator: "\n"))")
    }

    // MARK: Differential test against Whisper

    @Test func matchesWhisperOnGeneratedStrings() throws {
        // ISAQ_NORMALIZER_FUZZ=count[,seed] widens the run for a local search; the default is fixed.
        let fuzz = ProcessInfo.processInfo.environment["ISAQ_NORMALIZER_FUZZ"]?.split(separator: ",").compactMap { UInt64($0) } ?? []
        let inputs = NormalizerCorpus.strings(count: Int(fuzz.first ?? 3_000), seed: fuzz.count > 1 ? fuzz[1] : 0x15A_BE4C)
        #expect(inputs.count >= 2_000)
        let script = PythonReference.whisperImport + """

        import sys, json
        normalize = EnglishTextNormalizer()
        xs = [json.loads(l) for l in sys.stdin.read().split("\\n") if l]
        sys.stdout.write(json.dumps([normalize(x) for x in xs]))
        """
        let expected = try Self.runPython(script, inputs)
        try #require(expected.count == inputs.count)
        var failures: [(String, String, String)] = []
        for (x, e) in zip(inputs, expected) {
            let got = normalizer.normalize(x.py)
            if got != e.py { failures.append((x, e, String(py: got))) }
        }
        if ProcessInfo.processInfo.environment["ISAQ_DUMP_CORPUS"] != nil {
            for (x, e) in zip(inputs, expected).prefix(400) { print("IN  \(Self.show(x))\nOUT \(Self.show(e))") }
        }
        let report = failures.prefix(12).map { f in
            "  input:    \(Self.show(f.0))\n  whisper:  \(Self.show(f.1))\n  isaq:     \(Self.show(f.2))"
        }.joined(separator: "\n\n")
        #expect(failures.isEmpty, "\(failures.count) of \(inputs.count) strings differ from Whisper:\n\(report)")
    }

    // MARK: Helpers

    /// One Python run over all inputs: JSON lines in (ASCII-escaped, so every code point
    /// survives exactly), one JSON array of strings out.
    static func runPython(_ script: String, _ inputs: [String]) throws -> [String] {
        var payload = String()
        for x in inputs {
            payload += jsonQuoted(x)
            payload += "\n"
        }
        let out = try PythonReference.run(script, input: Data(payload.utf8))
        return try JSONDecoder().decode([String].self, from: out)
    }

    static func jsonQuoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if c.value >= 0x20, c.value < 0x7F {
                    out.unicodeScalars.append(c)
                } else {
                    for unit in String(c).utf16 { out += "\\u" + String(format: "%04x", unit) }
                }
            }
        }
        return out + "\""
    }

    static func show(_ s: String) -> String {
        let escaped = s.unicodeScalars.map { c -> String in
            c.value >= 0x20 && c.value < 0x7F ? String(c) : "\\u{" + String(c.value, radix: 16) + "}"
        }.joined()
        return escaped.count > 300 ? "\"" + escaped.prefix(300) + "…\" (\(s.unicodeScalars.count) scalars)" : "\"" + escaped + "\""
    }

    static func describe(_ pairs: [(String, String)]) -> String {
        pairs.map { "  \(show($0.0)) → expected \(show($0.1)), got \(show(String(py: EnglishTextNormalizer.shared.normalize($0.0.py))))" }
            .joined(separator: "\n")
    }
}
