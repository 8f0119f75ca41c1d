/// Builds the JSON paths that error messages name, e.g. `[12].variation_responses.prefix[0]`.
struct JSONPath {
    private(set) var text: String

    init(_ text: String = "") { self.text = text }

    func index(_ i: Int) -> JSONPath { JSONPath(text + "[\(i)]") }

    func key(_ k: String) -> JSONPath {
        let plain = !k.isEmpty && k.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-") }
        if plain { return JSONPath(text + "." + k) }
        var quoted = "[\""
        for c in k.unicodeScalars {
            switch c {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            default: quoted.unicodeScalars.append(c)
            }
        }
        return JSONPath(text + quoted + "\"]")
    }

    /// The path without a leading dot, as shown to users.
    var display: String { text.hasPrefix(".") ? String(text.dropFirst()) : (text.isEmpty ? "(top level)" : text) }
}
