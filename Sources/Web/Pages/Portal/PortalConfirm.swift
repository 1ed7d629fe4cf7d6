import Domain
import Foundation

/// The one confirmation before a sign-off or an acceptance, without JavaScript: the first submit shows this
/// page, whose button sends the same form again with `confirm=yes`. No script shortcut on purpose: one path
/// for every browser, and the page shows the comment being confirmed, which a native dialog would not.
enum PortalConfirm {
    struct Form: Decodable {
        var comment: String?
        var confirm: String?

        var confirmed: Bool { confirm == "yes" }
    }

    /// `question` says what is decided; `button` is the second, final submit; `back` returns to the portal page.
    static func render(_ c: PageContext, action: String, question: String, button: String, comment: String?, back: String) -> HTML {
        let kept: HTML = comment.map { "<input type=\"hidden\" name=\"comment\" value=\"\($0)\">" } ?? .empty
        let quoted: HTML = comment.flatMap { $0.isEmpty ? nil : "<blockquote>\($0)</blockquote>" as HTML } ?? .empty
        return """
            <div class="portal"><section class="card confirm" id="confirm"><h1>\(c.t("portal.confirmTitle"))</h1>\
            <p>\(question)</p>\(quoted)<p class="muted">\(c.t("portal.confirmRecorded"))</p>\
            \(c.form(action: action, id: "confirm-form", """
            \(kept)<input type="hidden" name="confirm" value="yes">\
            <button type="submit" id="confirm-yes">\(button)</button> <a class="button secondary" href="\(url: back)">\(c.t("portal.cancel"))</a>
            """))</section></div>
            """
    }
}
