import Warehouse
print("isaq-bench \(Warehouse.version)")
