import Domain
import Fluent
import Foundation

/// The statuses of a project's scope versions and deliverables, for what-waits-on-whom.
public enum StatusStore {
    public static func statuses(projectID: UUID, on db: any Database) async throws -> (scopes: [ScopeStatus], deliverables: [DeliverableStatus]) {
        let scopes = try await ScopeVersionRecord.query(on: db).filter(\.$projectID == projectID).all().map(\.status)
        let deliverables = try await DeliverableRecord.query(on: db).filter(\.$projectID == projectID).all().map(\.status)
        return (scopes, deliverables)
    }
}
