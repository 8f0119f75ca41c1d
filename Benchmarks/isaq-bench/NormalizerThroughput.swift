import Foundation
import Warehouse

/// Throughput of the Whisper English normaliser on LibriSpeech-like references and on model
/// responses in the style the d/f ASR scorers see (mixed case, punctuation, contractions,
/// numbers, the occasional curly quote). Run: `swift run -c release isaq-bench normalizer`.
enum NormalizerThroughput {
    static let references = [
        "HE HOPED THERE WOULD BE STEW FOR DINNER TURNIPS AND CARROTS AND BRUISED POTATOES AND FAT MUTTON PIECES TO BE LADLED OUT IN THICK PEPPERED FLOUR FATTENED SAUCE",
        "STUFF IT INTO YOU HIS BELLY COUNSELLED HIM",
        "AFTER EARLY NIGHTFALL THE YELLOW LAMPS WOULD LIGHT UP HERE AND THERE THE SQUALID QUARTER OF THE BROTHELS",
        "HELLO BERTIE ANY GOOD IN YOUR MIND",
        "NUMBER TEN FRESH NELLY IS WAITING ON YOU GOOD NIGHT HUSBAND",
        "THE MUSIC CAME NEARER AND HE RECALLED THE WORDS THE WORDS OF SHELLEY'S FRAGMENT UPON THE MOON WANDERING COMPANIONLESS PALE FOR WEARINESS",
        "IN EIGHTEEN SIXTY TWO A LAW WAS ENACTED WITH THE PURPOSE OF SUPPRESSING PLURAL MARRIAGE",
        "HE HAD BEEN FIVE HUNDRED AND TWENTY DOLLARS IN DEBT AT THE END OF THE SECOND YEAR",
    ]
    static let responses = [
        "The transcript is: he hoped there would be stew for dinner, turnips and carrots, and bruised potatoes and fat mutton pieces to be ladled out in thick, peppered, flour-fattened sauce.",
        "\"Stuff it into you,\" his belly counselled him.",
        "After early nightfall, the yellow lamps would light up here and there the squalid quarter of the brothels.",
        "Hello, Bertie! Any good in your mind?",
        "Number 10. Fresh Nelly is waiting on you. Good night, husband.",
        "The music came nearer, and he recalled the words — the words of Shelley’s fragment upon the moon: “wandering companionless, pale for weariness.”",
        "In 1862, a law was enacted with the purpose of suppressing plural marriage.",
        "He had been $520 in debt at the end of the 2nd year. I'm sure it's Mr. Smith's colour.",
    ]

    /// CPU time of this process, so other load on the machine does not skew the rate.
    static func cpuSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    static func run(count: Int = 400_000) {
        let inputs = (references + responses).map(\.unicodeScalars).map(Array.init)
        let normalizer = EnglishTextNormalizer.shared
        for x in inputs { _ = normalizer.normalize(x) } // warm up lazy tables
        var checksum = 0
        let start = cpuSeconds()
        for k in 0..<count {
            checksum &+= normalizer.normalize(inputs[k % inputs.count]).count
        }
        let seconds = cpuSeconds() - start
        let scalars = inputs.reduce(0) { $0 + $1.count } * count / inputs.count
        print(String(format: "normalizer: %d strings in %.2f CPU s = %.0f strings/s (%.1f M scalars/s), checksum %d",
                     count, seconds, Double(count) / seconds, Double(scalars) / seconds / 1e6, checksum))
        for (name, set) in [("references", references), ("responses", responses)] {
            let xs = set.map { Array($0.unicodeScalars) }
            let n = count / 2
            let t0 = cpuSeconds()
            for k in 0..<n { checksum &+= normalizer.normalize(xs[k % xs.count]).count }
            let s = cpuSeconds() - t0
            print(String(format: "  %@: %.0f strings/s", name, Double(n) / s))
        }
    }
}
