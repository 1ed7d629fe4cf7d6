import Domain
import Foundation
import Testing
import TestSupport
import Vapor
@testable import Web

/// Every validation rule the code can report has words in both languages for the pages, chosen by the rule's key
/// (not by reading the English message).
@Suite struct ValidationTextTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// One value of every rule; the switch fails to compile when a rule is added without joining this list.
    static let rules: [ValidationRule] = [
        .empty, .maxLength(200), .minLength(8), .oneLine, .controlCharacters, .email, .date, .dueBeforeStart, .timeZone, .currency,
        .range(lower: "0", upper: "100"), .wholeNumber(lower: 1, upper: 200), .link, .tooMany(100, unit: "entries"), .scopeEmpty,
        .returnNeedsComment, .formExpired, .contactEmailTaken, .memberEmailTaken, .notProjectItems, .notMilestone, .notMember,
        .notCustomer, .notContact, .number, .amount, .unreadable, .nonWorkingClash("2026-10-01"), .lagNeedsDependency, .zoom,
        .baseline, .jsonObject, .json, .cursor, .required, .notAllowed, .invalid, .unschedulable, .type("a string", null: false),
        .fileForm("the upload is not valid multipart/form-data"), .fileChoose, .fileEmpty, .wrongCurrentPassword,
        .scopeChangesComment, .timeOfDay,
        .webhookURL, .privateAddress, .beforePeriodStart, .instant,
    ]

    static func listed(_ rule: ValidationRule) -> Bool {
        switch rule {
        case .empty, .maxLength, .minLength, .oneLine, .controlCharacters, .email, .date, .dueBeforeStart, .timeZone, .currency,
            .range, .wholeNumber, .link, .tooMany, .scopeEmpty, .returnNeedsComment, .formExpired, .contactEmailTaken,
            .memberEmailTaken, .notProjectItems, .notMilestone, .notMember, .notCustomer, .notContact, .number, .amount, .unreadable,
            .nonWorkingClash, .lagNeedsDependency, .zoom, .baseline, .jsonObject, .json, .cursor, .required, .notAllowed, .invalid,
            .unschedulable, .type, .fileForm, .fileChoose, .fileEmpty, .wrongCurrentPassword,
            .scopeChangesComment, .timeOfDay,
            .webhookURL, .privateAddress, .beforePeriodStart, .instant:
            true
        case .unlisted: false
        }
    }

    @Test func everyRuleHasItsOwnWordsInBothLanguages() throws {
        let catalogue = try Catalogue.load()
        #expect(Self.rules.allSatisfy(Self.listed))
        for rule in Self.rules {
            for language in Language.allCases {
                #expect(catalogue.texts[language]?[rule.key] != nil, "no \(language) text for \(rule.key)")
                let text = ValidationText.text(rule, language: language, catalogue: catalogue)
                #expect(!text.contains("{"), "“\(text)” misses an argument of \(rule)")
            }
            let english = ValidationText.text(rule, language: .en, catalogue: catalogue)
            #expect(ValidationText.text(rule, language: .zhHans, catalogue: catalogue) != english, "\(rule) not translated")
        }
    }

    @Test func argumentsReachTheText() throws {
        let catalogue = try Catalogue.load()
        #expect(ValidationText.text(.maxLength(200), language: .zhHans, catalogue: catalogue) == "最多 200 个字符")
        #expect(ValidationText.text(.range(lower: "0", upper: "100"), language: .en, catalogue: catalogue) == "must be between 0 and 100")
        #expect(ValidationText.text(.dueBeforeStart, language: .zhHans, catalogue: catalogue) == "截止日期早于开始日期")
    }

    /// The API's English stays word for word what clients read before rules had keys.
    @Test func theAPIMessagesAreUnchanged() {
        #expect(ValidationRule.dueBeforeStart.message == "must not be before startDate")
        #expect(ValidationRule.maxLength(200).message == "must be at most 200 characters")
        #expect(ValidationRule.tooMany(200, unit: "dependencies").message == "at most 200 dependencies")
        #expect(ValidationRule.type("a whole number", null: true).message == "must be a whole number, not null")
        #expect(ValidationRule.range(lower: "0", upper: "100").message == "must be between 0 and 100")
    }

    @Test func aSentenceNamesTheLabelNeverTheCodeName() throws {
        let catalogue = try Catalogue.load()
        #expect(ValidationText.sentence(field: "dueDate", rule: .date, language: .en, catalogue: catalogue).contains("“Due”"))
        #expect(
            ValidationText.sentence(field: "dueDate", rule: .dueBeforeStart, language: .en, catalogue: catalogue)
                == "The due date is before the start date")
        #expect(ValidationText.sentence(field: "workingDates[3]", rule: .date, language: .zhHans, catalogue: catalogue).contains("「调休上班日」"))
        // a field without a label: the text alone, not the code name
        #expect(!ValidationText.sentence(field: "someCodeName", rule: .empty, language: .en, catalogue: catalogue).contains("someCodeName"))
    }

    /// Nothing in the sources throws a validation failure by English text alone: each names its rule.
    @Test func noValidationIsThrownWithoutARule() throws {
        let pattern = try Regex(#"validation\(field: [^\n]*?message: "#)
        let files =
            FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        #expect(files.count > 50)
        for file in files where !["DomainError.swift", "ValidationRule.swift"].contains(file.lastPathComponent) {
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(text.matches(of: pattern).isEmpty, "\(file.lastPathComponent) throws a validation without a rule")
            #expect(!text.contains(".unlisted("), "\(file.lastPathComponent) throws an unlisted rule")
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
            // then the words on the page are Chinese and name no code name
            #expect(reply.status == .badRequest)
            let visible = RefusedForms.errorTexts(reply.body)
            #expect(visible.contains("截止日期早于开始日期"), "\(reply.body.prefix(600))")
            #expect(!visible.contains("startDate") && !visible.contains("dueDate"))
        }
    }
}
