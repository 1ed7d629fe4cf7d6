import Domain
import Foundation
import Testing
import TestSupport
import Vapor
@testable import Web

/// The mechanism behind refused forms: reading what was sent, and writing fields with it.
@Suite struct FormStateTests {
    @Test func theSentValuesAreReadAsTypedWithoutTheToken() {
        let values = FormState.values(ofForm: "_csrf=abc&title=%E6%8E%92%E6%9C%9F+v2&dependsOn%5B%5D=a&dependsOn%5B%5D=b&empty=&flag")
        #expect(values["title"] == ["排期 v2"])
        #expect(values["dependsOn"] == ["a", "b"])
        #expect(values["empty"] == [""] && values["flag"] == [""])
        #expect(values["_csrf"] == nil)
    }

    /// A page built for the fields' tests (they need a `PageContext`, which needs a request).
    func fields(_ key: String, _ state: FormState?, language: Language = .en, _ body: (FormFields) throws -> Void) async throws {
        try await withTestApp { app, _ in
            let req = Request(application: app, on: app.eventLoopGroup.any())
            let c = PageContext(
                req: req, identity: Identity.anonymous, language: language, csrfToken: "t", newCSRFCookie: nil, languageFromQuery: nil,
                catalogue: try Catalogue.load())
            try body(FormFields(c, key, state))
        }
    }

    static let refused = FormState(
        form: "new-milestone", values: ["name": ["Launch \"β\""], "dueDate": ["2026-02-30"], "password": ["secret"]],
        errors: [.init(field: "dueDate", rule: .date)])

    @Test func aRefusedFieldIsMarkedAndDescribedByItsMessage() async throws {
        try await fields("new-milestone", Self.refused) { f in
            let due = f.input("dueDate", label: "Due", type: "date", "required").raw
            #expect(due.contains("id=\"new-milestone-dueDate\" aria-invalid=\"true\" aria-describedby=\"new-milestone-dueDate-error\""))
            #expect(due.contains("<p class=\"field-error\" id=\"new-milestone-dueDate-error\">"))
            #expect(due.contains("value=\"2026-02-30\""))
            let name = f.input("name", label: "Name", value: "default").raw
            #expect(name.contains("value=\"Launch &quot;β&quot;\""))
            #expect(!name.contains("aria-invalid") && !name.contains("field-error"))
        }
    }

    @Test func aPasswordIsNeverEchoed() async throws {
        try await fields("new-milestone", Self.refused) { f in
            #expect(!f.input("password", label: "Password", type: "password", keep: false).raw.contains("secret"))
        }
    }

    @Test func anotherFormsRefusalLeavesTheDefaults() async throws {
        try await fields("new-baseline", Self.refused) { f in
            #expect(!f.refused)
            #expect(f.value("name", "Plan A") == "Plan A")
            #expect(f.checked("visibleToCustomer", true))
            #expect(f.error("dueDate").raw.isEmpty)
        }
    }

    @Test func aCheckboxIsTickedOnlyIfItWasSent() async throws {
        try await fields("new-milestone", Self.refused) { f in
            #expect(!f.checked("visibleToCustomer", true))
            #expect(!f.check("visibleToCustomer", label: "Show", checked: true).raw.contains("checked"))
        }
    }

    @Test func aListFieldCountsForItsIndexedError() async throws {
        let state = FormState(form: "cal", values: [:], errors: [.init(field: "workingDates[2]", rule: .date)])
        try await fields("cal", state, language: .zhHans) { f in
            #expect(f.rule("workingDates") == .date)
            #expect(f.error("workingDates").raw.contains("请填写 1970 至 9999 年之间的真实日期"))
            #expect(f.rule("nonWorkingDates") == nil)
        }
    }

    @Test func onlyBadInputBecomesAFormState() async throws {
        try await withTestApp { app, _ in
            let req = Request(application: app, collectedBody: ByteBuffer(string: "name=x"), on: app.eventLoopGroup.any())
            #expect(FormState.refused(req, form: "f", error: DomainError.validation(field: "name", rule: .empty))?.values["name"] == ["x"])
            #expect(FormState.refused(req, form: "f", error: DomainError.conflict("no")) == nil)
            #expect(FormState.refused(req, form: "f", error: DomainError.notFound) == nil)
            #expect(FormState.refused(req, form: "f", error: Abort(.badRequest)) == nil)
        }
    }
}
