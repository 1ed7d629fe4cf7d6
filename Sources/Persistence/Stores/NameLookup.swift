import Fluent
import Foundation
import SQLKit

/// Names for display, read with SQLKit: pages need a few strings, not whole Fluent models
/// (building a model costs a reflection pass, which showed up on every page view).
public enum NameLookup {
    public static func customerName(_ id: UUID, on db: any Database) async throws -> String? {
        guard let sql = db as? any SQLDatabase else { return nil }
        return try await sql.select().column("name").from("customers").where("id", .equal, SQLBind(id)).first()?
            .decode(column: "name", as: String.self)
    }

    public static func contactName(_ id: UUID, on db: any Database) async throws -> String? {
        guard let sql = db as? any SQLDatabase else { return nil }
        return try await sql.select().column("name").from("contacts").where("id", .equal, SQLBind(id)).first()?
            .decode(column: "name", as: String.self)
    }

    /// The names of the contacts `ids`, in one query.
    public static func contactNames(_ ids: [UUID], on db: any Database) async throws -> [UUID: String] {
        guard !ids.isEmpty, let sql = db as? any SQLDatabase else { return [:] }
        let rows = try await sql.select().columns("id", "name").from("contacts").where("id", .in, SQLBind.group(ids)).all()
        return Dictionary(
            try rows.map { (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "name", as: String.self)) },
            uniquingKeysWith: { first, _ in first })
    }

    /// The workspace's members by name, as (id, name) pairs.
    public static func memberNames(workspaceID: UUID, on db: any Database) async throws -> [(id: UUID, name: String)] {
        guard let sql = db as? any SQLDatabase else { return [] }
        return try await sql.select().columns("id", "name").from("members").where("workspace_id", .equal, SQLBind(workspaceID))
            .orderBy("name").all()
            .map { (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "name", as: String.self)) }
    }
}
