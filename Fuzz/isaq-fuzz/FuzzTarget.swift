import Warehouse

// libFuzzer entry point over every parser isaq exposes to untrusted bytes: the JSON parser,
// the JSONL line checker and the result-file parser followed by the judges. What one input does
// lives in `InputProbe.fuzz` so the tests replay seeds and regressions the same way. Built by
// scripts/fuzz.sh with `-sanitize=fuzzer,address`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    InputProbe.fuzz(UnsafeBufferPointer(start: data, count: size))
    return 0
}
