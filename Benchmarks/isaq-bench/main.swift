import Warehouse

let arguments = CommandLine.arguments.dropFirst()
if arguments.first == "json" {
    try jsonThroughput(Array(arguments.dropFirst()))
} else {
    print("isaq-bench \(Warehouse.version)")
}
