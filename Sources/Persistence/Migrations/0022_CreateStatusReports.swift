import Fluent
import SQLKit

/// Status reports (a draft the team edits; published = an immutable numbered snapshot with its content hash), the
/// customers' feedback on them, and when a deliverable was last submitted (how long it has waited on the customer).
struct CreateStatusReports: AsyncMigration {
    var name: String { "0022_CreateStatusReports" }

    func prepare(on database: any Database) async throws {
        try await database.schema("status_reports")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id"))
            .field("status", .string, .required)
            .field("number", .int)
            .field("period_start", .string, .required)
            .field("period_end", .string, .required)
            .field("content", .string, .required)
            .field("content_hash", .string)
            .field("created_by", .uuid)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("published_by", .uuid)
            .field("published_at", .datetime)
            .unique(on: "project_id", "number")
            .create()
        try await database.schema("status_report_feedback")
            .id()
            .field("report_id", .uuid, .required, .references("status_reports", "id"))
            .field("contact_id", .uuid, .required, .references("contacts", "id"))
            .field("kind", .string, .required)
            .field("rating", .int)
            .field("comment", .string)
            .field("via", .string, .required)
            .field("once_key", .string, .required)
            .field("at", .datetime, .required)
            .unique(on: "report_id", "contact_id", "once_key")
            .create()
        try await database.schema("deliverables").field("submitted_at", .datetime).update()
        let sql = database as! any SQLDatabase
        for statement in sql.dialect.name == "sqlite" ? Self.sqlite : Self.postgres {
            try await sql.raw(SQLQueryString(statement)).run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let statements =
            sql.dialect.name == "sqlite"
            ? ["DROP TRIGGER IF EXISTS status_reports_published_no_update", "DROP TRIGGER IF EXISTS status_reports_published_no_delete"]
            : [
                "DROP TRIGGER IF EXISTS status_reports_published_immutable ON status_reports",
                "DROP FUNCTION IF EXISTS status_reports_published_immutable()",
            ]
        for statement in statements { try await sql.raw(SQLQueryString(statement)).run() }
        try await database.schema("deliverables").deleteField("submitted_at").update()
        try await database.schema("status_report_feedback").delete()
        try await database.schema("status_reports").delete()
    }

    /// What was sent stays what was sent, in the database itself: a published report is never changed or deleted.
    static let sqlite = [
        """
        CREATE TRIGGER status_reports_published_no_update BEFORE UPDATE ON status_reports WHEN OLD.status = 'published'
        BEGIN SELECT RAISE(ABORT, 'a published status report is immutable'); END
        """,
        """
        CREATE TRIGGER status_reports_published_no_delete BEFORE DELETE ON status_reports WHEN OLD.status = 'published'
        BEGIN SELECT RAISE(ABORT, 'a published status report cannot be deleted'); END
        """,
    ]

    static let postgres = [
        """
        CREATE FUNCTION status_reports_published_immutable() RETURNS trigger AS $$
        BEGIN
            IF OLD.status = 'published' THEN RAISE EXCEPTION 'a published status report is immutable'; END IF;
            IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
            RETURN NEW;
        END; $$ LANGUAGE plpgsql
        """,
        """
        CREATE TRIGGER status_reports_published_immutable BEFORE UPDATE OR DELETE ON status_reports
        FOR EACH ROW EXECUTE FUNCTION status_reports_published_immutable()
        """,
    ]
}
