/// The isaq version recorded on every run and printed by `isaq --version`.
public let isaqVersion = "0.1.0"
