import Foundation

/// The rule a route declares; `AccessPolicy` decides it for every principal.
public enum AccessRule: String, CaseIterable, Sendable {
    /// Anyone, signed in or not.
    case open
    /// Any signed-in principal.
    case signedIn
    /// Any team member.
    case member
    /// Owners and managers.
    case manager
    /// The owner only.
    case owner
    /// Owners and managers, for what contacts must not learn exists (the delivery log): members 403, contacts 404.
    case teamLog
    /// Customer contacts only (the portal's own pages).
    case contact
    /// Team members of the target project (contacts may know it but not act: 403).
    case projectTeam
    /// Owners and managers, on a project.
    case projectManage
    /// Members, and contacts invited to the project, for customer-visible objects.
    case projectView
    /// Contacts with the right to approve on the project.
    case projectApprove
    /// Members and approving contacts: the project's audit trail.
    case projectAudit
    /// Contacts invited to the project, approving or not, on customer-visible objects (members 403): their own
    /// answers, such as feedback on a report, and confirming a meeting's minutes, which record what both sides said.
    case projectContact

    /// Whether the rule is decided against a project (and so needs the target loaded first).
    public var needsProject: Bool {
        switch self {
        case .projectTeam, .projectManage, .projectView, .projectApprove, .projectAudit, .projectContact: true
        default: false
        }
    }
}

/// The outcome of a check; hidden things are `notFound`, never `forbidden`.
public enum AccessDecision: Equatable, Sendable {
    case allow, unauthenticated, forbidden, notFound
}

/// What a project-scoped rule is decided against.
public struct AccessTarget: Sendable, CustomerVisible {
    public var projectID: UUID
    /// False for anything the team has not made customer-visible (children inherit from parents).
    public var visibleToCustomer: Bool

    public init(projectID: UUID, visibleToCustomer: Bool = true) {
        self.projectID = projectID
        self.visibleToCustomer = visibleToCustomer
    }
}
