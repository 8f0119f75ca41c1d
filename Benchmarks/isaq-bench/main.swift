import Warehouse
print("isaq-bench \(isaqVersion)")
