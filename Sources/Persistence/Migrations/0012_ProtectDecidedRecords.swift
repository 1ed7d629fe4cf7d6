import Fluent
import SQLKit

/// What a customer decided stays as decided, in the database itself: a signed-off scope version keeps its text,
/// signer, time and comment and is never deleted (its status may only move on from signed_off to superseded, when a
/// newer version is signed); an accepted deliverable is never changed or deleted. A returned deliverable is not
/// protected: resubmitting it changes the row by design (verify compares it only while it is still returned).
struct ProtectDecidedRecords: AsyncMigration {
    var name: String { "0012_ProtectDecidedRecords" }

    /// Every scope_versions column except `status`.
    static let scopeColumns = [
        "id", "project_id", "number", "goals", "in_scope", "out_of_scope", "notes", "created_at",
        "signed_off_by", "signed_off_at", "sign_off_comment",
    ]

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for statement in sql.dialect.name == "sqlite" ? Self.sqlite : Self.postgres {
            try await sql.raw(SQLQueryString(statement)).run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let statements =
            sql.dialect.name == "sqlite"
            ? [
                "scope_versions_signed_no_update", "scope_versions_signed_no_delete", "deliverables_accepted_no_update",
                "deliverables_accepted_no_delete",
            ].map { "DROP TRIGGER IF EXISTS \($0)" }
            : [
                "DROP TRIGGER IF EXISTS scope_versions_signed_immutable ON scope_versions",
                "DROP TRIGGER IF EXISTS deliverables_accepted_immutable ON deliverables",
                "DROP FUNCTION IF EXISTS scope_versions_signed_immutable()", "DROP FUNCTION IF EXISTS deliverables_accepted_immutable()",
            ]
        for statement in statements { try await sql.raw(SQLQueryString(statement)).run() }
    }

    static var sqlite: [String] {
        let changed = scopeColumns.map { "NEW.\($0) IS NOT OLD.\($0)" }.joined(separator: " OR ")
        return [
            """
            CREATE TRIGGER scope_versions_signed_no_update BEFORE UPDATE ON scope_versions
            WHEN OLD.signed_off_at IS NOT NULL AND (\(changed)
                OR (NEW.status IS NOT OLD.status AND NOT (OLD.status = 'signed_off' AND NEW.status = 'superseded')))
            BEGIN SELECT RAISE(ABORT, 'a signed-off scope version is immutable'); END
            """,
            """
            CREATE TRIGGER scope_versions_signed_no_delete BEFORE DELETE ON scope_versions WHEN OLD.signed_off_at IS NOT NULL
            BEGIN SELECT RAISE(ABORT, 'a signed-off scope version cannot be deleted'); END
            """,
            """
            CREATE TRIGGER deliverables_accepted_no_update BEFORE UPDATE ON deliverables WHEN OLD.status = 'accepted'
            BEGIN SELECT RAISE(ABORT, 'an accepted deliverable is immutable'); END
            """,
            """
            CREATE TRIGGER deliverables_accepted_no_delete BEFORE DELETE ON deliverables WHEN OLD.status = 'accepted'
            BEGIN SELECT RAISE(ABORT, 'an accepted deliverable cannot be deleted'); END
            """,
        ]
    }

    static var postgres: [String] {
        let new = scopeColumns.map { "NEW.\($0)" }.joined(separator: ", ")
        let old = scopeColumns.map { "OLD.\($0)" }.joined(separator: ", ")
        return [
            """
            CREATE FUNCTION scope_versions_signed_immutable() RETURNS trigger AS $$
            BEGIN
                IF OLD.signed_off_at IS NOT NULL THEN
                    IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'a signed-off scope version cannot be deleted'; END IF;
                    IF ROW(\(new)) IS DISTINCT FROM ROW(\(old))
                       OR (NEW.status IS DISTINCT FROM OLD.status AND NOT (OLD.status = 'signed_off' AND NEW.status = 'superseded')) THEN
                        RAISE EXCEPTION 'a signed-off scope version is immutable';
                    END IF;
                END IF;
                IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
                RETURN NEW;
            END; $$ LANGUAGE plpgsql
            """,
            """
            CREATE TRIGGER scope_versions_signed_immutable BEFORE UPDATE OR DELETE ON scope_versions
            FOR EACH ROW EXECUTE FUNCTION scope_versions_signed_immutable()
            """,
            """
            CREATE FUNCTION deliverables_accepted_immutable() RETURNS trigger AS $$
            BEGIN
                IF OLD.status = 'accepted' THEN RAISE EXCEPTION 'an accepted deliverable is immutable'; END IF;
                IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
                RETURN NEW;
            END; $$ LANGUAGE plpgsql
            """,
            """
            CREATE TRIGGER deliverables_accepted_immutable BEFORE UPDATE OR DELETE ON deliverables
            FOR EACH ROW EXECUTE FUNCTION deliverables_accepted_immutable()
            """,
        ]
    }
}
