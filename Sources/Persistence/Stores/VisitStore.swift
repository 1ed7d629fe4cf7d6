import Fluent
import Foundation

/// Per person and project, the last time they looked at the project's history.
public enum VisitStore {
    public static func lastVisit(person: UUID, project: UUID, on db: any Database) async throws -> Date? {
        try await ProjectVisitRecord.query(on: db).filter(\.$personID == person).filter(\.$projectID == project).first()?.visitedAt
    }

    /// Records a visit at `at`; call inside a write transaction. Never moves the mark backwards.
    public static func markVisited(person: UUID, project: UUID, at: Date, on db: any Database) async throws {
        if let row = try await ProjectVisitRecord.query(on: db).filter(\.$personID == person).filter(\.$projectID == project).first() {
            guard row.visitedAt < at else { return }
            row.visitedAt = at
            try await row.update(on: db)
        } else {
            try await ProjectVisitRecord(personID: person, projectID: project, visitedAt: at).create(on: db)
        }
    }
}
