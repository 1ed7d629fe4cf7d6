import Domain
import Fluent
import Foundation
import SQLKit

/// A project's thread, and the conversation turns its messages make for the response-time figures.
public enum MessageStore {
    /// Writes `message`; call inside the action's write transaction (with the outbox rows it causes).
    public static func create(_ message: Message, on db: any Database) async throws {
        try await MessageRecord(message).create(on: db)
    }

    /// One page of the thread, newest first (`customerOnly` for a contact: customer-visible messages only).
    public static func list(projectID: UUID, customerOnly: Bool, offset: Int, limit: Int, on db: any Database) async throws -> [Message] {
        var query = MessageRecord.query(on: db).filter(\.$projectID == projectID)
        if customerOnly { query = query.filter(\.$visibility == .customer) }
        return try await query.sort(\.$createdAt, .descending).sort(\.$id, .descending).offset(offset).limit(limit).all().map { try $0.domain() }
    }

    /// What the response-time figures need of every message of `projectIDs`, oldest first, in one query (bodies
    /// are not read).
    public static func facts(projectIDs: [UUID], on db: any Database) async throws -> [UUID: [MessageFact]] {
        guard !projectIDs.isEmpty, let sql = db as? any SQLDatabase else { return [:] }
        let rows = try await sql.select().columns("id", "project_id", "created_at", "author_kind", "visibility", "author_name")
            .from(MessageRecord.schema).where(SQLColumn("project_id"), .in, SQLBind.group(projectIDs))
            .orderBy("created_at").orderBy("id").all()
        var facts: [UUID: [MessageFact]] = [:]
        for row in rows {
            let projectID = try row.decode(column: "project_id", as: UUID.self)
            facts[projectID, default: []].append(
                MessageFact(
                    id: try row.decode(column: "id", as: UUID.self), at: try row.decode(column: "created_at", as: Date.self),
                    fromCustomer: try row.decode(column: "author_kind", as: String.self) == Message.AuthorKind.contact.rawValue,
                    customerVisible: try row.decode(column: "visibility", as: String.self) == Message.Visibility.customer.rawValue,
                    authorName: try row.decode(column: "author_name", as: String.self)))
        }
        return facts
    }

    /// The conversation turns of one project's messages, oldest first (see `Turn.turns(fromMessages:)`).
    /// The plain-text start (at most `length` characters) of each of the messages `ids`, for "who asked what".
    public static func excerpts(_ ids: [UUID], length: Int = 120, on db: any Database) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await MessageRecord.query(on: db).filter(\.$id ~~ ids).all()
        return Dictionary(
            try rows.map { (try $0.requireID(), String(Markdown.plainText($0.body).prefix(length))) }, uniquingKeysWith: { first, _ in first })
    }

    public static func turns(projectID: UUID, on db: any Database) async throws -> [Turn] {
        Turn.turns(fromMessages: try await facts(projectIDs: [projectID], on: db)[projectID] ?? [])
    }

    /// The turns of many projects' messages, read in one query.
    public static func turns(projectIDs: [UUID], on db: any Database) async throws -> [UUID: [Turn]] {
        try await facts(projectIDs: projectIDs, on: db).mapValues { Turn.turns(fromMessages: $0) }
    }

    /// The active contacts invited to the project: whom a customer-visible team message reaches.
    public static func recipients(projectID: UUID, on db: any Database) async throws -> [Contact] {
        try await ContactRecord.query(on: db)
            .join(ProjectContactRecord.self, on: \ContactRecord.$id == \ProjectContactRecord.$contactID)
            .filter(ProjectContactRecord.self, \.$projectID == projectID)
            .filter(\.$active == true)
            .sort(\.$name).sort(\.$id).all().map { try $0.domain() }
    }
}
