import Domain
import Foundation
import Vapor

/// `GET /projects/{id}/metrics`: the project's figures, for the team.
struct MetricsAPIController {
    func register(_ api: any RoutesBuilder) {
        api.endpoint(.GET, "projects", ":projectID", "metrics", rule: .projectTeam, surface: .api, use: show)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        return JSON.response(MetricsResponse(try await MetricsActions.metrics(of: project, in: req.context)))
    }
}

struct MetricsResponse: Encodable {
    struct ChangeRequests: Encodable {
        var count: Int
        var approved: Int
        var addedDays: Int
        var addedCostMinor: Int
    }

    struct ResponseHours: Encodable {
        var teamMedian: Double?
        var customerMedian: Double?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(teamMedian, forKey: .teamMedian)
            try container.encode(customerMedian, forKey: .customerMedian)
        }

        enum CodingKeys: String, CodingKey { case teamMedian, customerMedian }
    }

    struct CadenceFigures: Encodable {
        var reportsDue: Int
        var reportsOnTime: Int
    }

    struct Satisfaction: Encodable {
        var average: Double?
        var count: Int

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(average, forKey: .average)
            try container.encode(count, forKey: .count)
        }

        enum CodingKeys: String, CodingKey { case average, count }
    }

    var onTimeMilestoneRate: Double?
    var slipDays: Int
    var changeRequests: ChangeRequests
    var responseHours: ResponseHours
    var cadence: CadenceFigures
    var satisfaction: Satisfaction

    init(_ metrics: ProjectMetrics) {
        onTimeMilestoneRate = metrics.onTimeMilestoneRate
        slipDays = metrics.slipDays
        changeRequests = ChangeRequests(
            count: metrics.changeRequests.count, approved: metrics.changeRequests.approved, addedDays: metrics.changeRequests.addedDays,
            addedCostMinor: metrics.changeRequests.addedCostMinor)
        responseHours = ResponseHours(teamMedian: metrics.teamMedianHours, customerMedian: metrics.customerMedianHours)
        cadence = CadenceFigures(reportsDue: metrics.reportsDue, reportsOnTime: metrics.reportsOnTime)
        satisfaction = Satisfaction(average: metrics.satisfactionAverage, count: metrics.satisfactionCount)
    }

    /// Absent figures are written as null (the contract names every key).
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(onTimeMilestoneRate, forKey: .onTimeMilestoneRate)
        try container.encode(slipDays, forKey: .slipDays)
        try container.encode(changeRequests, forKey: .changeRequests)
        try container.encode(responseHours, forKey: .responseHours)
        try container.encode(cadence, forKey: .cadence)
        try container.encode(satisfaction, forKey: .satisfaction)
    }

    enum Keys: String, CodingKey {
        case onTimeMilestoneRate, slipDays, changeRequests, responseHours, cadence, satisfaction
    }
}
