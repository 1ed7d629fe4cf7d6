import Domain
import Fluent
import Foundation
import SQLKit

/// Contacts looked up by e-mail address: one address is one person per workspace.
public enum ContactStore {
    /// Whether another contact of the workspace already uses `email` (stored lower-cased and trimmed).
    /// Call it inside the write transaction that creates the contact; on PostgreSQL it first takes a
    /// lock per workspace, so two instances can't both find the address free.
    public static func emailTaken(
        _ email: String, workspaceID: UUID, excluding contactID: UUID? = nil,
        on db: any Database
    ) async throws -> Bool {
        let sql = db as! any SQLDatabase
        if sql.dialect.name == "postgresql" {
            try await sql.raw("SELECT pg_advisory_xact_lock(74012027, hashtext(\(bind: workspaceID.uuidString)))").run()
        }
        var query = sql.select().column(SQLColumn("id", table: "contacts")).from("contacts")
            .join("customers", on: SQLColumn("id", table: "customers"), .equal, SQLColumn("customer_id", table: "contacts"))
            .where(SQLColumn("workspace_id", table: "customers"), .equal, SQLBind(workspaceID))
            .where(SQLColumn("email", table: "contacts"), .equal, SQLBind(email))
        if let contactID { query = query.where(SQLColumn("id", table: "contacts"), .notEqual, SQLBind(contactID)) }
        return try await query.limit(1).first() != nil
    }

    /// The active contacts with `email` who were granted at least one project: whoever may get a portal sign-in link.
    public static func withPortalAccess(email: String, on db: any Database) async throws -> [UUID] {
        let sql = db as! any SQLDatabase
        let rows = try await sql.select().distinct().column(SQLColumn("id", table: "contacts")).from("contacts")
            .join("project_contacts", on: SQLColumn("contact_id", table: "project_contacts"), .equal, SQLColumn("id", table: "contacts"))
            .where(SQLColumn("email", table: "contacts"), .equal, SQLBind(email))
            .where(SQLColumn("active", table: "contacts"), .equal, SQLBind(true)).all()
        return try rows.map { try $0.decode(column: "id", as: UUID.self) }
    }

    public static func setLanguage(_ language: Language, of contactID: UUID, on db: any Database) async throws {
        try await ContactRecord.query(on: db).filter(\.$id == contactID).set(\.$language, to: language).update()
    }
}
