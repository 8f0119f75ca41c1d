import Warehouse

// libFuzzer entry point over every parser isaq exposes to untrusted bytes: the JSON parser,
// the JSONL line checker and the result-file parser followed by the judges. Built by
// scripts/fuzz.sh with `-sanitize=fuzzer,address`; libFuzzer supplies `main`.
//
// The first byte picks the hints the result parser gets from a file's path (…/d/…_asr_…),
// so the fuzzer explores hinted and unhinted parsing; the rest is the file.

private let dims: [Dimension?] = [nil, .d, .f, .n]
private let tasks: [Task?] = [nil, .asr, .s2tt, .ser, .gr, .aac]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    let all = UnsafeBufferPointer(start: data, count: size)
    let selector = Int(all[0])
    let body = UnsafeBufferPointer(rebasing: all[1...])
    _ = try? InputProbe.parseJSON(body)
    InputProbe.checkJSONLines(body)
    _ = try? InputProbe.judgeResultFile(Array(body), dimHint: dims[selector % dims.count],
                                        taskHint: tasks[(selector / dims.count) % tasks.count],
                                        allowUnknownVariants: selector & 0x80 != 0)
    return 0
}
