import Warehouse
print("isaq-bench \(Warehouse.version)")
if CommandLine.arguments.contains("metrics") { MetricThroughput.run() }
