import Warehouse
print("isaq-bench \(Warehouse.version)")
if CommandLine.arguments.dropFirst().contains("normalizer") { NormalizerThroughput.run() }
