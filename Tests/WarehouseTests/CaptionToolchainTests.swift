import Foundation
import Testing
@testable import Warehouse

@Suite struct CaptionToolchainTests {
    @Test func discoversTheJarsOfPycocoevalcap() throws {
        let toolchain = try SharedCaption.toolchain()
        #expect(toolchain.meteorJarMD5 == "6ee317d8513fe920718f3734faa0336d")
        #expect(toolchain.meteorJar.lastPathComponent == "meteor-1.5.jar")
        #expect(toolchain.ptbJar.lastPathComponent == "stanford-corenlp-3.4.1.jar")
        #expect(toolchain.ptbJarMD5.count == 32)
        #expect(toolchain.javaVersion.contains("version"))
    }

    @Test func explicitJarPathsWin() throws {
        let found = try SharedCaption.toolchain()
        var environment = ProcessInfo.processInfo.environment
        environment["ISAQ_METEOR_JAR"] = found.meteorJar.path
        environment["ISAQ_PTB_JAR"] = found.ptbJar.path
        environment["ISAQ_PYTHON"] = "/nonexistent/python3"
        let explicit = try CaptionToolchain.discover(environment: environment, currentDirectory: URL(fileURLWithPath: "/"))
        #expect(explicit.meteorJar == found.meteorJar)
        #expect(explicit.ptbJarMD5 == found.ptbJarMD5)
    }

    @Test func missingPiecesAreNamedWithTheInstallCommand() throws {
        let environment = [
            "PATH": "/nonexistent",
            "ISAQ_METEOR_JAR": "/nonexistent/meteor-1.5.jar",
            "ISAQ_PTB_JAR": "/nonexistent/stanford-corenlp-3.4.1.jar",
        ]
        do {
            _ = try CaptionToolchain.discover(environment: environment, currentDirectory: URL(fileURLWithPath: "/"))
            Issue.record("discovery should fail without java and jars")
        } catch let error as CaptionToolchainError {
            let text = error.description
            #expect(text.contains("java not found"))
            #expect(text.contains("/nonexistent/meteor-1.5.jar"))
            #expect(text.contains("/nonexistent/stanford-corenlp-3.4.1.jar"))
            #expect(text.contains("apt-get install -y default-jre-headless"))
            #expect(text.contains("pip install pycocoevalcap==1.2"))
        }
    }

    @Test func aWrongMeteorJarIsRejectedByItsMD5() throws {
        let found = try SharedCaption.toolchain()
        var environment = ProcessInfo.processInfo.environment
        environment["ISAQ_METEOR_JAR"] = found.ptbJar.path  // exists, wrong content
        environment["ISAQ_PTB_JAR"] = found.ptbJar.path
        let error = #expect(throws: CaptionToolchainError.self) {
            try CaptionToolchain.discover(environment: environment, currentDirectory: URL(fileURLWithPath: "/"))
        }
        #expect(error?.description.contains("expected 6ee317d8513fe920718f3734faa0336d") == true)
    }
}
