import Domain
import Foundation
import Persistence

struct ScheduleItemResponse: Encodable {
    var id: UUID
    var earlyStart: String
    var earlyFinish: String
    var lateStart: String
    var lateFinish: String
    var slackDays: Int

    init(_ item: ScheduledItem) {
        id = item.id
        earlyStart = item.earlyStart.description
        earlyFinish = item.earlyFinish.description
        lateStart = item.lateStart.description
        lateFinish = item.lateFinish.description
        slackDays = item.slackDays
    }
}

/// `GET /projects/{id}/schedule`: a customer gets only visible items and visible ids on the critical path.
struct ScheduleResponse: Encodable {
    var startDate: String
    var endDate: String
    var criticalPath: [UUID]
    var items: [ScheduleItemResponse]

    init(_ plan: ProjectPlan, customerView: Bool) {
        let visible = Set(plan.items(customerView: customerView).map(\.id))
        startDate = customerView ? plan.startDate(customerView: true).description : (plan.schedule.startDate ?? plan.projectStart).description
        endDate = plan.endDate(customerView: customerView).description
        criticalPath = plan.schedule.criticalPath.filter { visible.contains($0) }
        items = plan.schedule.items.filter { visible.contains($0.id) }.map(ScheduleItemResponse.init)
    }
}

struct CreateBaselineRequest: Decodable {
    var name: String
}

struct BaselineResponse: Encodable {
    var id: UUID
    var name: String
    var createdAt: Date
    var endDate: String

    init(_ record: BaselineRecord) throws {
        try self.init(BaselineSummary(id: try record.requireID(), name: record.name, createdAt: record.createdAt, endDate: record.endDate))
    }

    init(_ summary: BaselineSummary) {
        id = summary.id
        name = summary.name
        createdAt = summary.createdAt
        endDate = summary.endDate
    }
}

struct ComparisonItemResponse: Encodable {
    var id: UUID
    var title: String
    var baselineFinish: String?
    var currentFinish: String
    var slipDays: Int

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(baselineFinish, forKey: .baselineFinish)
        try container.encode(currentFinish, forKey: .currentFinish)
        try container.encode(slipDays, forKey: .slipDays)
    }
    enum CodingKeys: String, CodingKey { case id, title, baselineFinish, currentFinish, slipDays }
}

struct ComparisonMilestoneResponse: Encodable {
    var id: UUID
    var name: String
    var baselineDue: String?
    var currentDue: String
    var slipDays: Int

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(baselineDue, forKey: .baselineDue)
        try container.encode(currentDue, forKey: .currentDue)
        try container.encode(slipDays, forKey: .slipDays)
    }
    enum CodingKeys: String, CodingKey { case id, name, baselineDue, currentDue, slipDays }
}

struct BaselineComparisonResponse: Encodable {
    var baseline: BaselineResponse
    var items: [ComparisonItemResponse]
    var milestones: [ComparisonMilestoneResponse]
}

/// `PUT/GET /projects/{id}/calendar`: dates off (holidays) and worked weekend days (调休), `YYYY-MM-DD`.
struct WorkingCalendarBody: Codable {
    var nonWorkingDates: [String]
    var workingDates: [String]
}
