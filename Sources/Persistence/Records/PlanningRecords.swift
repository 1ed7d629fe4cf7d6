import Domain
import Fluent
import Foundation

/// A frozen copy of a project's schedule, compared against later.
public final class BaselineRecord: Model, @unchecked Sendable {
    public static let schema = "baselines"
    @ID public var id: UUID?
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "name") public var name: String
    @Field(key: "end_date") public var endDate: String
    @Field(key: "created_at") public var createdAt: Date
    public init() {}
}

/// One work item's scheduled dates, or one milestone's date, as a baseline froze them.
/// `object_id` is deliberately not a foreign key: the baseline outlives deleted items.
public final class BaselineEntryRecord: Model, @unchecked Sendable {
    public static let schema = "baseline_entries"
    @ID public var id: UUID?
    @Field(key: "baseline_id") public var baselineID: UUID
    @Field(key: "object_id") public var objectID: UUID
    /// `item` or `milestone`.
    @Field(key: "kind") public var kind: String
    @Field(key: "start_date") public var startDate: String
    @Field(key: "finish_date") public var finishDate: String
    public init() {}
    public init(baselineID: UUID, objectID: UUID, kind: String, start: LocalDate, finish: LocalDate) {
        self.baselineID = baselineID
        self.objectID = objectID
        self.kind = kind
        self.startDate = start.description
        self.finishDate = finish.description
    }
}

/// One exceptional date of a project's working calendar: a weekday off, or a worked weekend day.
public final class CalendarDateRecord: Model, @unchecked Sendable {
    public static let schema = "project_calendar_dates"
    @ID public var id: UUID?
    @Field(key: "project_id") public var projectID: UUID
    @Field(key: "date") public var date: String
    /// true for a make-up working day, false for a non-working date.
    @Field(key: "working") public var working: Bool
    public init() {}
    public init(projectID: UUID, date: LocalDate, working: Bool) {
        self.projectID = projectID
        self.date = date.description
        self.working = working
    }
}
