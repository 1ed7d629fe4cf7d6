import Fluent
import Foundation

/// The queries on integrations.
public enum IntegrationStore {
    public static func create(_ record: IntegrationRecord, on db: any Database) async throws {
        try await record.create(on: db)
    }

    /// The project's integrations that are not removed, oldest first; of one audience when given.
    public static func active(projectID: UUID, audience: String? = nil, on db: any Database) async throws -> [IntegrationRecord] {
        var query = IntegrationRecord.query(on: db).filter(\.$projectID == projectID).filter(\.$removedAt == nil)
        if let audience { query = query.filter(\.$audience == audience) }
        return try await query.sort(\.$createdAt).sort(\.$id).all()
    }

    /// One integration, removed or not.
    public static func find(_ id: UUID, on db: any Database) async throws -> IntegrationRecord? {
        try await IntegrationRecord.find(id, on: db)
    }

    /// The integrations with these ids (removed ones too), for naming them in the delivery log.
    public static func many(_ ids: [UUID], on db: any Database) async throws -> [IntegrationRecord] {
        guard !ids.isEmpty else { return [] }
        return try await IntegrationRecord.query(on: db).filter(\.$id ~~ ids).all()
    }

    public static func markRemoved(_ record: IntegrationRecord, at now: Date, on db: any Database) async throws {
        record.removedAt = now
        try await record.update(on: db)
    }
}
