/// The isaq version recorded on every run and printed by `isaq --version`.
public let version = "0.1.0"
