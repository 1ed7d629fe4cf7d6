import Fluent
import SQLKit

/// Uploaded files' metadata, for any kind of owner (`owner_kind` + `owner_id`; deliverables and scope versions now,
/// change requests and messages later). The bytes live under the data directory, named by their SHA-256.
/// A stored file never changes, and the database itself refuses a new or removed file on an accepted deliverable or
/// a signed-off scope version: the acceptance's audit entry vouches for exactly those files.
struct CreateFiles: AsyncMigration {
    var name: String { "0015_CreateFiles" }

    func prepare(on database: any Database) async throws {
        try await database.schema("files")
            .id()
            .field("owner_kind", .string, .required)
            .field("owner_id", .uuid, .required)
            .field("project_id", .uuid, .required, .references("projects", "id"))
            .field("name", .string, .required)
            .field("size", .int64, .required)
            .field("content_type", .string, .required)
            .field("sha256", .string, .required)
            .field("uploaded_by", .string, .required)
            .field("uploaded_at", .datetime, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "files_owner").on("files").column("owner_kind").column("owner_id").run()
        for statement in sql.dialect.name == "sqlite" ? Self.sqlite : Self.postgres {
            try await sql.raw(SQLQueryString(statement)).run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        if sql.dialect.name != "sqlite" {
            try await sql.raw("DROP TRIGGER IF EXISTS files_guarded ON files").run()
            try await sql.raw("DROP FUNCTION IF EXISTS files_guarded()").run()
        }
        try await database.schema("files").delete()
    }

    /// True (in SQL) when the file row `row` belongs to a decided owner.
    static func decidedOwner(_ row: String) -> String {
        """
        (\(row).owner_kind = 'deliverable' AND EXISTS (SELECT 1 FROM deliverables WHERE id = \(row).owner_id AND status = 'accepted'))
        OR (\(row).owner_kind = 'scope_version' AND EXISTS (SELECT 1 FROM scope_versions WHERE id = \(row).owner_id AND signed_off_at IS NOT NULL))
        """
    }

    static var sqlite: [String] {
        [
            "CREATE TRIGGER files_no_update BEFORE UPDATE ON files BEGIN SELECT RAISE(ABORT, 'a stored file is immutable'); END",
            """
            CREATE TRIGGER files_decided_no_insert BEFORE INSERT ON files WHEN \(decidedOwner("NEW"))
            BEGIN SELECT RAISE(ABORT, 'a decided object takes no new files'); END
            """,
            """
            CREATE TRIGGER files_decided_no_delete BEFORE DELETE ON files WHEN \(decidedOwner("OLD"))
            BEGIN SELECT RAISE(ABORT, 'the files of a decided object cannot be removed'); END
            """,
        ]
    }

    static var postgres: [String] {
        [
            """
            CREATE FUNCTION files_guarded() RETURNS trigger AS $$
            BEGIN
                IF TG_OP = 'UPDATE' THEN RAISE EXCEPTION 'a stored file is immutable'; END IF;
                IF TG_OP = 'INSERT' THEN
                    IF \(decidedOwner("NEW")) THEN RAISE EXCEPTION 'a decided object takes no new files'; END IF;
                    RETURN NEW;
                END IF;
                IF \(decidedOwner("OLD")) THEN RAISE EXCEPTION 'the files of a decided object cannot be removed'; END IF;
                RETURN OLD;
            END; $$ LANGUAGE plpgsql
            """,
            """
            CREATE TRIGGER files_guarded BEFORE INSERT OR UPDATE OR DELETE ON files
            FOR EACH ROW EXECUTE FUNCTION files_guarded()
            """,
        ]
    }
}
