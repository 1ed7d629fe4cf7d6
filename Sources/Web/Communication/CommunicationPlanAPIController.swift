import Domain
import Foundation
import Persistence
import Vapor

/// `PUT/GET /projects/{id}/communication-plan`: the team agrees the plan; both sides read it with its adherence.
struct CommunicationPlanAPIController {
    func register(_ api: any RoutesBuilder) {
        api.endpoint(.GET, "projects", ":projectID", "communication-plan", rule: .projectView, surface: .api, use: show)
        api.endpoint(.PUT, "projects", ":projectID", "communication-plan", rule: .projectTeam, surface: .api, use: save)
    }

    @Sendable func show(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        guard let (stored, adherence) = try await CommunicationPlanActions.show(project: project, in: req.context) else {
            throw DomainError.notFound
        }
        return JSON.response(CommunicationPlanResponse(stored, adherence: adherence))
    }

    @Sendable func save(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        let ctx = try await req.context
        let stored = try await CommunicationPlanActions.save(
            JSON.decode(CommunicationPlanRequest.self, from: req), projectID: try project.requireID(), in: ctx)
        return JSON.response(
            CommunicationPlanResponse(stored, adherence: try await CommunicationPlanActions.adherence(of: stored, project: project, in: ctx)))
    }
}

struct CommunicationPlanResponse: Encodable {
    struct CadenceBody: Encodable {
        var every: String
        var weekday: Int
        var time: String
        var durationMinutes: Int?
        var videoLink: String?
        var nextAt: Date
    }

    struct ChannelBody: Encodable {
        var topic: String
        var via: [String]
    }

    struct AdherenceBody: Encodable {
        struct Reports: Encodable {
            var due: Int
            var onTime: Int
            var missed: Int
            var pending: Bool
        }

        struct Meetings: Encodable {
            var due: Int
            var held: Int
        }

        struct Replies: Encodable {
            var targetHours: Int
            var teamMedianHours: Double?
            var customerMedianHours: Double?
        }

        struct Waiting: Encodable {
            var askedBy: String
            var askedAt: Date
            var excerpt: String
            var hoursWaiting: Double
            var overTarget: Bool
        }

        var reports: Reports
        var meetings: Meetings?
        var replies: Replies
        var waiting: [Waiting]
    }

    var projectId: UUID
    var reportCadence: CadenceBody
    var meetingCadence: CadenceBody?
    var responseTargetHours: Int
    var channels: [ChannelBody]
    var agreedAt: Date
    var updatedAt: Date
    var adherence: AdherenceBody

    init(_ stored: StoredCommunicationPlan, adherence: PlanAdherence) {
        let plan = stored.plan
        projectId = stored.projectID
        reportCadence = CadenceBody(
            every: plan.reportCadence.every.rawValue, weekday: plan.reportCadence.weekday, time: plan.reportCadence.timeText,
            nextAt: adherence.reports.nextDueAt)
        meetingCadence = plan.meetings.map { meetings in
            CadenceBody(
                every: meetings.cadence.every.rawValue, weekday: meetings.cadence.weekday, time: meetings.cadence.timeText,
                durationMinutes: meetings.durationMinutes, videoLink: meetings.videoLink, nextAt: adherence.meetings?.nextDueAt ?? stored.agreedAt)
        }
        responseTargetHours = plan.responseTargetHours
        channels = plan.channels.map { ChannelBody(topic: $0.topic.rawValue, via: $0.via.map(\.rawValue)) }
        agreedAt = stored.agreedAt
        updatedAt = plan.updatedAt
        self.adherence = AdherenceBody(
            reports: .init(
                due: adherence.reports.due, onTime: adherence.reports.onTime, missed: adherence.reports.missed, pending: adherence.reports.pending),
            meetings: adherence.meetings.map { .init(due: $0.due, held: $0.held) },
            replies: .init(
                targetHours: adherence.replies.targetHours, teamMedianHours: adherence.replies.teamMedianHours,
                customerMedianHours: adherence.replies.customerMedianHours),
            waiting: adherence.waiting.map {
                .init(askedBy: $0.askedBy, askedAt: $0.askedAt, excerpt: $0.excerpt, hoursWaiting: $0.hoursWaiting, overTarget: $0.overTarget)
            })
    }
}
