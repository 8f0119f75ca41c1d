import Foundation
import Warehouse

/// Pairs per second of the WER and BLEU sufficient statistics on realistic sentence pairs:
/// LibriSpeech-sized English references (≈ 20 words) against hypotheses with a few word errors,
/// CoVoST-sized Chinese references (≈ 25 characters) against lightly edited translations.
enum MetricThroughput {
    static func run(pairs: Int = 200_000) {
        var rng = SystemRandomNumberGenerator()
        let vocabulary = ("he hoped there would be stew for dinner turnips and carrots and bruised potatoes and fat "
            + "mutton pieces to be ladled out in thick peppered flour fattened sauce stuff it into you his belly "
            + "counselled him after early nightfall the yellow lamps would light up here and there the squalid "
            + "quarter of the brothels hello bertie any good in your mind").split(separator: " ").map(String.init)
        let hanzi = Array("她会没事的我喜欢猫这是翻译问题今天天气很好我们明天去北京看朋友他说你好吗谢谢大家的帮助。，！？")

        var english: [(PyString, PyString)] = []
        for _ in 0..<1000 {
            let n = Int.random(in: 8...35, using: &rng)
            var ref = (0..<n).map { _ in vocabulary.randomElement(using: &rng)! }
            let refText = ref.joined(separator: " ")
            for _ in 0..<Int.random(in: 0...3, using: &rng) {
                let k = Int.random(in: 0..<ref.count, using: &rng)
                switch Int.random(in: 0...2, using: &rng) {
                case 0: ref.remove(at: k)
                case 1: ref[k] = vocabulary.randomElement(using: &rng)!
                default: ref.insert(vocabulary.randomElement(using: &rng)!, at: k)
                }
                if ref.isEmpty { break }
            }
            english.append((refText.py, ref.joined(separator: " ").py))
        }
        var chinese: [(String, String)] = []
        for _ in 0..<1000 {
            var ref = (0..<Int.random(in: 10...40, using: &rng)).map { _ in hanzi.randomElement(using: &rng)! }
            let refText = String(ref)
            for _ in 0..<Int.random(in: 0...5, using: &rng) {
                ref[Int.random(in: 0..<ref.count, using: &rng)] = hanzi.randomElement(using: &rng)!
            }
            chinese.append((String(ref), refText))
        }

        var wer = WordErrorStats.zero
        let t0 = cpuSeconds()
        for i in 0..<pairs {
            let (r, h) = english[i % english.count]
            wer += WordErrorStats.measure(reference: r, hypothesis: h)
        }
        let werSeconds = cpuSeconds() - t0

        var bleu = BLEUStats.zero
        let t1 = cpuSeconds()
        for i in 0..<pairs {
            let (h, r) = chinese[i % chinese.count]
            bleu += BLEUStats.segment(hypothesis: h, references: [r])
        }
        let bleuSeconds = cpuSeconds() - t1

        var asrCompliant = 0
        let t2 = cpuSeconds()
        for i in 0..<pairs {
            let (r, h) = english[i % english.count]
            if ASRConstrainJudge.judge(response: h, reference: r).compliant { asrCompliant += 1 }
        }
        let asrSeconds = cpuSeconds() - t2

        let chineseScalars = chinese.map { ($0.0.py, $0.1.py) }
        var s2ttCompliant = 0
        let t3 = cpuSeconds()
        for i in 0..<pairs {
            let (h, r) = chineseScalars[i % chineseScalars.count]
            if TranslationConstrainJudge.isCompliant(response: h, reference: r) { s2ttCompliant += 1 }
        }
        let s2ttSeconds = cpuSeconds() - t3

        print(String(format: "ASR judge:  %d pairs in %.3f CPU s = %.0f pairs/s (%d compliant)", pairs, asrSeconds, Double(pairs) / asrSeconds, asrCompliant))
        print(String(format: "S2TT judge: %d pairs in %.3f CPU s = %.0f pairs/s (%d compliant)", pairs, s2ttSeconds, Double(pairs) / s2ttSeconds, s2ttCompliant))
        print(String(format: "WER stats:  %d pairs in %.3f CPU s = %.0f pairs/s (WER %.4f)", pairs, werSeconds, Double(pairs) / werSeconds, wer.wordErrorRate))
        print(String(format: "BLEU stats: %d pairs in %.3f CPU s = %.0f pairs/s (BLEU %.2f)", pairs, bleuSeconds, Double(pairs) / bleuSeconds, BLEUScore(bleu).score))
    }

    /// Thread CPU time: the machine is shared, so wall time would measure the neighbours.
    static func cpuSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
