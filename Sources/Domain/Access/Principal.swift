import Foundation

/// Who is asking: a team member, a customer contact with their project grants, or nobody.
public enum Principal: Sendable, Equatable {
    case anonymous
    case member(id: UUID, role: MemberRole)
    /// `grants` maps each project the contact was invited to onto whether they may approve there.
    case contact(id: UUID, grants: [UUID: Bool])
}
