import Foundation

/// What a status report is drafted from: the whole plan as scheduled (hidden things included, the drafter leaves
/// them out), the period, and the customer's language.
public struct ReportInput: Sendable {
    public var projectName: String
    public var language: Language
    public var period: ClosedRange<LocalDate>
    /// The day the report is drafted, in the project's time zone.
    public var today: LocalDate
    public var items: [WorkItem]
    public var milestones: [Milestone]
    public var deliverables: [Deliverable]
    /// The scheduled (forecast) dates of each item.
    public var schedule: [UUID: DateSpan]
    /// Milestones whose deliverables are all accepted.
    public var doneMilestones: Set<UUID>
    /// The day each finished item reached 100 % (from its progress history); items without one use their due date.
    public var finishedOn: [UUID: LocalDate]
    /// The day each deliverable was last submitted, when known.
    public var submittedOn: [UUID: LocalDate]
    /// The latest baseline's due date of each milestone; nil when the project has no baseline.
    public var baselineDue: [UUID: LocalDate]?
    public var calendar: WorkingCalendar

    public init(
        projectName: String, language: Language, period: ClosedRange<LocalDate>, today: LocalDate, items: [WorkItem], milestones: [Milestone],
        deliverables: [Deliverable], schedule: [UUID: DateSpan], doneMilestones: Set<UUID>, finishedOn: [UUID: LocalDate] = [:],
        submittedOn: [UUID: LocalDate] = [:], baselineDue: [UUID: LocalDate]? = nil, calendar: WorkingCalendar = .weekdays
    ) {
        self.projectName = projectName
        self.language = language
        self.period = period
        self.today = today
        self.items = items
        self.milestones = milestones
        self.deliverables = deliverables
        self.schedule = schedule
        self.doneMilestones = doneMilestones
        self.finishedOn = finishedOn
        self.submittedOn = submittedOn
        self.baselineDue = baselineDue
        self.calendar = calendar
    }
}
