import Domain
import Foundation

/// A project's thread as a chat: oldest at the top, the newest just above the form (where chat users look), each
/// message's Markdown rendered by `Markdown.html` (which escapes every raw character first).
enum MessageThreadView {
    /// How many of the newest messages a page shows; older ones stay readable through the API's pages.
    static let shown = 200

    static func thread(_ c: PageContext, _ newestFirst: [Message], timeZone: String, team: Bool) -> HTML {
        guard !newestFirst.isEmpty else { return "<p class=\"empty\">\(c.t("messages.none"))</p>" }
        let items: [HTML] = newestFirst.reversed().enumerated().map { offset, message in
            let isLast = offset == newestFirst.count - 1
            let internalTag: HTML =
                team && message.visibility == .internal
                ? "<span class=\"tag\">\(c.t("messages.internalTag"))</span> "
                : (team ? "<span class=\"tag customer-visible\">\(c.t("messages.customerTag"))</span> " : .empty)
            let side = message.authorKind == .contact ? "from-customer" : "from-team"
            return """
                <li class="message \(side)\(message.visibility == .internal ? " internal" : "")" id="\(isLast ? "latest" : "m-\(message.id.uuidString)")">\
                <p class="meta">\(internalTag)<strong>\(message.authorName)</strong> \
                <time datetime="\(ISO8601DateFormatter().string(from: message.createdAt))">\(ActivityView.local(message.createdAt, timeZone: timeZone))</time></p>\
                <div class="message-body">\(HTML(raw: Markdown.html(message.body)))</div></li>
                """
        }
        let more: HTML = newestFirst.count >= shown ? "<p class=\"hint\">\(c.t("messages.olderInAPI", String(shown)))</p>" : .empty
        return "\(more)<ol class=\"thread\">\(items)</ol>"
    }

    /// The form under the thread. The team chooses the visibility (internal by default, the customer-visible choice
    /// marked as such); the portal's form always posts customer-visible.
    static func form(_ c: PageContext, action: PagePath, form: FormState?, team: Bool) -> HTML {
        let f = FormFields(c, "message", form)
        let visibility: HTML
        if team {
            let chosen = f.value("visibility", Message.Visibility.internal.rawValue)
            visibility = """
                <fieldset class="visibility"\(f.rule("visibility") != nil ? " aria-invalid=\"true\"" as HTML : .empty)>\
                <legend>\(c.t("messages.visibility"))</legend>\
                <label class="check"><input type="radio" name="visibility" value="internal" id="message-visibility"\(flag: "checked", chosen != "customer")> \
                \(c.t("messages.visibility.internal"))</label>\
                <label class="check customer-visible"><input type="radio" name="visibility" value="customer"\(flag: "checked", chosen == "customer")> \
                <span aria-hidden="true">👁 </span><strong>\(c.t("messages.visibility.customer"))</strong></label>\(f.error("visibility"))</fieldset>
                """
        } else {
            visibility = "<input type=\"hidden\" name=\"visibility\" value=\"customer\">"
        }
        return c.form(
            action: action.description, id: "message-form",
            """
            \(f.textarea("body", label: c.t("messages.body"), hint: " <span class=\"hint\">\(c.t("messages.markdownHelp"))</span>", rows: 4, "required maxlength=\"\(Message.maxBodyLength)\""))\
            \(visibility)<button type="submit">\(c.t("messages.send"))</button>
            """)
    }

    /// Whom a customer-visible message reaches and how, and whom it cannot reach (phone, WeChat): the team tells them.
    static func reach(_ c: PageContext, _ contacts: [Contact]) -> HTML {
        guard !contacts.isEmpty else { return "<p class=\"hint\" id=\"message-reach\">\(c.t("messages.reachNobody"))</p>" }
        func named(_ contact: Contact) -> String { "\(contact.name) (\(c.t("channel.\((contact.preferredChannel ?? .email).rawValue)")))" }
        let reached = contacts.filter { MessageDelivery.route($0.preferredChannel) != .notSent }.map(named)
        let missed = contacts.filter { MessageDelivery.route($0.preferredChannel) == .notSent }.map(named)
        let separator = c.language == .zhHans ? "、" : ", "
        var parts: [String] = []
        if !reached.isEmpty { parts.append(c.t("messages.reach", reached.joined(separator: separator))) }
        if !missed.isEmpty { parts.append(c.t("messages.notSent", missed.joined(separator: separator))) }
        return "<p class=\"hint\" id=\"message-reach\">\(parts.joined(separator: " "))</p>"
    }
}
