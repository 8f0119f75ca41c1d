// The vocabulary of the English number normaliser (SCORING.md §7.1, "Word classes").
//
// Every word is short lower-case ASCII, so a token is looked up by packing its bytes into
// machine words (`PackedASCII`) instead of hashing an array: this runs for every token.

/// What a number word means to the token loop of §7.1.
enum NumberWord: Sendable, Equatable {
    case zero
    case ones(Int)
    case onesSuffixed(Int, suffix: String)
    case tens(Int)
    case tensSuffixed(Int, suffix: String)
    /// A power of ten, by exponent.
    case multiplier(Int)
    case multiplierSuffixed(Int, suffix: String)
    /// `minus`/`negative`/`plus`/`positive`: a sign placed before the number that follows.
    case precedingPrefixer(Unicode.Scalar)
    /// `dollars`, `cents`…: a currency symbol placed before the number that precedes.
    case followingPrefixer(Unicode.Scalar)
    case percent
    /// `per`, which is a suffixer only when followed by `cent`.
    case per
    case and
    case repeater(Int)
    case point

    /// The `decimals` helper set: zeros, ones and tens words.
    var isDecimal: Bool {
        switch self {
        case .zero, .ones, .tens: return true
        default: return false
        }
    }

    var isOnes: Bool { if case .ones = self { return true } else { return false } }
    var isTens: Bool { if case .tens = self { return true } else { return false } }
    var isMultiplier: Bool { if case .multiplier = self { return true } else { return false } }
}

enum NumberWords {
    static let onesNames = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ]
    static let tensNames = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    static let multiplierNames = [
        "hundred": 2, "thousand": 3, "million": 6, "billion": 9, "trillion": 12, "quadrillion": 15,
        "quintillion": 18, "sextillion": 21, "septillion": 24, "octillion": 27, "nonillion": 30, "decillion": 33,
    ]

    /// Every word of every class; the classes are disjoint.
    static let table: PackedTable<NumberWord> = {
        var t: [String: NumberWord] = [:]
        for z in ["o", "oh", "zero"] { t[z] = .zero }
        for (i, name) in onesNames.enumerated() {
            let n = i + 1
            t[name] = .ones(n)
            t[name == "six" ? "sixes" : name + "s"] = .onesSuffixed(n, suffix: "s")
        }
        // Ordinals: the irregular ones, then the cardinal + "th" (or + "h" after a "t"), which
        // is why "nineth" is a number word and "ninth" is not.
        for (word, n, sfx) in [
            ("zeroth", 0, "th"), ("first", 1, "st"), ("second", 2, "nd"), ("third", 3, "rd"),
            ("fifth", 5, "th"), ("twelfth", 12, "th"),
        ] {
            t[word] = .onesSuffixed(n, suffix: sfx)
        }
        for (i, name) in onesNames.enumerated() where i + 1 > 3 && i + 1 != 5 && i + 1 != 12 {
            t[name + (name.hasSuffix("t") ? "h" : "th")] = .onesSuffixed(i + 1, suffix: "th")
        }
        for (i, name) in tensNames.enumerated() {
            let v = (i + 2) * 10
            let stem = String(name.dropLast())
            t[name] = .tens(v)
            t[stem + "ies"] = .tensSuffixed(v, suffix: "s")
            t[stem + "ieth"] = .tensSuffixed(v, suffix: "th")
        }
        for (name, e) in multiplierNames {
            t[name] = .multiplier(e)
            t[name + "s"] = .multiplierSuffixed(e, suffix: "s")
            t[name + "th"] = .multiplierSuffixed(e, suffix: "th")
        }
        for w in ["minus", "negative"] { t[w] = .precedingPrefixer("-") }
        for w in ["plus", "positive"] { t[w] = .precedingPrefixer("+") }
        for w in ["pound", "pounds"] { t[w] = .followingPrefixer("£") }
        for w in ["euro", "euros"] { t[w] = .followingPrefixer("€") }
        for w in ["dollar", "dollars"] { t[w] = .followingPrefixer("$") }
        for w in ["cent", "cents"] { t[w] = .followingPrefixer("¢") }
        t["percent"] = .percent
        t["per"] = .per
        t["and"] = .and
        t["double"] = .repeater(2)
        t["triple"] = .repeater(3)
        t["point"] = .point
        return PackedTable(t.map { (PackedASCII($0.key)!, $0.value) })
    }()

    @inline(__always)
    static func lookup(_ token: some Collection<Unicode.Scalar>) -> NumberWord? {
        guard let key = PackedASCII(token) else { return nil }
        return table[key]
    }

    /// Whether the token is `cent` (the only word `per` combines with).
    static let cent = PackedASCII("cent")!
}
