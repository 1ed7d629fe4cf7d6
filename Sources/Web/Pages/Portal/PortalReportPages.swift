import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// A published report in the portal, in the contact's language, with the feedback form; a draft is 404 to a contact.
struct PortalReportPages {
    func register(_ app: any RoutesBuilder) {
        app.endpoint(.GET, "portal", "status-reports", ":reportID", rule: .projectView, surface: .page, use: show)
        app.endpoint(.POST, "portal", "status-reports", ":reportID", "feedback", rule: .projectContact, surface: .page, use: feedback)
    }

    struct FeedbackForm: Decodable {
        var kind: String?
        var rating: String?
        var comment: String?
    }

    @Sendable func show(req: Request) async throws -> Response {
        let report = try await req.authorizedReport()
        return try await Self.page(req, report: report, form: nil, notice: req.query[String.self, at: "done"])
    }

    static func page(_ req: Request, report: StatusReportRecord, form: FormState?, notice: String?) async throws -> Response {
        let c = try await PageContext.make(req)
        let content = try report.report()
        let id = try report.requireID()
        let noticeHTML: HTML =
            switch notice {
            case "recorded": "<p class=\"notice\" role=\"status\" id=\"notice\">\(c.t("report.thanks"))</p>"
            case "already": "<p class=\"notice\" role=\"status\" id=\"notice\">\(c.t("report.alreadyRecorded"))</p>"
            default: .empty
            }
        let canAnswer = c.identity.contactID != nil && report.isPublished
        let answer: HTML = canAnswer ? Self.feedbackForm(c, action: "\(PagePath.portalStatusReportFeedback(id))", kind: nil, form: form) : .empty
        return FormState.page(
            c, title: c.t("report.title"), form: form,
            """
            <p class="no-print"><a href="\(PagePath.portalProject(report.projectID))">\(content.projectName)</a></p>\(noticeHTML)
            <article class="card report" id="report" lang="\(c.language.rawValue)">\(ReportView.render(c, content, number: report.number))</article>
            \(answer)
            """)
    }

    /// The answer form: rating, comment and the two buttons (or one, when the kind is fixed by a one-click link).
    static func feedbackForm(_ c: PageContext, action: String, kind: FeedbackKind?, form: FormState?) -> HTML {
        let f = FormFields(c, "report-feedback", form)
        let ratings: [HTML] =
            ["<option value=\"\">\(c.t("report.noRating"))</option>"]
            + (1...5).reversed().map { n in
                "<option value=\"\(n)\"\(flag: "selected", f.value("rating") == String(n))>\(String(repeating: "★", count: n))</option>"
            }
        let buttons: HTML =
            switch kind {
            case .acknowledge?:
                "<input type=\"hidden\" name=\"kind\" value=\"acknowledge\"><button type=\"submit\" id=\"confirm-feedback\">\(c.t("report.confirmSend"))</button>"
            case .question?:
                "<input type=\"hidden\" name=\"kind\" value=\"question\"><button type=\"submit\" id=\"confirm-feedback\">\(c.t("report.confirmSend"))</button>"
            case nil:
                """
                <button type="submit" name="kind" value="acknowledge">\(c.t("report.looksGood"))</button> \
                <button type="submit" name="kind" value="question" class="secondary">\(c.t("report.haveQuestion"))</button>
                """
            }
        return """
            <section class="card no-print" id="feedback"><h2>\(c.t("report.feedback"))</h2><p>\(c.t("report.feedbackIntro"))</p>
            \(c.form(action: action, id: "report-feedback", """
              <label>\(c.t("report.rating"))<select name="rating"\(f.attributes("rating"))>\(ratings)</select></label>\(f.error("rating"))
              \(f.textarea("comment", label: c.t("report.comment"), rows: 3, "maxlength=\"2000\""))
              \(f.error("kind"))<p class="actions-inline">\(buttons)</p>
            """))</section>
            """
    }

    /// Parses the form's rating: empty is none; anything else must be a whole number (the action checks 1–5).
    static func rating(_ text: String?) throws -> Int? {
        guard let text = FormInput.optional(text) else { return nil }
        guard let value = Int(text) else { throw DomainError.validation(field: "rating", rule: .range(lower: "1", upper: "5")) }
        return value
    }

    @Sendable func feedback(req: Request) async throws -> Response {
        let report = try await req.authorizedReport()
        let id = try report.requireID()
        guard let contactID = try await req.identity.contactID else { throw DomainError.forbidden }
        do {
            let form = try FormInput.decode(FeedbackForm.self, from: req)
            let outcome = try await StatusReportActions.feedback(
                reportID: id, contactID: contactID, kind: form.kind ?? "", rating: try Self.rating(form.rating), comment: form.comment, via: "portal",
                in: req.context)
            let done = if case .recorded = outcome { "recorded" } else { "already" }
            return Layout.redirect("\(PagePath.portalStatusReport(id))?done=\(done)#notice")
        } catch {
            return try await Self.page(req, report: report, form: try req.refusal(of: error, form: "report-feedback"), notice: nil)
        }
    }
}
