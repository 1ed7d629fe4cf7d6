import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// The project's working calendar: public holidays and other days off, and make-up working days.
enum CalendarActions {
    static let maxDates = 1_000

    static func show(projectID: UUID, on db: any Database) async throws -> WorkingCalendarBody {
        let calendar = try await CalendarStore.calendar(projectID: projectID, on: db)
        return WorkingCalendarBody(
            nonWorkingDates: calendar.nonWorkingDates.sorted().map(\.description),
            workingDates: calendar.workingDates.sorted().map(\.description))
    }

    /// Replaces the calendar; every date must be valid and listed once, in one of the two lists.
    static func update(_ input: WorkingCalendarBody, projectID: UUID, in ctx: ActionContext) async throws -> WorkingCalendarBody {
        let off = try dates(input.nonWorkingDates, field: "nonWorkingDates")
        let on = try dates(input.workingDates, field: "workingDates")
        if let both = off.intersection(on).min() {
            throw DomainError.validation(field: "workingDates", rule: .nonWorkingClash("\(both)"))
        }
        try await ctx.writePlan(projectID: projectID) { db in
            try await CalendarStore.replace(projectID: projectID, nonWorkingDates: off, workingDates: on, on: db)
        }
        return WorkingCalendarBody(nonWorkingDates: off.sorted().map(\.description), workingDates: on.sorted().map(\.description))
    }

    private static func dates(_ texts: [String], field: String) throws -> Set<LocalDate> {
        guard texts.count <= maxDates else { throw DomainError.validation(field: field, rule: .tooMany(maxDates, unit: "dates")) }
        var result = Set<LocalDate>()
        for (index, text) in texts.enumerated() {
            result.insert(try Validate.date(text.trimmingCharacters(in: .whitespaces), field: "\(field)[\(index)]"))
        }
        return result
    }
}
