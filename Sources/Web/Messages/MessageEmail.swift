import Domain
import Foundation

/// A customer-visible team message as an e-mail (in the recipient contact's language) and as an IM post (in the
/// customer's language). The message's own text never goes through the catalogue's `{n}` slots, so a body that
/// happens to contain `{1}` stays as written.
enum MessageEmail {
    static func render(_ message: Message, project: String, workspace: String, url: String, language: Language, catalogue: Catalogue)
        -> Emails.Rendered
    {
        let subject = catalogue.text("mail.message.subject", language, [workspace, project])
        let intro = catalogue.text("mail.message.intro", language, [message.authorName, project])
        let footer = catalogue.text("mail.message.reply", language)
        let button = catalogue.text("mail.message.button", language)
        let text = "\(intro)\n\n\(Markdown.plainText(message.body))\n\n\(footer)\n\(url)"
        let link = HTML.escape(url)
        let html = """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)"><head><meta charset="utf-8"><title>\(HTML.escape(subject))</title></head>
            <body style="font-family: sans-serif; line-height: 1.5; max-width: 36em">
            <p>\(HTML.escape(intro))</p>
            <div style="border-left: 3px solid #cbd5e1; padding-left: 1em">\(Markdown.html(message.body))</div>
            <p>\(HTML.escape(footer)) <a href="\(link)">\(link)</a></p>
            <p><a href="\(link)" style="display: inline-block; padding: 0.6em 1.2em; background: #1d4ed8; color: #fff; \
            text-decoration: none; border-radius: 4px">\(HTML.escape(button))</a></p>
            </body></html>
            """
        return Emails.Rendered(subject: subject, text: text, html: html)
    }

    static func imPost(_ message: Message, project: String, url: String, language: Language, catalogue: Catalogue) -> IMPost {
        IMPost(
            title: catalogue.text("im.message.title", language, [message.authorName, project]),
            lines: Markdown.imLines(message.body), link: url,
            linkText: catalogue.text("mail.message.button", language))
    }
}
