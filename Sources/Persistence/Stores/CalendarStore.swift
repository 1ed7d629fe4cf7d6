import Domain
import Fluent
import Foundation

/// A project's working calendar: weekends off, plus its own non-working and make-up working dates.
public enum CalendarStore {
    public static func calendar(projectID: UUID, on db: any Database) async throws -> WorkingCalendar {
        let records = try await CalendarDateRecord.query(on: db).filter(\.$projectID == projectID).all()
        var off = Set<LocalDate>()
        var on = Set<LocalDate>()
        for record in records {
            guard let date = LocalDate(record.date) else { continue }
            if record.working { on.insert(date) } else { off.insert(date) }
        }
        return WorkingCalendar(nonWorkingDates: off, workingDates: on)
    }

    /// Replaces every exceptional date of the project; call inside a write transaction.
    public static func replace(projectID: UUID, nonWorkingDates: Set<LocalDate>, workingDates: Set<LocalDate>, on db: any Database) async throws {
        try await CalendarDateRecord.query(on: db).filter(\.$projectID == projectID).delete()
        let records =
            nonWorkingDates.sorted().map { CalendarDateRecord(projectID: projectID, date: $0, working: false) }
            + workingDates.sorted().map { CalendarDateRecord(projectID: projectID, date: $0, working: true) }
        if !records.isEmpty { try await records.create(on: db) }
    }
}
