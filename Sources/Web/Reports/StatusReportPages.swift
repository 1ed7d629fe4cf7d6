import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// The team's report pages: drafting from the project page, editing a draft, publishing with a confirm step, and
/// the feedback received.
struct StatusReportPages {
    func register(_ app: any RoutesBuilder) {
        app.endpoint(.POST, "projects", ":projectID", "status-reports", rule: .projectTeam, surface: .page, use: create)
        app.endpoint(.GET, "status-reports", ":reportID", rule: .projectTeam, surface: .page, use: show)
        app.endpoint(.POST, "status-reports", ":reportID", rule: .projectTeam, surface: .page, use: save)
        app.endpoint(.POST, "status-reports", ":reportID", "publish", rule: .projectTeam, surface: .page, use: publish)
        PortalReportPages().register(app)
        FeedbackLinkPages().register(app)
    }

    struct EditForm: Decodable {
        var summary: String?
        var health: String?
        var healthReason: String?
        var done: String?
        var inProgress: String?
        var next: String?
        var risks: String?
        var concerns: String?
        var changes: String?
    }

    @Sendable func create(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        let (report, _) = try await StatusReportActions.draft(projectID: try project.requireID(), periodStart: nil, periodEnd: nil, in: req.context)
        return Layout.redirect("\(PagePath.statusReport(try report.requireID()))")
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await Self.page(req, report: try await req.authorizedReport(), form: nil)
    }

    static func page(_ req: Request, report: StatusReportRecord, form: FormState?) async throws -> Response {
        let c = try await PageContext.make(req)
        guard let project = try await ProjectRecord.find(report.projectID, on: req.db) else { throw DomainError.notFound }
        let content = try report.report()
        let id = try report.requireID()
        let feedback = try await FeedbackResponse.list(reportIDs: [id], on: req.db)
        let back: HTML = "<p><a href=\"\(PagePath.project(report.projectID))#reports\">\(c.t("action.backToProject"))</a> · \(project.name)</p>"
        guard !report.isPublished else {
            return Layout.page(
                c, title: c.t("report.title"),
                """
                \(back)<article class="card report" id="report">\(ReportView.render(c, content, number: report.number))
                <p class="muted">\(c.t("report.published", report.publishedAt.map { c.date($0, in: project.timeZone) } ?? "")) · \
                \(c.t("report.contentHash")) <code id="report-hash">\(report.contentHash ?? "")</code></p></article>
                <section class="card" id="report-feedback"><h2>\(c.t("report.feedback"))</h2>\(ReportView.feedback(c, feedback, timeZone: project.timeZone))</section>
                """)
        }
        let f = FormFields(c, "edit-report", form)
        let hint: HTML = " <small>\(c.t("report.linesHint"))</small>"
        let sections: [HTML] = ReportRenderer.order.map { section in
            f.textarea(
                section.rawValue, label: c.t("report.section.\(section.rawValue)"), hint: hint,
                value: content[section].map(\.title).joined(separator: "\n"), rows: max(2, min(10, content[section].count + 1)))
        }
        let healthOptions: [HTML] = ReportHealth.allCases.map { health in
            "<option value=\"\(health.rawValue)\"\(flag: "selected", f.value("health", content.health.rawValue) == health.rawValue)>\(c.t("report.health.\(health.rawValue)"))</option>"
        }
        return FormState.page(
            c, title: c.t("report.title"), form: form,
            """
            \(back)<section class="card" id="report-edit"><h1>\(c.t("report.title")) · \(c.t("report.draft"))</h1>
            <p class="muted">\(c.t("report.period")) \(content.periodStart) – \(content.periodEnd)</p>
            \(c.form(action: "\(PagePath.statusReport(id))", id: "edit-report", """
              <label>\(c.t("report.health"))<select name="health"\(f.attributes("health"))>\(healthOptions)</select></label>\(f.error("health"))
              \(f.input("healthReason", label: c.t("report.healthReason"), value: content.healthReason, "maxlength=\"500\""))
              \(f.textarea("summary", label: c.t("report.summary"), value: content.summary, rows: 3))
              \(sections)
              <button type="submit" id="save-report">\(c.t("report.save"))</button>
            """))
            \(c.form(action: "\(PagePath.statusReportPublish(id))", id: "publish-report", "<button type=\"submit\" id=\"publish-button\">\(c.t("report.publish"))</button>"))
            </section>
            <article class="card report" id="report">\(ReportView.render(c, content, number: nil))</article>
            """)
    }

    @Sendable func save(req: Request) async throws -> Response {
        let report = try await req.authorizedReport()
        do {
            let form = try FormInput.decode(EditForm.self, from: req)
            let input = UpdateStatusReportRequest(
                summary: form.summary, health: form.health, healthReason: form.healthReason, done: form.done.map(FormInput.lines),
                inProgress: form.inProgress.map(FormInput.lines), next: form.next.map(FormInput.lines), risks: form.risks.map(FormInput.lines),
                concerns: form.concerns.map(FormInput.lines), changes: form.changes.map(FormInput.lines))
            _ = try await StatusReportActions.update(report, input, in: req.context)
            return Layout.redirect("\(PagePath.statusReport(try report.requireID()))")
        } catch {
            return try await Self.page(req, report: report, form: try req.refusal(of: error, form: "edit-report"))
        }
    }

    struct PublishForm: Decodable {
        var confirmed: String?
    }

    /// The first press asks (naming who gets it); the confirmed one publishes and sends.
    @Sendable func publish(req: Request) async throws -> Response {
        let report = try await req.authorizedReport()
        let id = try report.requireID()
        let form = try FormInput.decode(PublishForm.self, from: req)
        guard FormInput.checked(form.confirmed) else {
            guard !report.isPublished else { throw DomainError.conflict("this status report is already published") }
            let c = try await PageContext.make(req)
            let recipients = try await StatusReportStore.recipients(projectID: report.projectID, on: req.db).map { "\($0.name) <\($0.email)>" }
            let number = try await StatusReportStore.nextNumber(projectID: report.projectID, on: req.db)
            return Layout.page(
                c, title: c.t("confirm.title"),
                """
                <section class="card narrow" role="dialog" aria-labelledby="publish-h"><h1 id="publish-h">\(c.t("confirm.title"))</h1>
                <p>\(c.t("report.publishQuestion", String(number), recipients.isEmpty ? c.t("report.publishNobody") : recipients.joined(separator: ", ")))</p>
                \(c.form(action: "\(PagePath.statusReportPublish(id))", id: "confirm-publish", """
                  <input type="hidden" name="confirmed" value="1"><button type="submit" id="confirm-publish-button">\(c.t("report.publishConfirm"))</button>
                """))<p><a href="\(PagePath.statusReport(id))">\(c.t("action.cancel"))</a></p></section>
                """)
        }
        _ = try await StatusReportActions.publish(report, in: req.context)
        return Layout.redirect("\(PagePath.statusReport(id))")
    }
}
