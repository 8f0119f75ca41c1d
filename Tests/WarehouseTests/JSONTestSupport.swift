import Foundation
@testable import Warehouse

/// Deterministic random numbers for generated test cases.
typealias SeededGenerator = SplitMix64

enum JSONTestData {
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var s = ""
        for b in bytes {
            s += String(b >> 4, radix: 16)
            s += String(b & 0xF, radix: 16)
        }
        return s
    }

    static func unhex(_ s: Substring) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count / 2)
        var high: UInt8? = nil
        for c in s.utf8 {
            let v: UInt8 = c <= 57 ? c - 48 : (c | 0x20) - 87
            if let h = high { out.append(h << 4 | v); high = nil } else { high = v }
        }
        return out
    }

    /// A random scalar, biased towards the characters escaping and quoting rules care about.
    static func scalar(_ rng: inout SeededGenerator) -> Unicode.Scalar {
        let pick = Int.random(in: 0..<100, using: &rng)
        let v: UInt32
        switch pick {
        case 0..<40: v = UInt32.random(in: 0x20...0x7E, using: &rng)
        case 40..<50: v = UInt32.random(in: 0...0x1F, using: &rng)
        case 50..<58: v = ["'", "\"", "\\", "/", "\u{7F}", "\u{85}", "\u{A0}", "\u{AD}", "\u{2028}", "\u{2029}", "\u{3000}", "\u{FEFF}", "\u{200B}", "\u{E000}", "\u{FFFF}", "\u{1F600}", "\u{10FFFF}", "\u{0378}", "\u{1F979}", "\u{1FAE8}", "\u{31350}"].randomElement(using: &rng)!.unicodeScalars.first!.value
        case 58..<75: v = UInt32.random(in: 0x80...0x7FF, using: &rng)
        case 75..<92: v = UInt32.random(in: 0x800...0xFFFF, using: &rng)
        default: v = UInt32.random(in: 0x10000...0x10FFFF, using: &rng)
        }
        return Unicode.Scalar(v) ?? "x"  // surrogates are not scalars
    }

    static func string(_ rng: inout SeededGenerator, maxLength: Int = 12) -> String {
        var s = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...maxLength, using: &rng) { s.append(scalar(&rng)) }
        return String(s)
    }

    /// Doubles from every region that formats differently: random bits (subnormals, huge),
    /// integral values, short decimals, and neighbours of the notation thresholds.
    static func double(_ rng: inout SeededGenerator) -> Double {
        switch Int.random(in: 0..<8, using: &rng) {
        case 0, 1: return Double(bitPattern: rng.next())
        case 2: return Double(Int64.random(in: -1 << 60...1 << 60, using: &rng) >> Int.random(in: 0...60, using: &rng))
        case 3:
            let m = Double(Int.random(in: 1...99999, using: &rng))
            return m * pow(10, Double(Int.random(in: -12...20, using: &rng)))
        case 4:
            let anchors: [Double] = [1e16, 1e-4, 1e-5, 9007199254740992, 1e15, 1e17, 0.1, .leastNonzeroMagnitude, 2.2250738585072014e-308, 1.7976931348623157e308, 123456789012345680]
            var d = anchors.randomElement(using: &rng)!
            for _ in 0..<Int.random(in: 0...3, using: &rng) { d = Bool.random(using: &rng) ? d.nextUp : d.nextDown }
            return d
        case 5: return Double(bitPattern: rng.next() & 0x000F_FFFF_FFFF_FFFF)  // subnormal
        case 6: return Double.random(in: -1000...1000, using: &rng)
        default: return [0.0, -0.0, .infinity, -.infinity, .nan, 1.0, -1.5, 100.0].randomElement(using: &rng)!
        }
    }

    static func value(_ rng: inout SeededGenerator, depth: Int = 0) -> JSONValue {
        let containers = depth < 4
        switch Int.random(in: 0..<(containers ? 10 : 7), using: &rng) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &rng))
        case 2:
            var digits = String(Int.random(in: -1_000_000...1_000_000, using: &rng))
            if digits != "0" && Bool.random(using: &rng) { digits += String(UInt64.random(in: 0...UInt64.max, using: &rng)) }
            return .int(digits)
        case 3: return .float(double(&rng))
        case 4, 5, 6: return .string(string(&rng))
        case 7, 8:
            return .array((0..<Int.random(in: 0...4, using: &rng)).map { _ in value(&rng, depth: depth + 1) })
        default:
            var o = JSONObject()
            for _ in 0..<Int.random(in: 0...4, using: &rng) {
                o[Bool.random(using: &rng) ? string(&rng, maxLength: 3) : ["a", "b", "text"].randomElement(using: &rng)!] =
                    value(&rng, depth: depth + 1)
            }
            return .object(o)
        }
    }
}

/// Writes a value as JSON text in randomly varied but valid spellings: whitespace, escapes
/// for any character, number forms with exponents and zeros.
struct RandomJSONText {
    var rng: SeededGenerator

    mutating func text(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        ws(&out)
        write(value, &out)
        ws(&out)
        return out
    }

    private mutating func ws(_ out: inout [UInt8]) {
        guard Int.random(in: 0..<3, using: &rng) == 0 else { return }
        for _ in 0..<Int.random(in: 1...3, using: &rng) { out.append([0x20, 0x09, 0x0A, 0x0D].randomElement(using: &rng)!) }
    }

    private mutating func write(_ value: JSONValue, _ out: inout [UInt8]) {
        switch value {
        case .null: out += Array("null".utf8)
        case .bool(let b): out += Array((b ? "true" : "false").utf8)
        case .int(let digits): out += Array(digits.utf8)
        case .float(let d):
            if d.isNaN { out += Array("NaN".utf8); return }
            if d.isInfinite { out += Array((d < 0 ? "-Infinity" : "Infinity").utf8); return }
            var s = PythonRepr.floatRepr(d)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0 where !s.contains("e"): s += "e0"
            case 1 where s.contains("e+"): s = s.replacingOccurrences(of: "e+", with: "E")
            case 2 where !s.contains("e"): s += "000"
            default: break
            }
            out += Array(s.utf8)
        case .string(let s): string(s, &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            ws(&out)
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")); ws(&out) }
                write(item, &out)
                ws(&out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let o):
            out.append(UInt8(ascii: "{"))
            ws(&out)
            for (k, member) in o.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")); ws(&out) }
                string(member.key, &out)
                ws(&out)
                out.append(UInt8(ascii: ":"))
                ws(&out)
                write(member.value, &out)
                ws(&out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private mutating func string(_ s: String, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for c in s.unicodeScalars {
            let escapeAnyway = Int.random(in: 0..<6, using: &rng) == 0
            switch c {
            case "\"": out += Array("\\\"".utf8)
            case "\\": out += Array("\\\\".utf8)
            case "/" where escapeAnyway: out += Array("\\/".utf8)
            case "\n": out += Array("\\n".utf8)
            case "\t": out += Array("\\t".utf8)
            default:
                if c.value < 0x20 || escapeAnyway {
                    for unit in String(c).utf16 {
                        let h = String(unit, radix: 16, uppercase: Bool.random(using: &rng))
                        out += Array(("\\u" + String(repeating: "0", count: 4 - h.count) + h).utf8)
                    }
                } else {
                    out += Array(String(c).utf8)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
