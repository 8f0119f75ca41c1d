import Warehouse

let arguments = CommandLine.arguments.dropFirst()
if arguments.first == "json" {
    try jsonThroughput(Array(arguments.dropFirst()))
} else if arguments.first == "jsonl", let path = arguments.dropFirst().first {
    try jsonLinesThroughput(path)
} else {
    print("isaq-bench \(Warehouse.version)")
}
