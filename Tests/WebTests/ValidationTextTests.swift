import Domain
import Foundation
import Testing
import TestSupport
import Vapor
@testable import Web

/// Every validation message the code can produce has words in both languages for the pages.
@Suite struct ValidationTextTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// Messages of `.validation(field: …, message: "…")` in the sources, with interpolations filled with a number.
    static func messages() throws -> [String] {
        let pattern = try Regex(#"validation\(field: [^\n]*?message: "([^"]*)"\)"#)
        var found: [String] = []
        let files =
            FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: pattern) {
                let raw = String(match.output[1].substring ?? "")
                found.append(raw.replacing(#/\\\((?:[^()]|\([^()]*\))*\)/#, with: "12"))
            }
        }
        return found
    }

    @Test func everyValidationMessageHasATranslation() throws {
        let catalogue = try Catalogue.load()
        let messages = try Self.messages().filter { $0 != "12 12" }
        #expect(messages.count > 25)
        for message in messages {
            let (english, _) = ValidationText.localized(message, language: .en, catalogue: catalogue)
            #expect(
                english != catalogue.text("validation.invalid", .en) || message.hasPrefix("is ") || message.contains("scheduled"),
                "no words for “\(message)”")
            let (chinese, _) = ValidationText.localized(message, language: .zhHans, catalogue: catalogue)
            #expect(chinese != english, "“\(message)” not translated")
        }
    }

    @Test func aChinesePageSaysWhatIsWrongInChinese() async throws {
        try await withTestApp { app, _ in
            // given a Chinese-speaking member
            let world = try await World.make(app)
            let session = try #require(try await world.session(.owner))
            _ = try await world.client.page(
                .POST, "/settings/language", cookies: ["tandem_session": session.token],
                form: ["language": "zh-Hans", "_csrf": session.csrf])
            // when a work item is saved with its due date before its start
            let reply = try await world.client.page(
                .POST, "/projects/\(world.projectA)/work-items", cookies: ["tandem_session": session.token],
                form: ["_csrf": session.csrf, "title": "排期", "startDate": "2026-12-10", "dueDate": "2026-12-01"])
            // then
            #expect(reply.status == .badRequest)
            #expect(reply.body.contains("截止日期早于开始日期"), "\(reply.body.prefix(600))")
            #expect(!reply.body.contains("startDate"))
        }
    }
}
