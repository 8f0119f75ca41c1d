import ArgumentParser
import Foundation
import Warehouse

struct Doctor: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report what isaq found on this machine: SQLite, Java and the caption-metric jars.",
        discussion: """
            AAC metrics (METEOR 1.5, PTB tokenization) run the jars of the PyPI package pycocoevalcap 1.2
            on Java. isaq looks for them through ISAQ_METEOR_JAR / ISAQ_PTB_JAR, else asks Python
            ($ISAQ_PYTHON, else ./.venv/bin/python3, else python3) where pycocoevalcap is installed.
            Exit code 0 when everything is there, 1 when something is missing.
            """)

    func run() throws {
        print("isaq \(isaqVersion), SQLite \(Database.sqliteVersion)")
        do {
            let t = try CaptionToolchain.discover()
            print("java:        \(t.java.path) (\(t.javaVersion))")
            print("METEOR 1.5:  \(t.meteorJar.path) (md5 \(t.meteorJarMD5)\(t.meteorJarMD5 == CaptionToolchain.expectedMeteorJarMD5 ? ", as expected" : ", UNEXPECTED"))")
            print("PTB 3.4.1:   \(t.ptbJar.path) (md5 \(t.ptbJarMD5))")
            print("caption metrics: ready; `isaq score` runs \(MeteorPool.defaultSize) METEOR JVM\(MeteorPool.defaultSize == 1 ? "" : "s") side by side (one per core, at most 4, about 1 GB each; --meteor-jvms N)")
        } catch {
            print("caption metrics: unavailable\n  \(error)")
            throw ExitCode.failure
        }
    }
}
