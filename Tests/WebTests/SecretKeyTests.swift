import Foundation
import Testing
import Vapor
import TestSupport
@testable import Web

/// `TANDEM_SECRET_KEY` and the key file that stands in for it on SQLite.
@Suite struct SecretKeyTests {
    @Test func theKeyIsTakenAsHexOrBase64AndAnythingElseIsRefusedNamingTheVariable() throws {
        let hex = String(repeating: "ab", count: 32)
        let base64 = Data(repeating: 0xab, count: 32).base64EncodedString()
        for text in [hex, hex.uppercased(), base64] {
            guard case .value = try AppConfig.fromEnvironment(["TANDEM_SECRET_KEY": text]).secretKey else {
                Issue.record("\(text) was not taken")
                continue
            }
        }
        for text in ["short", String(repeating: "ab", count: 31), String(repeating: "zz", count: 32), Data(count: 16).base64EncodedString()] {
            #expect {
                try AppConfig.fromEnvironment(["TANDEM_SECRET_KEY": text])
            } throws: { ($0 as? AppConfig.Invalid)?.description.contains("TANDEM_SECRET_KEY") == true }
        }
    }

    @Test func postgresqlWithoutAKeyStopsTheStart() {
        #expect {
            try AppConfig.fromEnvironment(["DATABASE_URL": "postgres://u:p@127.0.0.1:5432/tandem"])
        } throws: { ($0 as? AppConfig.Invalid)?.description.contains("TANDEM_SECRET_KEY must be set") == true }
    }

    @Test func withoutAKeyOnSQLiteAKeyFileIsMadeOnceWithMode0600AndKeptAfterwards() throws {
        // given
        let directory = NSTemporaryDirectory() + "tandem-key-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let config = try AppConfig.fromEnvironment(["TANDEM_DATA_DIR": directory])
        guard case .file(let path) = config.secretKey else {
            Issue.record("no key file")
            return
        }
        #expect(path == directory + "/secret.key")
        // when
        let first = try SecretKey.load(config.secretKey)
        let second = try SecretKey.load(config.secretKey)
        #expect(first.madeFile == path && second.madeFile == nil)
        // then
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(SecretKey(text: text) != nil)
        #expect(first.key.auditKey.mac("x") == second.key.auditKey.mac("x"))
    }

    @Test func aKeyFileThatIsNotAKeyStopsTheStart() throws {
        let path = NSTemporaryDirectory() + "tandem-key-\(UUID().uuidString)"
        try "not a key".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: AppConfig.Invalid.self) { try SecretKey.load(.file(path: path)) }
    }

    @Test func theAuditKeyIsDerivedFromTheSecretNotTheSecretItselfAndHexAndBase64Agree() {
        // given the test secret (32 bytes of 0x5a) as hex and as base64
        let raw = SymmetricKey(data: [UInt8](repeating: 0x5a, count: 32))
        let base64 = SecretKey(text: Data(repeating: 0x5a, count: 32).base64EncodedString())!
        // when / then
        let underRaw = Data(HMAC<SHA256>.authenticationCode(for: Data("x".utf8), using: raw)).map { String(format: "%02x", $0) }.joined()
        #expect(TestSecrets.auditKey.mac("x") != underRaw)
        #expect(base64.auditKey.mac("x") == TestSecrets.auditKey.mac("x"))
        #expect("\(TestSecrets.secretKey)" == "SecretKey(redacted)")
    }
}
