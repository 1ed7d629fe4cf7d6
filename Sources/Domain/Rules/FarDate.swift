/// A milestone or work item dated far outside its project (a typo like 2020 in a 2026 project) is saved only once
/// the person confirms it. "Far" is more than a year before the project starts or more than a year after its end
/// as planned so far (the latest date of its work and milestones, or its start when there is none yet).
public enum FarDate {
    public static let marginDays = 365

    public static func isFar(_ date: LocalDate, projectStart: LocalDate, plannedEnd: LocalDate?) -> Bool {
        let end = max(plannedEnd ?? projectStart, projectStart)
        return date < projectStart.adding(days: -marginDays) || date > end.adding(days: marginDays)
    }

    /// Throws `confirmationRequired` naming the first far field of `dates` unless `confirmed`.
    public static func check(
        _ dates: [(field: String, date: LocalDate?)], projectStart: LocalDate, plannedEnd: LocalDate?, confirmed: Bool
    ) throws {
        guard !confirmed else { return }
        for (field, date) in dates {
            guard let date, isFar(date, projectStart: projectStart, plannedEnd: plannedEnd) else { continue }
            throw DomainError.confirmationRequired(
                field: field,
                message: "\(date) is far outside the project (it starts \(projectStart)); send confirm: true to save it anyway")
        }
    }
}
