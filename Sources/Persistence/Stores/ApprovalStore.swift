import Domain
import Fluent
import Foundation
import SQLKit

/// Who may approve for a customer: the contacts with the right on a project, and whether a customer has any yet.
public enum ApprovalStore {
    /// Names of the contacts who may approve on the project, by name (shown to contacts who may not).
    public static func approverNames(projectID: UUID, on db: any Database) async throws -> [String] {
        let sql = db as! any SQLDatabase
        let rows = try await sql.select().column(SQLColumn("name", table: "contacts")).from("contacts")
            .join("project_contacts", on: SQLColumn("contact_id", table: "project_contacts"), .equal, SQLColumn("id", table: "contacts"))
            .where(SQLColumn("project_id", table: "project_contacts"), .equal, SQLBind(projectID))
            .where(SQLColumn("can_approve", table: "project_contacts"), .equal, SQLBind(true))
            .orderBy(SQLColumn("name", table: "contacts")).all()
        return try rows.map { try $0.decode(column: "name", as: String.self) }
    }

    /// Whether any contact of the customer may approve somewhere, or holds a still-usable invitation that
    /// would let them: if not, the next invitation's "may approve" starts ticked.
    public static func customerHasApprover(customerID: UUID, now: Date, on db: any Database) async throws -> Bool {
        let contactIDs = try await ContactRecord.query(on: db).filter(\.$customerID == customerID).all().map { try $0.requireID() }
        guard !contactIDs.isEmpty else { return false }
        if try await ProjectContactRecord.query(on: db).filter(\.$contactID ~~ contactIDs).filter(\.$canApprove == true).first() != nil {
            return true
        }
        return try await AccessLinkRecord.query(on: db).filter(\.$contactID ~~ contactIDs).filter(\.$canApprove == true)
            .filter(\.$usedAt == nil).filter(\.$expiresAt > now).first() != nil
    }
}
