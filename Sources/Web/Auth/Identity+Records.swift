import Domain
import Foundation
import Persistence

extension Identity {
    /// Acting as a member without a credential (the command line, jobs).
    static func member(_ record: MemberRecord) throws -> Identity {
        Identity(
            principal: .member(id: try record.requireID(), role: record.role),
            name: record.name, email: record.email, language: record.language,
            credentialID: nil, csrfToken: nil, workspaceID: record.workspaceID)
    }

    /// Acting as a contact with the given project grants, without a credential.
    static func contact(_ record: ContactRecord, grants: [UUID: Bool]) throws -> Identity {
        Identity(
            principal: .contact(id: try record.requireID(), grants: grants), name: record.name, email: record.email,
            language: record.language, credentialID: nil, csrfToken: nil)
    }
}
