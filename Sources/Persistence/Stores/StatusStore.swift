import Domain
import Fluent
import Foundation

/// The statuses of projects' scope versions and deliverables, for what-waits-on-whom.
public enum StatusStore {
    public struct Statuses: Sendable, Equatable {
        public var scopes: [ScopeStatus] = []
        public var deliverables: [DeliverableStatus] = []

        public init() {}
    }

    public static func statuses(projectID: UUID, on db: any Database) async throws -> Statuses {
        try await statuses(projectIDs: [projectID], on: db)[projectID] ?? Statuses()
    }

    /// Two queries for any number of projects (scope versions oldest first); a project without scope versions or
    /// deliverables has no entry.
    public static func statuses(projectIDs: [UUID], on db: any Database) async throws -> [UUID: Statuses] {
        guard !projectIDs.isEmpty else { return [:] }
        var byProject: [UUID: Statuses] = [:]
        for scope in try await ScopeVersionRecord.query(on: db).filter(\.$projectID ~~ projectIDs).sort(\.$number).all() {
            byProject[scope.projectID, default: Statuses()].scopes.append(scope.status)
        }
        for deliverable in try await DeliverableRecord.query(on: db).filter(\.$projectID ~~ projectIDs).all() {
            byProject[deliverable.projectID, default: Statuses()].deliverables.append(deliverable.status)
        }
        return byProject
    }
}
