import Domain
import Fluent
import Foundation
import Persistence
import Vapor

extension Request {
    /// The file `id` names when the viewer may see the object it belongs to (a contact: only a customer-visible
    /// milestone's deliverable, or a scope version, of their own project); otherwise 404.
    func authorizedFile() async throws -> StoredFile {
        guard let file = try await FileStore.file(try uuidParameter("fileID"), on: db) else { throw DomainError.notFound }
        switch file.ownerKind {
        case .deliverable:
            guard let deliverable = try await DeliverableRecord.find(file.ownerID, on: db),
                let milestone = try await MilestoneRecord.find(deliverable.milestoneID, on: db)
            else { throw DomainError.notFound }
            try await authorize(projectID: deliverable.projectID, visibleToCustomer: milestone.visibleToCustomer)
        case .scopeVersion:
            guard let version = try await ScopeVersionRecord.find(file.ownerID, on: db) else { throw DomainError.notFound }
            try await authorize(projectID: version.projectID, visibleToCustomer: true)
        }
        return file
    }
}
