import Fluent
import Foundation

/// The instant a person last looked at a project's history.
public final class ProjectVisitRecord: Model, @unchecked Sendable {
    public static let schema = "project_visits"
    @ID public var id: UUID?
    @Field(key: "person_id") public var personID: UUID
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "visited_at") public var visitedAt: Date
    public init() {}
    public init(personID: UUID, projectID: UUID, visitedAt: Date) {
        self.personID = personID
        self.projectID = projectID
        self.visitedAt = visitedAt
    }
}
