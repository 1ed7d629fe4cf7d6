import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// Meetings: scheduling (with the agenda drafted from what is open), minutes the team writes, the contact's
/// confirmation (audited like a sign-off; team action items become work items in the same transaction), and the
/// team marking a customer's action item done.
enum MeetingActions {
    /// Bounds of a meeting's fields.
    static let titleMax = 200
    static let durations = 5...600
    static let maxAgendaLines = 50
    static let maxActionItems = 50

    /// Schedules a meeting; without `agenda` it is drafted from what is open on the project (`AgendaDraft`), in the
    /// customer's language. Callable from a job (the plan's meeting cadence): `ctx` may act as nobody (`system`).
    static func create(_ input: CreateMeetingRequest, projectID: UUID, in ctx: ActionContext) async throws -> Meeting {
        let title = try Validate.text(input.title, field: "title", max: titleMax)
        guard let startsAt = Instant.parse(input.startsAt) else { throw DomainError.validation(field: "startsAt", rule: .instant) }
        let duration = try Validate.range(input.durationMinutes, durations, field: "durationMinutes")
        let videoLink = try Validate.link(input.videoLink, field: "videoLink")
        let visible = input.visibleToCustomer ?? true
        let given = try input.agenda.map { try agendaLines($0) }
        guard let project = try await ProjectRecord.find(projectID, on: ctx.db) else { throw DomainError.notFound }
        let agenda: [String]
        if let given { agenda = given } else { agenda = try await MeetingAgenda.draft(project: project, customerVisible: visible, in: ctx) }
        let record = MeetingRecord()
        record.id = UUID()
        record.projectID = projectID
        record.title = title
        record.startsAt = startsAt
        record.durationMinutes = duration
        record.videoLink = videoLink
        record.agendaJSON = JSONList.encode(agenda)
        record.visibleToCustomer = visible
        record.createdAt = ctx.now
        record.createdBy = actor(ctx)
        record.sequence = 0
        return try await ctx.write { db in
            try await record.create(on: db)
            try await MeetingInvitationMails.enqueue(meetingID: try record.requireID(), on: db, in: ctx)
            return try record.domain(actionItems: [])
        }
    }

    /// Writes (or rewrites) the minutes; refused with 409 once a contact confirmed them.
    static func writeMinutes(_ input: MinutesRequest, meetingID: UUID, in ctx: ActionContext) async throws -> Meeting {
        let notes = try Validate.optionalText(input.notes, field: "notes", max: 20_000) ?? ""
        guard input.decisions.count <= 100 else { throw DomainError.validation(field: "decisions", rule: .tooMany(100, unit: "entries")) }
        let decisions = try input.decisions.enumerated().compactMap { try Validate.optionalText($1, field: "decisions[\($0)]", max: 1_000) }
        guard input.actionItems.count <= maxActionItems else {
            throw DomainError.validation(field: "actionItems", rule: .tooMany(maxActionItems, unit: "entries"))
        }
        let items = try input.actionItems.enumerated().map { index, item in
            let field = "actionItems[\(index)]"
            let title = try Validate.text(item.title, field: "\(field).title", max: titleMax)
            guard let owner = ActionOwner(rawValue: item.owner) else { throw DomainError.validation(field: "\(field).owner", rule: .notAllowed) }
            let due = try Validate.date(item.dueDate, field: "\(field).dueDate")
            return ActionItem(id: UUID(), meetingID: meetingID, title: title, owner: owner, dueDate: due)
        }
        let now = ctx.now
        return try await ctx.write { db in
            try await RowLock.lock(MeetingRecord.schema, id: meetingID, on: db)
            guard let record = try await MeetingStore.record(meetingID, on: db) else { throw DomainError.notFound }
            try MinutesFlow.requireEditable(try record.domain(actionItems: []))
            record.minutesNotes = notes
            record.minutesDecisionsJSON = JSONList.encode(decisions)
            record.minutesStatus = .awaitingConfirmation
            record.minutesWrittenAt = now
            try await record.update(on: db)
            try await MeetingStore.replaceActionItems(items, meetingID: meetingID, projectID: record.projectID, on: db)
            return try record.domain(actionItems: items)
        }
    }

