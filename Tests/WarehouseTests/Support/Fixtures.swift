import Foundation
import Testing

/// Where the tests find the project and the shared reference data. Upstream files are read
/// from `../shared/isa-bench` at test time and never copied into the project.
enum Fixtures {
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// `../shared/isa-bench`, or `ISAQ_SHARED` when set.
    static let isaBench: URL = {
        if let env = ProcessInfo.processInfo.environment["ISAQ_SHARED"] {
            return URL(fileURLWithPath: env).appendingPathComponent("isa-bench")
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/isa-bench")
    }()

    static func url(_ relative: String) -> URL { isaBench.appendingPathComponent(relative) }

    static func data(_ relative: String) throws -> Data { try Data(contentsOf: url(relative)) }

    /// Files below a shared folder, sorted, matching a suffix.
    static func files(under relative: String, suffix: String) -> [URL] {
        let root = url(relative)
        guard let e = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        return e.compactMap { $0 as? URL }.filter { $0.path.hasSuffix(suffix) }.sorted { $0.path < $1.path }
    }
}

/// The Python reference implementations (jiwer, sacreBLEU, Whisper's normalizer) in `.venv`,
/// built by `scripts/python-reference.sh`. A missing environment is a test failure, never a skip.
enum PythonReference {
    struct Missing: Error, CustomStringConvertible {
        let path: String
        var description: String {
            "Python reference environment not found at \(path): run scripts/python-reference.sh (or set ISAQ_PYTHON)"
        }
    }

    static func python() throws -> URL {
        if let env = ProcessInfo.processInfo.environment["ISAQ_PYTHON"] { return URL(fileURLWithPath: env) }
        let venv = Fixtures.packageRoot.appendingPathComponent(".venv/bin/python3")
        guard FileManager.default.isExecutableFile(atPath: venv.path) else { throw Missing(path: venv.path) }
        return venv
    }

    /// Runs `script` with `input` on stdin and returns stdout; a non-zero exit throws with stderr.
    static func run(_ script: String, input: Data = Data()) throws -> Data {
        let process = Process()
        process.executableURL = try python()
        process.arguments = ["-c", script]
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Write on another thread so a large input cannot deadlock against a full stdout pipe.
        let writer = Thread {
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PythonFailure(status: process.terminationStatus, stderr: String(decoding: err, as: UTF8.self))
        }
        return out
    }

    struct PythonFailure: Error, CustomStringConvertible {
        let status: Int32
        let stderr: String
        var description: String { "python exited \(status): \(stderr)" }
    }

    /// A prelude that makes Whisper's normalizers importable without torch.
    static let whisperImport = """
    import importlib.util, pathlib, sys
    sys.path.insert(0, str(pathlib.Path(importlib.util.find_spec("whisper").submodule_search_locations[0])))
    from normalizers import EnglishTextNormalizer
    """
}
