extension PlanItem {
    /// The scheduler's view of `item`: planned to start on its start date and to take as many
    /// working days as its start-to-due range holds (0 when that range has none).
    public init(_ item: WorkItem, calendar: WorkingCalendar) {
        self.init(
            id: item.id, plannedStart: item.startDate,
            durationDays: calendar.workingDays(from: item.startDate, through: item.dueDate),
            dependencies: item.dependencies.map { PlanDependency(predecessor: $0.predecessorID, lagDays: $0.lagDays) })
    }
}
