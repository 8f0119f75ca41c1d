/// Bad input: names the file, where in it (a JSON path like `[12].variation_responses.prefix[0]`
/// or a line number) and what was expected.
public struct InputError: Error, CustomStringConvertible, Sendable {
    public let file: String
    public let location: String?
    public let message: String

    public init(file: String, location: String? = nil, _ message: String) {
        self.file = file
        self.location = location
        self.message = message
    }

    public var description: String {
        if let location, !location.isEmpty { return "\(file): \(location): \(message)" }
        return "\(file): \(message)"
    }
}
