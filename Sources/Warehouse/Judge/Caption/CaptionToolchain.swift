import Crypto
import Foundation

/// The Java runtime and the two jars of `pycocoevalcap` 1.2 that the AAC metrics need
/// (SCORING.md §8.4, §8.5). Parity is only guaranteed with exactly these jars, so their md5 is
/// part of the toolchain and is meant to be recorded next to every score.
public struct CaptionToolchain: Sendable, Equatable {
    /// md5 of `meteor-1.5.jar` as shipped by pycocoevalcap 1.2 and downloaded by aac-metrics.
    public static let expectedMeteorJarMD5 = "6ee317d8513fe920718f3734faa0336d"

    public static let installHint =
        "install them with: apt-get install -y default-jre-headless && pip install pycocoevalcap==1.2 "
        + "(or set ISAQ_METEOR_JAR, ISAQ_PTB_JAR, ISAQ_PYTHON, JAVA_HOME)"

    public var meteorJar: URL
    public var ptbJar: URL
    public var java: URL
    public var meteorJarMD5: String
    public var ptbJarMD5: String
    /// First line of `java -version`, e.g. `openjdk version "17.0.15" 2025-04-15`.
    public var javaVersion: String

    public init(meteorJar: URL, ptbJar: URL, java: URL, meteorJarMD5: String, ptbJarMD5: String, javaVersion: String) {
        self.meteorJar = meteorJar
        self.ptbJar = ptbJar
        self.java = java
        self.meteorJarMD5 = meteorJarMD5
        self.ptbJarMD5 = ptbJarMD5
        self.javaVersion = javaVersion
    }

    /// Finds java and the jars: `ISAQ_METEOR_JAR` / `ISAQ_PTB_JAR`, else the installed
    /// pycocoevalcap package as reported by `$ISAQ_PYTHON`, `./.venv/bin/python3` or `python3`
    /// on PATH; java from `JAVA_HOME` or PATH. Fails with everything that is missing at once.
    public static func discover(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) throws -> CaptionToolchain {
        var problems: [String] = []
        let fm = FileManager.default

        let java = findJava(environment)
        if java == nil { problems.append("java not found (neither $JAVA_HOME/bin/java nor java on PATH)") }

        var meteor = environment["ISAQ_METEOR_JAR"].map { URL(fileURLWithPath: $0) }
        var ptb = environment["ISAQ_PTB_JAR"].map { URL(fileURLWithPath: $0) }
        if meteor == nil || ptb == nil {
            switch pycocoevalcapDirectory(environment, currentDirectory) {
            case .success(let dir):
                if meteor == nil { meteor = dir.appendingPathComponent("meteor/meteor-1.5.jar") }
                if ptb == nil { ptb = dir.appendingPathComponent("tokenizer/stanford-corenlp-3.4.1.jar") }
            case .failure(let why):
                problems.append(why.description)
            }
        }
        var meteorMD5 = ""
        if let meteor {
            if !fm.fileExists(atPath: meteor.path) {
                problems.append("METEOR jar not found at \(meteor.path)")
            } else {
                meteorMD5 = try md5(of: meteor)
                if meteorMD5 != expectedMeteorJarMD5 {
                    problems.append("\(meteor.path) has md5 \(meteorMD5), expected \(expectedMeteorJarMD5) (meteor-1.5.jar of pycocoevalcap 1.2)")
                }
                let data = meteor.deletingLastPathComponent().appendingPathComponent("data/paraphrase-en.gz")
                if !fm.fileExists(atPath: data.path) {
                    problems.append("METEOR paraphrase table not found at \(data.path)")
                }
            }
        }
        if let ptb, !fm.fileExists(atPath: ptb.path) {
            problems.append("Stanford CoreNLP jar not found at \(ptb.path)")
        }
        guard problems.isEmpty, let java, let meteor, let ptb else {
            throw CaptionToolchainError(problems: problems)
        }

        let version = try javaVersion(java)
        return CaptionToolchain(
            meteorJar: meteor, ptbJar: ptb, java: java,
            meteorJarMD5: meteorMD5, ptbJarMD5: try md5(of: ptb), javaVersion: version)
    }

    static func md5(of file: URL) throws -> String {
        let digest = Insecure.MD5.hash(data: try Data(contentsOf: file, options: .mappedIfSafe))
        return digest.map { String(format: "%02x", $0) }.joined()
    }

    private static func findJava(_ environment: [String: String]) -> URL? {
        let fm = FileManager.default
        if let home = environment["JAVA_HOME"], !home.isEmpty {
            let candidate = URL(fileURLWithPath: home).appendingPathComponent("bin/java")
            if fm.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return searchPath("java", environment)
    }

    static func searchPath(_ name: String, _ environment: [String: String]) -> URL? {
        for dir in (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    private struct Problem: Error, CustomStringConvertible { var description: String }

    private static func pycocoevalcapDirectory(
        _ environment: [String: String], _ currentDirectory: URL
    ) -> Result<URL, Problem> {
        let python: URL
        if let explicit = environment["ISAQ_PYTHON"], !explicit.isEmpty {
            python = URL(fileURLWithPath: explicit)
        } else if case let venv = currentDirectory.appendingPathComponent(".venv/bin/python3"),
                  FileManager.default.isExecutableFile(atPath: venv.path) {
            python = venv
        } else if let onPath = searchPath("python3", environment) {
            python = onPath
        } else {
            return .failure(Problem(description: "ISAQ_METEOR_JAR/ISAQ_PTB_JAR not set and no python3 found to locate pycocoevalcap"))
        }
        // pycocoevalcap 1.2 ships no `__init__.py`: it is a namespace package whose `__file__` is
        // None, so the directory comes from `__path__`.
        let script = "import pycocoevalcap; print(list(pycocoevalcap.__path__)[0])"
        guard let result = try? ChildProcess.run(python, ["-c", script]) else {
            return .failure(Problem(description: "could not run \(python.path) to locate pycocoevalcap"))
        }
        guard result.status == 0 else {
            return .failure(Problem(description: "pycocoevalcap is not importable by \(python.path)"))
        }
        let dir = String(decoding: result.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return .success(URL(fileURLWithPath: dir))
    }

    private static func javaVersion(_ java: URL) throws -> String {
        let result = try ChildProcess.run(java, ["-version"])
        let text = String(decoding: result.stderr + result.stdout, as: UTF8.self)
        guard result.status == 0, let first = text.split(whereSeparator: \.isNewline).first else {
            throw CaptionToolchainError(problems: ["\(java.path) -version failed (exit \(result.status)): \(text)"])
        }
        return String(first)
    }
}

/// What is missing for the AAC metrics, and how to install it.
public struct CaptionToolchainError: Error, CustomStringConvertible, Sendable {
    public var problems: [String]
    public var description: String {
        "AAC metric toolchain incomplete: " + problems.joined(separator: "; ") + ". " + CaptionToolchain.installHint
    }
}
