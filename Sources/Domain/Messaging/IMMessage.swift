import Foundation

/// The IM platforms a project can post to: the group robots of WeCom, DingTalk and Feishu/Lark, Slack's and Teams'
/// incoming webhooks (Teams: Workflows only), and a generic signed JSON webhook.
public enum IMKind: String, Sendable, CaseIterable, Codable {
    case slack, teams, wecom, dingtalk, feishu, webhook
}

/// Who an integration's chat is for: the customer's group chat (reports, customer-visible news) or the team's own.
public enum IMAudience: String, Sendable, CaseIterable, Codable {
    case customer, team
}

/// One message for a chat, already in its readers' language. `lines` are light Markdown: `**bold**`,
/// `[text](https://…)`, `- ` bullets and `\` before a character that is meant literally (`IMText.literal` writes it).
public struct IMMessage: Sendable, Equatable {
    public var title: String
    public var lines: [String]
    public var link: String?
    public var linkText: String?

    public init(title: String, lines: [String], link: String? = nil, linkText: String? = nil) {
        self.title = title
        self.lines = lines
        self.link = link
        self.linkText = linkText
    }
}

/// What the generic webhook's body names besides the message (and what makes a delivery recognisable).
public struct IMEnvelope: Sendable, Equatable {
    public var event: String
    public var idempotencyKey: String
    public var projectID: UUID

    public init(event: String, idempotencyKey: String, projectID: UUID) {
        self.event = event
        self.idempotencyKey = idempotencyKey
        self.projectID = projectID
    }
}
