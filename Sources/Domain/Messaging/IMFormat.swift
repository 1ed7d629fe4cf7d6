import Foundation

/// Each platform's JSON body for a message, made once when the message is queued (what was sent is fixed);
/// the signature is added at delivery (`IMSigning`), since it carries the time of sending.
public enum IMFormat {
    /// The largest body (UTF-8 bytes) each platform takes, with room to spare for what delivery adds (Feishu's
    /// `timestamp` and `sign`). WeCom counts its markdown `content` (4096 bytes), Slack a section's text (3000
    /// characters; counted here in bytes, which is never fewer), Feishu the whole request (20 KB), DingTalk the
    /// message (20,000 bytes), Teams the card (28 KB).
    public static func textLimit(_ kind: IMKind) -> Int {
        switch kind {
        case .wecom: 4096
        case .slack: 3000
        case .teams: 24_000
        case .dingtalk: 18_000
        case .feishu: 18_000
        case .webhook: 60_000
        }
    }

    /// The whole body's limit, where a platform has one beyond its text.
    static func bodyLimit(_ kind: IMKind) -> Int? {
        switch kind {
        case .feishu: 19_500
        case .dingtalk: 19_500
        case .teams: 27_000
        default: nil
        }
    }

    /// The JSON body `kind` renders well; within the platform's limits (the text is cut on a character
    /// boundary with "…" when it would not fit).
    public static func body(_ kind: IMKind, _ message: IMMessage, envelope: IMEnvelope) -> String {
        var budget = textLimit(kind)
        while true {
            let body = render(kind, message, envelope: envelope, textBudget: budget)
            guard let limit = bodyLimit(kind), body.utf8.count > limit, budget > 64 else { return body }
            budget -= max(body.utf8.count - limit, 16)
        }
    }

    static func render(_ kind: IMKind, _ message: IMMessage, envelope: IMEnvelope, textBudget: Int) -> String {
        let title = IMText.truncated(message.title.replacingOccurrences(of: "\n", with: " "), maxBytes: 200)
        let link = message.link.flatMap { isWebLink($0) ? $0 : nil }
        let linkText = IMText.truncated(message.linkText ?? "Open", maxBytes: 60)
        func text(_ style: MarkupStyle, titled: Bool, linkLine: Bool) -> String {
            var lines = message.lines.map { LightMarkdown.render($0, style) }
            if titled { lines.insert(style.bold(LightMarkdown.render(IMText.literal(title), style)), at: 0) }
            var joined = IMText.truncated(lines.joined(separator: "\n"), maxBytes: textBudget)
            if linkLine, let link {
                let tail = "\n\n" + style.link(LightMarkdown.render(IMText.literal(linkText), style), link)
                joined = IMText.truncated(lines.joined(separator: "\n"), maxBytes: max(textBudget - tail.utf8.count, 0)) + tail
            }
            return joined
        }
        let object: [String: Any]
        switch kind {
        case .slack:
            var blocks: [[String: Any]] = [
                ["type": "section", "text": ["type": "mrkdwn", "text": text(.slack, titled: true, linkLine: false)]]
            ]
            if let link {
                blocks.append([
                    "type": "actions",
                    "elements": [["type": "button", "text": ["type": "plain_text", "text": linkText], "url": link]],
                ])
            }
            object = ["text": title, "blocks": blocks]
        case .teams:
            var card: [String: Any] = [
                "$schema": "http://adaptivecards.io/schemas/adaptive-card.json", "type": "AdaptiveCard", "version": "1.4",
                "body": [
                    ["type": "TextBlock", "text": title, "weight": "Bolder", "size": "Medium", "wrap": true],
                    ["type": "TextBlock", "text": text(.markdown, titled: false, linkLine: false), "wrap": true],
                ],
            ]
            if let link { card["actions"] = [["type": "Action.OpenUrl", "title": linkText, "url": link]] }
            object = ["type": "message", "attachments": [["contentType": "application/vnd.microsoft.card.adaptive", "content": card]]]
        case .wecom:
            object = ["msgtype": "markdown", "markdown": ["content": text(.markdown, titled: true, linkLine: true)]]
        case .dingtalk:
            object = ["msgtype": "markdown", "markdown": ["title": title, "text": text(.markdown, titled: true, linkLine: true)]]
        case .feishu:
            var elements: [[String: Any]] = [["tag": "div", "text": ["tag": "lark_md", "content": text(.markdown, titled: false, linkLine: false)]]]
            if let link {
                elements.append([
                    "tag": "action",
                    "actions": [["tag": "button", "text": ["tag": "plain_text", "content": linkText], "type": "primary", "url": link]],
                ])
            }
            object = [
                "msg_type": "interactive",
                "card": ["header": ["title": ["tag": "plain_text", "content": title]], "elements": elements],
            ]
        case .webhook:
            var lines: [String] = []
            var used = 0
            for line in message.lines {
                let cut = IMText.truncated(line, maxBytes: max(textBudget - used, 0))
                if cut.isEmpty { break }
                lines.append(cut)
                used += cut.utf8.count
                if cut != line { break }
            }
            object = [
                "event": envelope.event, "idempotencyKey": envelope.idempotencyKey, "projectId": envelope.projectID.uuidString.lowercased(),
                "title": title, "lines": lines, "link": link ?? NSNull(),
            ]
        }
        return json(object)
    }

    static func json(_ object: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func isWebLink(_ text: String) -> Bool {
        let lower = text.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://")) && !text.contains(where: { $0.isWhitespace })
    }
}
