import Domain
import Fluent
import Foundation

/// Customers of a workspace, their contacts and their projects.
public enum CustomerStore {
    public static func byName(workspaceID: UUID, on db: any Database) async throws -> [Customer] {
        try await CustomerRecord.query(on: db).filter(\.$workspaceID == workspaceID).sort(\.$name).all().map { try $0.domain() }
    }

    public static func page(workspaceID: UUID, offset: Int, limit: Int, on db: any Database) async throws -> [Customer] {
        try await CustomerRecord.query(on: db).filter(\.$workspaceID == workspaceID)
            .sort(\.$createdAt).sort(\.$id).range(offset..<(offset + limit)).all().map { try $0.domain() }
    }

    /// The customer's contacts in the order they were added, or by name (pickers).
    public static func contacts(of customerID: UUID, byName: Bool = false, on db: any Database) async throws -> [Contact] {
        let query = ContactRecord.query(on: db).filter(\.$customerID == customerID)
        return try await (byName ? query.sort(\.$name) : query.sort(\.$createdAt)).all().map { try $0.domain() }
    }

    public static func projects(of customerID: UUID, on db: any Database) async throws -> [ProjectRecord] {
        try await ProjectRecord.query(on: db).filter(\.$customerID == customerID).sort(\.$createdAt).all()
    }
}

/// Projects, oldest first; archived ones only when asked for (`archived`: nil all, true only archived, false none).
public enum ProjectStore {
    public static func inWorkspace(_ workspaceID: UUID, archived: Bool? = false, on db: any Database) async throws -> [ProjectRecord] {
        var query = ProjectRecord.query(on: db).filter(\.$workspaceID == workspaceID)
        if let archived { query = query.filter(\.$archived == archived) }
        return try await query.sort(\.$createdAt).sort(\.$id).all()
    }

    public static func withIDs(_ ids: [UUID], archived: Bool? = false, on db: any Database) async throws -> [ProjectRecord] {
        guard !ids.isEmpty else { return [] }
        var query = ProjectRecord.query(on: db).filter(\.$id ~~ ids)
        if let archived { query = query.filter(\.$archived == archived) }
        return try await query.sort(\.$createdAt).sort(\.$id).all()
    }
}
