import Domain
import Fluent
import Foundation

/// Who takes part in a project's meetings, for the invitation.
public enum MeetingPeopleStore {
    /// The active contacts invited to the project, by name, each in their own language.
    public static func contacts(projectID: UUID, on db: any Database) async throws -> [MeetingInvitees.Person] {
        let links = try await ProjectContactRecord.query(on: db).filter(\.$projectID == projectID).all()
        guard !links.isEmpty else { return [] }
        let contacts = try await ContactRecord.query(on: db).filter(\.$id ~~ links.map(\.contactID)).filter(\.$active == true)
            .sort(\.$name).all()
        return contacts.map { MeetingInvitees.Person(name: $0.name, email: $0.email, language: $0.language) }
    }

    /// The member who organises: the one named by `actor` (`member:<id>`) when active, else an owner of the workspace.
    public static func organizer(actor: String, workspaceID: UUID, on db: any Database) async throws -> MeetingInvitees.Person? {
        if actor.hasPrefix("member:"), let id = UUID(uuidString: String(actor.dropFirst(7))), let member = try await MemberRecord.find(id, on: db),
            member.active, member.workspaceID == workspaceID
        {
            return MeetingInvitees.Person(name: member.name, email: member.email, language: member.language)
        }
        let owner = try await MemberRecord.query(on: db).filter(\.$workspaceID == workspaceID).filter(\.$role == .owner)
            .filter(\.$active == true).sort(\.$createdAt).first()
        return owner.map { MeetingInvitees.Person(name: $0.name, email: $0.email, language: $0.language) }
    }
}
