import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// The one-click links of a report e-mail. GET only shows a confirm page (a mail scanner that fetches the link writes
/// nothing); the POST records the answer for exactly the contact, report and kind the signed token names, signed in
/// or not, once.
struct FeedbackLinkPages {
    func register(_ app: any RoutesBuilder) {
        app.endpoint(.GET, "feedback", ":feedbackToken", rule: .open, surface: .page, use: confirm)
        app.endpoint(.POST, "feedback", ":feedbackToken", rule: .open, surface: .page, use: record)
    }

    /// The link's target, or the page that says why it cannot be used (400 altered, 410 expired).
    private enum Resolved {
        case success((FeedbackLink, StatusReportRecord, ContactRecord))
        case failure(Response)
    }

    private func resolve(_ req: Request) async throws -> Resolved {
        let c = try await PageContext.make(req)
        let token = req.parameters.get("feedbackToken") ?? ""
        let link: FeedbackLink
        do {
            link = try FeedbackLink.verify(token, key: FeedbackLinks.key(req.tandem), now: req.now)
        } catch .expired {
            return .failure(refused(c, text: c.t("report.linkExpired"), status: .gone))
        } catch {
            return .failure(refused(c, text: c.t("report.linkInvalid"), status: .badRequest))
        }
        guard let report = try await StatusReportStore.find(link.reportID, on: req.db), report.isPublished,
            let contact = try await ContactRecord.find(link.contactID, on: req.db), contact.active
        else { return .failure(refused(c, text: c.t("report.linkInvalid"), status: .badRequest)) }
        return .success((link, report, contact))
    }

    private func refused(_ c: PageContext, text: String, status: HTTPResponseStatus) -> Response {
        Layout.page(
            c, title: c.t("report.linkTitle"), status: status,
            """
            <section class="card narrow" id="link-refused"><h1>\(c.t("report.linkTitle"))</h1><p>\(text)</p>
            <p><a href="\(PagePath.portal)">\(c.t("report.readInPortal"))</a></p></section>
            """)
    }

    /// The page in the contact's language, whoever opens it.
    private func context(_ req: Request, language: Language) async throws -> PageContext {
        let c = try await PageContext.make(req)
        return PageContext(
            req: req, identity: c.identity, language: language, csrfToken: c.csrfToken, newCSRFCookie: c.newCSRFCookie, languageFromQuery: nil,
            catalogue: c.catalogue)
    }

    @Sendable func confirm(req: Request) async throws -> Response {
        let (link, report, contact): (FeedbackLink, StatusReportRecord, ContactRecord)
        switch try await resolve(req) {
        case .failure(let page): return page
        case .success(let found): (link, report, contact) = found
        }
        let c = try await context(req, language: contact.language)
        let onceKey = link.kind == .acknowledge ? "acknowledge" : "link-question"
        if try await StatusReportStore.existingFeedback(reportID: link.reportID, contactID: link.contactID, onceKey: onceKey, on: req.db) != nil {
            return done(c, text: c.t("report.alreadyRecorded"), reportID: link.reportID)
        }
        return try page(c, link: link, report: report, form: nil)
    }

    private func page(_ c: PageContext, link: FeedbackLink, report: StatusReportRecord, form: FormState?) throws -> Response {
        let content = try report.report()
        let number = String(report.number ?? 0)
        let reportID = try report.requireID()
        return FormState.page(
            c, title: c.t("report.confirmTitle"), form: form,
            """
            <section class="card narrow" id="feedback-confirm"><h1>\(c.t("report.confirmTitle"))</h1>
            <p><strong>\(c.t("report.confirmKind.\(link.kind.rawValue)", number))</strong></p>
            <p class="report-summary">\(content.summary)</p>
            <p><a href="\(PagePath.portalStatusReport(reportID))">\(c.t("report.readInPortal"))</a></p></section>
            \(PortalReportPages.feedbackForm(c, action: c.req.url.path, kind: link.kind, form: form))
            <article class="card report" id="report" lang="\(c.language.rawValue)">\(ReportView.render(c, content, number: report.number))</article>
            """)
    }

    @Sendable func record(req: Request) async throws -> Response {
        let (link, report, contact): (FeedbackLink, StatusReportRecord, ContactRecord)
        switch try await resolve(req) {
        case .failure(let page): return page
        case .success(let found): (link, report, contact) = found
        }
        let c = try await context(req, language: contact.language)
        let reportID = try report.requireID()
        do {
            let form = try FormInput.decode(PortalReportPages.FeedbackForm.self, from: req)
            // The token is the authority: its contact, its report and its kind, whatever the form says.
            let outcome = try await StatusReportActions.feedback(
                reportID: reportID, contactID: link.contactID, kind: link.kind.rawValue, rating: try PortalReportPages.rating(form.rating),
                comment: form.comment, via: "link", in: req.context)
            let text = if case .recorded = outcome { c.t("report.thanks") } else { c.t("report.alreadyRecorded") }
            return done(c, text: text, reportID: reportID)
        } catch {
            return try page(c, link: link, report: report, form: try req.refusal(of: error, form: "report-feedback"))
        }
    }

    /// Thanks the person (or says the answer was recorded before) and links to the report in the portal.
    private func done(_ c: PageContext, text: String, reportID: UUID) -> Response {
        Layout.page(
            c, title: c.t("report.confirmTitle"),
            """
            <section class="card narrow" id="feedback-done"><h1>\(c.t("report.confirmTitle"))</h1><p class="notice" role="status">\(text)</p>
            <p><a href="\(PagePath.portalStatusReport(reportID))">\(c.t("report.readInPortal"))</a></p></section>
            """)
    }
}
