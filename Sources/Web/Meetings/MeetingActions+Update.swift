import Domain
import Fluent
import Foundation
import Persistence
import Vapor

extension MeetingActions {
    /// Reschedules (any field of `create`) or calls off (`cancelled: true`) a meeting that has no minutes yet; each change
    /// bumps its `sequence`, so a calendar replaces the invitation it holds. `clearing` names fields sent as null
    /// (`videoLink`). A cancelled meeting stays cancelled (409).
    static func update(_ input: UpdateMeetingRequest, meetingID: UUID, clearing: Set<String> = [], in ctx: ActionContext) async throws -> Meeting {
        let title = try input.title.map { try Validate.text($0, field: "title", max: titleMax) }
        let startsAt = try input.startsAt.map { text in
            guard let date = Instant.parse(text) else { throw DomainError.validation(field: "startsAt", rule: .instant) }
            return date
        }
        let duration = try input.durationMinutes.map { try Validate.range($0, durations, field: "durationMinutes") }
        let videoLink = try Validate.link(input.videoLink, field: "videoLink")
        let agenda = try input.agenda.map { try agendaLines($0) }
        let now = ctx.now
        return try await ctx.write { db in
            try await RowLock.lock(MeetingRecord.schema, id: meetingID, on: db)
            guard let record = try await MeetingStore.record(meetingID, on: db) else { throw DomainError.notFound }
            let before = try record.domain(actionItems: [])
            if before.isCancelled, input.cancelled == false { throw DomainError.conflict("a cancelled meeting cannot be reopened") }
            try MinutesFlow.requireReschedulable(before)
            if let title { record.title = title }
            if let startsAt { record.startsAt = startsAt }
            if let duration { record.durationMinutes = duration }
            if let videoLink { record.videoLink = videoLink } else if clearing.contains("videoLink") { record.videoLink = nil }
            if let agenda { record.agendaJSON = JSONList.encode(agenda) }
            if let visible = input.visibleToCustomer { record.visibleToCustomer = visible }
            if input.cancelled == true { record.cancelledAt = now }
            record.sequence += 1
            try await record.update(on: db)
            try await MeetingInvitationMails.enqueue(meetingID: meetingID, on: db, in: ctx)
            return try record.domain(actionItems: [])
        }
    }

    /// A given agenda: at most `maxAgendaLines` one-line points, each named by its index when refused.
    static func agendaLines(_ lines: [String]) throws -> [String] {
        guard lines.count <= maxAgendaLines else { throw DomainError.validation(field: "agenda", rule: .tooMany(maxAgendaLines, unit: "entries")) }
        return try lines.enumerated().map { try Validate.text($1, field: "agenda[\($0)]", max: 300) }
    }
}
