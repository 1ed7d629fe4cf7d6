import Foundation

/// Who may change which part of a team member, decided once for the API and the pages.
///
/// - A member (role `member`) may change only themselves, and only name, language and password.
/// - A manager may change members and managers (themselves included) but never make anyone an owner nor
///   touch an owner: otherwise a manager could take the workspace away from the people who own it.
/// - An owner may change anyone.
/// - The workspace keeps at least one active owner: demoting or deactivating the last one is a conflict.
public enum MemberChangeRule {
    public struct Change: Sendable {
        public var role: MemberRole?
        public var active: Bool?
        /// Whether name, language or password change (allowed to whoever may change the member at all).
        public var touchesProfile: Bool

        public init(role: MemberRole?, active: Bool?, touchesProfile: Bool) {
            self.role = role
            self.active = active
            self.touchesProfile = touchesProfile
        }
    }

    public struct Person: Sendable {
        public var id: UUID
        public var role: MemberRole
        public var active: Bool

        public init(id: UUID, role: MemberRole, active: Bool) {
            self.id = id
            self.role = role
            self.active = active
        }
    }

    /// Throws `forbidden` when `actor` may not make `change` to `target`, `conflict` when it would leave
    /// the workspace without an active owner (`activeOwners` counts the target if it is one).
    public static func check(_ change: Change, by actor: Person, on target: Person, activeOwners: Int) throws {
        let isSelf = actor.id == target.id
        switch actor.role {
        case .member:
            guard isSelf, change.role == nil, change.active == nil else { throw DomainError.forbidden }
        case .manager:
            guard target.role != .owner, change.role != .owner else { throw DomainError.forbidden }
        case .owner:
            break
        }
        let staysActiveOwner = (change.role ?? target.role) == .owner && (change.active ?? target.active)
        if target.role == .owner, target.active, !staysActiveOwner, activeOwners <= 1 {
            throw DomainError.conflict("the workspace needs at least one active owner; make someone else owner first")
        }
    }
}
