import Foundation

/// The one place that answers "may this principal see or do this".
public enum AccessPolicy {
    /// Decides a rule that needs no project (`rule.needsProject == false`), or the principal-only
    /// part of a project rule (so anonymous callers are turned away before anything is loaded).
    public static func decide(_ rule: AccessRule, for principal: Principal) -> AccessDecision {
        switch (rule, principal) {
        case (.open, _):
            return .allow
        case (_, .anonymous):
            return .unauthenticated
        case (.signedIn, _):
            return .allow
        case (.member, .member):
            return .allow
        case (.manager, .member(_, let role)):
            return role.canManage ? .allow : .forbidden
        case (.teamLog, .member(_, let role)):
            return role.canManage ? .allow : .forbidden
        case (.teamLog, .contact):
            return .notFound
        case (.owner, .member(_, let role)):
            return role == .owner ? .allow : .forbidden
        case (.contact, .contact):
            return .allow
        case (.member, .contact), (.manager, .contact), (.owner, .contact), (.contact, .member):
            return .forbidden
        case (.projectTeam, _), (.projectManage, _), (.projectView, _), (.projectApprove, _), (.projectAudit, _), (.projectContact, _):
            return .allow
        }
    }

    /// Decides a project rule against a loaded target.
    public static func decide(_ rule: AccessRule, for principal: Principal, on target: AccessTarget) -> AccessDecision {
        let coarse = decide(rule, for: principal)
        guard coarse == .allow, rule.needsProject else { return coarse }
        switch principal {
        case .anonymous:
            return .unauthenticated
        case .member(_, let role):
            switch rule {
            case .projectManage: return role.canManage ? .allow : .forbidden
            case .projectApprove, .projectContact: return .forbidden
            default: return .allow
            }
        case .contact(_, let grants):
            guard contactSees(target, projectID: target.projectID, grants: grants), let canApprove = grants[target.projectID] else {
                return .notFound
            }
            switch rule {
            case .projectView, .projectContact: return .allow
            case .projectApprove, .projectAudit: return canApprove ? .allow : .forbidden
            default: return .forbidden
            }
        }
    }

    /// Whether a contact may see an object at all (used to filter lists the same way as single reads).
    public static func contactSees(_ object: some CustomerVisible, projectID: UUID, grants: [UUID: Bool]) -> Bool {
        grants[projectID] != nil && customerSees(object)
    }

    /// The one visibility rule for what a customer is shown: only what the team marked customer-visible,
    /// and children inherit (a deliverable is shown when its milestone is). Every list, chart and page a
    /// customer gets goes through it; stores apply the same rule in SQL where a page of a list is read.
    public static func customerSees(_ object: some CustomerVisible) -> Bool { object.visibleToCustomer }

    /// `objects` as the viewer is shown them: all for the team, the customer-visible ones for a customer.
    public static func shown<T: CustomerVisible>(_ objects: [T], toCustomer: Bool) -> [T] {
        toCustomer ? objects.filter(customerSees) : objects
    }
}
