import Domain
import Foundation
import Persistence
import Vapor

/// The e-mail and the chat post of a published report, each in its reader's language: the report as plain HTML
/// tables and text, a link to it in the portal, and the reader's own one-click "looks good" / "I have a question" links.
struct ReportMail {
    let ctx: ActionContext
    let reportID: UUID
    let number: Int
    let content: ReportContent
    let workspace: String
    let now: Date

    var catalogue: Catalogue { ctx.services.catalogue }
    var baseURL: String { ctx.config.baseURL.absoluteString }
    var portalURL: String { baseURL + PagePath.portalStatusReport(reportID).description }

    func link(_ kind: FeedbackKind, contactID: UUID) -> String {
        let token = FeedbackLink(reportID: reportID, contactID: contactID, kind: kind, expires: now.addingTimeInterval(FeedbackLink.lifetime))
            .token(key: FeedbackLinks.key(ctx.services))
        return baseURL + PagePath.feedbackLink(token).description
    }

    func render(for contact: ContactRecord) -> Emails.Rendered {
        let language = contact.language
        let labels = ReportLabels.make(catalogue, language)
        let contactID = contact.id ?? UUID()
        let looksGood = link(.acknowledge, contactID: contactID)
        let question = link(.question, contactID: contactID)
        let subject = catalogue.text("mail.report.subject", language, [workspace, String(number), content.projectName])
        let intro = catalogue.text("mail.report.intro", language, [contact.name, workspace, String(number), content.projectName])
        let text = """
            \(intro)

            \(ReportRenderer.text(content, labels))
            \(catalogue.text("mail.report.portal", language)): \(portalURL)

            \(catalogue.text("mail.report.looksGood", language)): \(looksGood)
            \(catalogue.text("mail.report.question", language)): \(question)
            """
        let button = "display:inline-block;padding:0.6em 1.2em;margin:0 0.5em 0.5em 0;color:#fff;text-decoration:none;border-radius:4px"
        let html = """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)"><head><meta charset="utf-8"><title>\(HTML.escape(subject))</title></head>
            <body style="font-family: sans-serif; line-height: 1.5; max-width: 40em">
            <p>\(HTML.escape(intro))</p>
            <h1 style="font-size:1.3em">\(HTML.escape(labels.title)) #\(number) · \(HTML.escape(content.projectName))</h1>
            <p>\(HTML.escape(labels.period)): \(HTML.escape(content.periodStart)) – \(HTML.escape(content.periodEnd))</p>
            \(ReportRenderer.htmlTables(content, labels))
            <p><a href="\(HTML.escape(portalURL))">\(HTML.escape(catalogue.text("mail.report.portal", language)))</a></p>
            <p><a href="\(HTML.escape(looksGood))" style="\(button);background:#15803d">\(HTML.escape(catalogue.text("mail.report.looksGood", language)))</a>\
            <a href="\(HTML.escape(question))" style="\(button);background:#1d4ed8">\(HTML.escape(catalogue.text("mail.report.question", language)))</a></p>
            </body></html>
            """
        return Emails.Rendered(subject: subject, text: text, html: html)
    }

    /// The post for the customer's group chats, in the customer's language.
    func imPost(language: Language) -> IMPost {
        let labels = ReportLabels.make(catalogue, language)
        var lines = [
            "**\(labels.health[content.health] ?? content.health.rawValue)**: \(content.healthReason)", content.summary,
        ]
        for section in [ReportContent.Section.done, .inProgress, .next] where !content[section].isEmpty {
            lines.append("**\(labels.sections[section] ?? section.rawValue)**")
            lines += content[section].prefix(10).map { "- \($0.title)" }
        }
        return IMPost(
            title: "\(labels.title) #\(number) · \(content.projectName)", lines: lines, link: portalURL,
            linkText: catalogue.text("mail.report.portal", language))
    }
}

extension ReportLabels {
    /// The labels in `language`, from the catalogue (`report.*`).
    static func make(_ catalogue: Catalogue, _ language: Language) -> ReportLabels {
        func t(_ key: String) -> String { catalogue.text(key, language) }
        return ReportLabels(
            title: t("report.title"), period: t("report.period"),
            health: Dictionary(uniqueKeysWithValues: ReportHealth.allCases.map { ($0, t("report.health.\($0.rawValue)")) }),
            sections: Dictionary(uniqueKeysWithValues: ReportContent.Section.allCases.map { ($0, t("report.section.\($0.rawValue)")) }),
            milestones: t("report.milestones"), waiting: t("report.waiting"), item: t("report.item"), progress: t("field.progress"),
            date: t("report.date"), dueDate: t("field.dueDate"), forecast: t("report.forecast"), slip: t("report.slip"),
            submitted: t("report.submitted"), waitingDays: t("report.waitingDays"), none: t("report.none"))
    }
}

/// The key the one-click links are signed with: this use's own, derived from the app's secret.
enum FeedbackLinks {
    static func key(_ services: TandemServices) -> SymmetricKey { services.secretKey.derived("tandem feedback links v1") }
}
