import Domain
import Fluent
import Foundation
import Persistence

/// The e-mails Tandem writes, rendered in the RECIPIENT's language and naming the workspace (the agency) that sends
/// them: a subject, the plain text, and simple HTML with the link as a link.
enum Emails {
    struct Rendered: Sendable, Equatable {
        var subject: String
        var text: String
        var html: String
    }

    static func signInLink(name: String, workspace: String, url: String, language: Language, catalogue: Catalogue) -> Rendered {
        render(
            subject: catalogue.text("mail.signInLink.subject", language, [workspace]),
            text: catalogue.text("mail.signInLink.body", language, [name, workspace, url]), url: url,
            button: catalogue.text("mail.signInLink.button", language), language: language)
    }

    static func invitation(name: String, workspace: String, project: String, url: String, language: Language, catalogue: Catalogue) -> Rendered {
        render(
            subject: catalogue.text("mail.invitation.subject", language, [workspace, project]),
            text: catalogue.text("mail.invitation.body", language, [name, workspace, project, url]), url: url,
            button: catalogue.text("mail.invitation.button", language), language: language)
    }

    static func colleague(workspace: String, url: String, language: Language, catalogue: Catalogue) -> Rendered {
        render(
            subject: catalogue.text("mail.colleague.subject", language, [workspace]),
            text: catalogue.text("mail.colleague.body", language, [workspace, url]), url: url,
            button: catalogue.text("mail.colleague.button", language), language: language)
    }

    /// The text's paragraphs (blank-line separated) as `<p>`s, the link a link, and a button to it.
    static func render(subject: String, text: String, url: String, button: String, language: Language) -> Rendered {
        let escapedURL = HTML.escape(url)
        let paragraphs = text.components(separatedBy: "\n\n").map { paragraph in
            let body = HTML.escape(paragraph).replacingOccurrences(of: escapedURL, with: "<a href=\"\(escapedURL)\">\(escapedURL)</a>")
            return "<p>\(body.replacingOccurrences(of: "\n", with: "<br>"))</p>"
        }
        let html = """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)"><head><meta charset="utf-8"><title>\(HTML.escape(subject))</title></head>
            <body style="font-family: sans-serif; line-height: 1.5; max-width: 36em">
            \(paragraphs.joined(separator: "\n"))
            <p><a href="\(escapedURL)" style="display: inline-block; padding: 0.6em 1.2em; background: #1d4ed8; color: #fff; \
            text-decoration: none; border-radius: 4px">\(HTML.escape(button))</a></p>
            </body></html>
            """
        return Rendered(subject: subject, text: text, html: html)
    }

    /// The workspace a contact belongs to (through their customer), and its name.
    static func workspace(of contact: ContactRecord, on db: any Database) async throws -> WorkspaceRecord? {
        guard let customer = try await CustomerRecord.find(contact.customerID, on: db) else { return nil }
        return try await WorkspaceRecord.find(customer.workspaceID, on: db)
    }
}
