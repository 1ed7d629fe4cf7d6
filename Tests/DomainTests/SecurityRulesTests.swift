import Foundation
import Testing
@testable import Domain

@Suite("PasswordRule")
struct PasswordRuleTests {
    @Test("two long passwords differing only after byte 72 give different bcrypt inputs")
    func bytesAfter72StaySignificant() {
        // given
        let prefix = String(repeating: "a", count: 72)
        let first = prefix + "first-tail"
        let second = prefix + "other-tail"

        // when
        let firstInput = PasswordRule.bcryptInput(first)
        let secondInput = PasswordRule.bcryptInput(second)

        // then
        #expect(firstInput != secondInput)
        #expect(firstInput.hasPrefix("sha256:"))
        #expect(firstInput.utf8.count <= 72)
    }

    @Test(
        "passwords of up to 72 bytes go to bcrypt unchanged",
        arguments: [
            "correct horse", String(repeating: "x", count: 72),
        ])
    func shortPasswordsUnchanged(_ password: String) {
        // given / when
        let input = PasswordRule.bcryptInput(password)

        // then
        #expect(input == password)
    }

    @Test("the 72-byte limit counts UTF-8 bytes, not characters")
    func limitCountsBytes() {
        // given: 25 Chinese characters are 75 bytes
        let password = String(repeating: "密", count: 25)

        // when
        let input = PasswordRule.bcryptInput(password)

        // then
        #expect(input.hasPrefix("sha256:"))
    }

    @Test("the pre-hash is stable for the same password")
    func preHashIsStable() {
        // given
        let password = String(repeating: "z", count: 100)

        // when / then
        #expect(PasswordRule.bcryptInput(password) == PasswordRule.bcryptInput(password))
    }

    @Test("passwords from 8 to 200 characters are accepted", arguments: [8, 200])
    func acceptedLengths(_ length: Int) throws {
        // given
        let password = String(repeating: "p", count: length)

        // when / then
        try PasswordRule.validate(password)
    }

    @Test("passwords shorter than 8 or longer than 200 characters are refused naming the field", arguments: [0, 7, 201])
    func refusedLengths(_ length: Int) {
        // given
        let password = String(repeating: "p", count: length)

        // when
        let error = domainError { try PasswordRule.validate(password) }

        // then
        #expect(error?.validationField == "password")
    }

    @Test("a refused password names the field the caller chose")
    func refusedPasswordNamesCustomField() {
        // given / when
        let error = domainError { try PasswordRule.validate("short", field: "newPassword") }

        // then
        #expect(error?.validationField == "newPassword")
    }
}

@Suite("SecretToken")
struct SecretTokenTests {
    @Test("a token is 43 URL-safe characters")
    func tokenIsURLSafe() {
        // given
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

        // when
        let tokens = (0..<200).map { _ in SecretToken.generate() }

        // then
        #expect(tokens.allSatisfy { $0.count == 43 })
        #expect(tokens.allSatisfy { $0.allSatisfy(allowed.contains) })
    }

    @Test("generated tokens are all distinct")
    func tokensAreDistinct() {
        // given / when
        let tokens = (0..<1_000).map { _ in SecretToken.generate() }

        // then
        #expect(Set(tokens).count == tokens.count)
    }

    @Test("a token's hash is stable, hex, and not the token itself")
    func hashIsStable() {
        // given
        let token = SecretToken.generate()

        // when
        let hash = SecretToken.hash(token)

        // then
        #expect(hash == SecretToken.hash(token))
        #expect(hash != token)
        #expect(!hash.contains(token))
        #expect(hash.count == 64)
        #expect(hash.allSatisfy { $0.isHexDigit && !$0.isUppercase })
    }

    @Test("different tokens have different hashes")
    func differentTokensDifferentHashes() {
        // given
        let first = SecretToken.generate()
        let second = SecretToken.generate()

        // when / then
        #expect(SecretToken.hash(first) != SecretToken.hash(second))
    }

    @Test("the hash is SHA-256 in lower-case hex")
    func hashIsSHA256() {
        // given / when
        let hash = SecretToken.hash("abc")

        // then
        #expect(hash == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
