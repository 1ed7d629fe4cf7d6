import Domain
import Fluent
import Foundation
import SQLKit

/// A baseline as Domain values: item spans and milestone dates by id.
public struct StoredBaseline: Sendable {
    public var id: UUID
    public var projectID: UUID
    public var name: String
    public var createdAt: Date
    public var endDate: LocalDate
    public var items: [UUID: DateSpan]
    public var milestones: [UUID: LocalDate]
}

/// One line of a project's list of baselines.
public struct BaselineSummary: Sendable, Equatable {
    public var id: UUID
    public var name: String
    public var createdAt: Date
    public var endDate: String

    public init(id: UUID, name: String, createdAt: Date, endDate: String) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
        self.endDate = endDate
    }
}

/// Saves and loads frozen schedules.
public enum BaselineStore {
    /// Writes one baseline with its entries; call inside a write transaction.
    public static func create(
        projectID: UUID, name: String, createdAt: Date, endDate: LocalDate,
        items: [UUID: DateSpan], milestones: [UUID: LocalDate], on db: any Database
    ) async throws -> BaselineRecord {
        let record = BaselineRecord()
        record.id = UUID()
        record.projectID = projectID
        record.name = name
        record.endDate = endDate.description
        record.createdAt = createdAt
        try await record.create(on: db)
        let baselineID = try record.requireID()
        var entries = items.map {
            BaselineEntryRecord(baselineID: baselineID, objectID: $0.key, kind: "item", start: $0.value.start, finish: $0.value.finish)
        }
        entries += milestones.map {
            BaselineEntryRecord(baselineID: baselineID, objectID: $0.key, kind: "milestone", start: $0.value, finish: $0.value)
        }
        // Chunked so a large plan stays under the database's bound-parameter limit.
        for start in stride(from: 0, to: entries.count, by: 500) {
            try await Array(entries[start..<min(start + 500, entries.count)]).create(on: db)
        }
        return record
    }

    /// A project's baselines, oldest first (read with SQLKit: the project page lists them on every view).
    public static func list(projectID: UUID, on db: any Database) async throws -> [BaselineSummary] {
        guard let sql = db as? any SQLDatabase else { return [] }
        return try await sql.select().columns("id", "name", "created_at", "end_date").from("baselines")
            .where("project_id", .equal, SQLBind(projectID)).orderBy("created_at").orderBy("id").all()
            .map { row in
                BaselineSummary(
                    id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
                    createdAt: try row.decode(column: "created_at", as: Date.self),
                    endDate: try row.decode(column: "end_date", as: String.self))
            }
    }

    /// The baseline `id` of project `projectID` with its entries; nil when it is not that project's.
    public static func load(id: UUID, projectID: UUID, on db: any Database) async throws -> StoredBaseline? {
        guard let record = try await BaselineRecord.find(id, on: db), record.projectID == projectID else { return nil }
        let entries = try await BaselineEntryRecord.query(on: db).filter(\.$baselineID == id).all()
        var items: [UUID: DateSpan] = [:]
        var milestones: [UUID: LocalDate] = [:]
        for entry in entries {
            let entryID = try entry.requireID()
            let start = try StoredValue.date(entry.startDate, table: BaselineEntryRecord.schema, id: entryID, column: "start_date")
            let finish = try StoredValue.date(entry.finishDate, table: BaselineEntryRecord.schema, id: entryID, column: "finish_date")
            if entry.kind == "milestone" {
                milestones[entry.objectID] = finish
            } else {
                items[entry.objectID] = DateSpan(start: start, finish: finish)
            }
        }
        return StoredBaseline(
            id: id, projectID: projectID, name: record.name, createdAt: record.createdAt,
            endDate: try StoredValue.date(record.endDate, table: BaselineRecord.schema, id: id, column: "end_date"), items: items,
            milestones: milestones)
    }
}