    /// A contact of the project confirms the minutes. In one transaction: the minutes freeze, an audit entry holds the
    /// hash of exactly these minutes, each team action item becomes a customer-visible work item (through
    /// `WorkItemActions`, so the plan's revision bumps), and the team is told.
    static func confirm(meetingID: UUID, in ctx: ActionContext) async throws -> Meeting {
        guard let contactID = ctx.identity.contactID else { throw DomainError.forbidden }
        let now = ctx.now
        guard let projectID = try await MeetingStore.record(meetingID, on: ctx.db)?.projectID,
            let project = try await ProjectRecord.find(projectID, on: ctx.db)
        else { throw DomainError.notFound }
        let today = LocalDate(now, in: TimeZone(identifier: project.timeZone) ?? .gmt)
        let contactName = try await NameLookup.contactName(contactID, on: ctx.db)
        return try await ctx.writeAudited(planOf: projectID) { db, audit in
            try await RowLock.lock(MeetingRecord.schema, id: meetingID, on: db)
            guard let record = try await MeetingStore.record(meetingID, on: db),
                var meeting = try await MeetingStore.meeting(meetingID, on: db)
            else { throw DomainError.notFound }
            try MinutesFlow.requireConfirmable(meeting.minutes)
            record.minutesStatus = .confirmed
            record.minutesConfirmedBy = contactID
            record.minutesConfirmedAt = now
            try await record.update(on: db)
            try await audit.append(
                on: db, at: now, actor: AuditContent.contactActor(contactID), action: HistoryAction.minutesConfirmed,
                objectType: "meeting", objectID: meetingID, projectID: projectID, content: MinutesContent.fields(meeting))
            for item in meeting.minutes?.actionItems ?? [] where item.owner == .team {
                let work = try await WorkItemActions.create(
                    CreateWorkItemRequest(
                        title: item.title, startDate: MinutesFlow.workStart(confirmedOn: today, due: item.dueDate).description,
                        dueDate: item.dueDate.description, visibleToCustomer: true),
                    projectID: projectID, now: now, inPlanWrite: db)
                guard let row = try await MeetingStore.actionItemRecord(item.id, on: db) else { throw DomainError.notFound }
                row.workItemID = work.id
                try await row.update(on: db)
            }
            try await TeamNotifications.enqueue(
                TeamNotice(
                    event: .minutesConfirmed, projectID: projectID, actorName: contactName, object: meeting.title, quote: nil,
                    path: PagePath.meeting(meetingID).description, idempotencyKey: "minutes-confirmed-\(meetingID.uuidString.lowercased())"),
                on: db, in: ctx)
            guard let confirmed = try await MeetingStore.meeting(meetingID, on: db) else { throw DomainError.notFound }
            meeting = confirmed
            return meeting
        }
    }

    /// The team marks a customer's action item done: it leaves the portal's "waiting on you". Recorded in the history.
    static func markDone(actionItemID: UUID, in ctx: ActionContext) async throws -> ActionItem {
        let now = ctx.now
        let actor = actor(ctx)
        return try await ctx.writeAudited { db, audit in
            try await RowLock.lock(MeetingActionItemRecord.schema, id: actionItemID, on: db)
            guard let row = try await MeetingStore.actionItemRecord(actionItemID, on: db) else { throw DomainError.notFound }
            guard row.owner == .customer else { throw DomainError.conflict("a team action item is done when its work item is") }
            guard row.doneAt == nil else { return try row.domain() }
            row.doneAt = now
            row.doneBy = actor
            try await row.update(on: db)
            try await audit.append(
                on: db, at: now, actor: actor, action: HistoryAction.actionItemDone, objectType: "action_item", objectID: actionItemID,
                projectID: row.projectID, content: [("title", row.title), ("dueDate", row.dueDate)])
            return try row.domain()
        }
    }

    /// What an invitation to the meeting needs (the calendar part renders the `.ics` and its e-mail).
    static func invitation(meetingID: UUID, on db: any Database) async throws -> MeetingInvitees {
        guard let record = try await MeetingStore.record(meetingID, on: db), let meeting = try await MeetingStore.meeting(meetingID, on: db),
            let project = try await ProjectRecord.find(record.projectID, on: db),
            let organizer = try await MeetingPeopleStore.organizer(actor: record.createdBy, workspaceID: project.workspaceID, on: db)
        else { throw DomainError.notFound }
        return MeetingInvitees.make(
            meeting, projectName: project.name, timeZone: project.timeZone, organizer: organizer,
            contacts: try await MeetingPeopleStore.contacts(projectID: record.projectID, on: db))
    }

    static func actor(_ ctx: ActionContext) -> String {
        if let member = ctx.identity.memberID { return HistoryAction.memberActor(member) }
        if let contact = ctx.identity.contactID { return AuditContent.contactActor(contact) }
        return "system"
    }
}
