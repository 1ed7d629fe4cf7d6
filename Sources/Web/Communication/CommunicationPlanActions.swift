import Domain
import Foundation
import Persistence

/// `PUT /projects/{id}/communication-plan`: the whole plan, every time.
struct CommunicationPlanRequest: Decodable, Sendable {
    struct CadenceInput: Decodable, Sendable {
        var every: String
        var weekday: Int
        var time: String
        /// Meetings only.
        var durationMinutes: Int?
        var videoLink: String?
    }

    struct ChannelInput: Decodable, Sendable {
        var topic: String
        var via: [String]
    }

    var reportCadence: CadenceInput
    var meetingCadence: CadenceInput?
    var responseTargetHours: Int
    var channels: [ChannelInput]
}

/// The communication plan's use cases: read it with its adherence, and agree a new one.
enum CommunicationPlanActions {
    /// The plan the input describes, or a refusal naming the first wrong field.
    static func plan(from input: CommunicationPlanRequest, now: Date) throws -> CommunicationPlan {
        let report = try cadence(input.reportCadence, field: "reportCadence")
        let meetings = try input.meetingCadence.map { meeting in
            CommunicationPlan.Meetings(
                cadence: try cadence(meeting, field: "meetingCadence"),
                durationMinutes: try Validate.range(
                    meeting.durationMinutes ?? 30, CommunicationPlan.meetingMinutesRange, field: "meetingCadence.durationMinutes"),
                videoLink: try Validate.link(meeting.videoLink.flatMap { $0.isEmpty ? nil : $0 }, field: "meetingCadence.videoLink"))
        }
        let target = try Validate.range(input.responseTargetHours, CommunicationPlan.responseTargetRange, field: "responseTargetHours")
        var seen: Set<CommunicationPlan.Topic> = []
        let routes = try input.channels.enumerated().map { index, channel in
            guard let topic = CommunicationPlan.Topic(rawValue: channel.topic) else {
                throw DomainError.validation(field: "channels[\(index)].topic", rule: .notAllowed)
            }
            guard seen.insert(topic).inserted else { throw DomainError.validation(field: "channels[\(index)].topic", rule: .notAllowed) }
            guard !channel.via.isEmpty else { throw DomainError.validation(field: "channels[\(index)].via", rule: .empty) }
            var via: [ContactChannel] = []
            for (position, name) in channel.via.enumerated() {
                guard let value = ContactChannel(rawValue: name) else {
                    throw DomainError.validation(field: "channels[\(index)].via[\(position)]", rule: .notAllowed)
                }
                if !via.contains(value) { via.append(value) }
            }
            return CommunicationPlan.Route(topic: topic, via: via)
        }
        return CommunicationPlan(reportCadence: report, meetings: meetings, responseTargetHours: target, channels: routes, updatedAt: now)
    }

    private static func cadence(_ input: CommunicationPlanRequest.CadenceInput, field: String) throws -> Cadence {
        guard let every = Cadence.Every(rawValue: input.every) else { throw DomainError.validation(field: "\(field).every", rule: .notAllowed) }
        let weekday = try Validate.range(input.weekday, 1...7, field: "\(field).weekday")
        guard let time = Cadence.time(input.time) else { throw DomainError.validation(field: "\(field).time", rule: .timeOfDay) }
        return Cadence(every: every, weekday: weekday, hour: time.hour, minute: time.minute)
    }

    /// Agrees `input` as the project's plan (replacing the one before).
    static func save(_ input: CommunicationPlanRequest, projectID: UUID, in ctx: ActionContext) async throws -> StoredCommunicationPlan {
        let plan = try plan(from: input, now: ctx.now)
        return try await ctx.write { db in try await CommunicationPlanStore.save(plan, projectID: projectID, on: db) }
    }

    /// The project's plan with its adherence now; nil while none was agreed.
    static func show(project: ProjectRecord, in ctx: ActionContext) async throws -> (StoredCommunicationPlan, PlanAdherence)? {
        let projectID = try project.requireID()
        guard let stored = try await CommunicationPlanStore.find(projectID: projectID, on: ctx.db) else { return nil }
        return (stored, try await adherence(of: stored, project: project, in: ctx))
    }

    static func adherence(of stored: StoredCommunicationPlan, project: ProjectRecord, in ctx: ActionContext) async throws -> PlanAdherence {
        let timeZone = TimeZone(identifier: project.timeZone) ?? .gmt
        let start = LocalDate(project.startDate) ?? LocalDate(stored.agreedAt, in: timeZone)
        let history = try await CommunicationHistoryReader.read(projectID: stored.projectID, in: ctx)
        return PlanAdherence.compute(
            plan: stored.plan, timeZone: timeZone, start: start, since: stored.agreedAt, now: ctx.now, history: history)
    }
}
