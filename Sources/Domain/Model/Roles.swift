import Foundation

/// A team member's role in the workspace.
public enum MemberRole: String, CaseIterable, Codable, Sendable {
    case owner, manager, member

    /// Owners and managers create customers, projects and invitations.
    public var canManage: Bool { self != .member }
}

/// The channel a contact prefers to be reached on.
public enum ContactChannel: String, CaseIterable, Codable, Sendable {
    case email, wechat, wecom, dingtalk, feishu, slack, teams, phone
}

/// planning → active ⇄ on hold → closed; `ProjectLifecycle` holds the allowed moves.
public enum ProjectStatus: String, CaseIterable, Codable, Sendable {
    case planning, active
    case onHold = "on_hold"
    case closed
}

public enum WorkItemStatus: String, CaseIterable, Codable, Sendable {
    case todo, doing, done, blocked
}
