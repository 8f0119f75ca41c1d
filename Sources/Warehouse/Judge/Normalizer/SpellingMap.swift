import Foundation

// Whisper's British→American spelling map (SCORING.md §7 step 11).
//
// Provenance of `english.json`: PyPI package `whisper-normalizer` 0.1.15, file
// `whisper_normalizer/normalizers/english.json` (56 128 bytes, 1 739 entries, md5
// 33bb184e238f06bb228a05f6dd41c47c), byte-identical to `whisper/normalizers/english.json` in
// `openai-whisper` 20250625, which the upstream scorer vendors. The data is used as is,
// quirks included: `archaeology` maps to `archeology</span>`, and the key `flyer / flier`
// holds spaces so no token can ever match it.

enum SpellingMap {
    /// Parsed once, on first use (Swift initialises static lets lazily and thread-safely).
    static let table: PackedTable<PyString> = {
        let data = Data(PackageResources.english_json)
        guard let object = try? JSONSerialization.jsonObject(with: data),
              let pairs = object as? [String: String]
        else { fatalError("embedded english.json is not a JSON object of strings") }
        // Every key is short ASCII; one that were not could never equal a packed token anyway.
        return PackedTable(pairs.compactMap { british, american in
            PackedASCII(british.unicodeScalars).map { ($0, american.py) }
        })
    }()

    /// The American spelling of `token`, if the map has one.
    @inline(__always)
    static func american(_ token: some Collection<Unicode.Scalar>) -> PyString? {
        guard let key = PackedASCII(token) else { return nil }
        return table[key]
    }
}
