import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// The meeting pages: the team schedules from the project page, writes the minutes on the meeting's page and marks a
/// customer's action item done; the contact confirms the minutes from the portal. All work without JavaScript.
struct MeetingPages {
    /// Empty action-item rows the minutes form offers; "add more rows" saves and offers as many again.
    static let blankRows = 3

    func register(_ app: any RoutesBuilder) {
        app.endpoint(.POST, "projects", ":projectID", "meetings", rule: .projectTeam, surface: .page, use: create)
        app.endpoint(.GET, "meetings", ":meetingID", rule: .projectTeam, surface: .page, use: show)
        app.endpoint(.POST, "meetings", ":meetingID", "minutes", rule: .projectTeam, surface: .page, use: writeMinutes)
        app.endpoint(.POST, "action-items", ":actionItemID", "done", rule: .projectTeam, surface: .page, use: markDone)
        app.endpoint(.POST, "portal", "meetings", ":meetingID", "confirm", rule: .projectContact, surface: .page, use: confirm)
    }

    struct ScheduleForm: Decodable {
        var title: String
        var startsAt: String
        var durationMinutes: String
        var videoLink: String?
        var agenda: String?
        var visibleToCustomer: String?
    }

    @Sendable func create(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        let projectID = try project.requireID()
        do {
            let form = try FormInput.decode(ScheduleForm.self, from: req)
            guard let startsAt = MeetingTime.parse(form.startsAt, timeZone: project.timeZone) else {
                throw DomainError.validation(field: "startsAt", rule: .instant)
            }
            guard let duration = Int(form.durationMinutes.trimmingCharacters(in: .whitespaces)) else {
                throw DomainError.validation(field: "durationMinutes", rule: .number)
            }
            let agenda = FormInput.lines(form.agenda ?? "")
            let input = CreateMeetingRequest(
                title: form.title, startsAt: RFC3339.string(startsAt), durationMinutes: duration,
                videoLink: form.videoLink?.isEmpty == false ? form.videoLink : nil, agenda: agenda.isEmpty ? nil : agenda,
                visibleToCustomer: form.visibleToCustomer != nil)
            let meeting = try await MeetingActions.create(input, projectID: projectID, in: req.context)
            return Layout.redirect("\(PagePath.meeting(meeting.id))")
        } catch {
            return try await ProjectPage.show(req, project: project, form: try req.refusal(of: error, form: "schedule-meeting"))
        }
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await Self.page(req, meeting: try await req.authorizedMeeting(), form: nil)
    }

    static func page(_ req: Request, meeting: Meeting, form: FormState?, rows: Int = blankRows) async throws -> Response {
        let c = try await PageContext.make(req)
        guard let project = try await ProjectRecord.find(meeting.projectID, on: req.db) else { throw DomainError.notFound }
        let confirmer = try await PersonRef.contact(meeting.minutes?.confirmedBy, on: req.db)?.name
        return FormState.page(
            c, title: meeting.title, form: form,
            MeetingPageView.render(c, meeting, project: project, confirmer: confirmer, form: form, blankRows: rows))
    }

    @Sendable func writeMinutes(req: Request) async throws -> Response {
        let meeting = try await req.authorizedMeeting()
        let body = req.body.string ?? ""
        let fields = FormInput.fields(ofForm: body)
        func all(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }
        let titles = all("itemTitle")
        let owners = all("itemOwner")
        let dues = all("itemDue")
        var items: [MinutesRequest.Item] = []
        for index in titles.indices where !titles[index].trimmingCharacters(in: .whitespaces).isEmpty {
            items.append(.init(title: titles[index], owner: owners[safe: index] ?? "team", dueDate: dues[safe: index] ?? ""))
        }
        let input = MinutesRequest(
            notes: all("notes").first ?? "", decisions: FormInput.lines(all("decisions").first ?? ""), actionItems: items)
        do {
            let updated = try await MeetingActions.writeMinutes(input, meetingID: meeting.id, in: req.context)
            if all("more").first != nil {
                return try await Self.page(req, meeting: updated, form: nil, rows: Self.blankRows * 2)
            }
            return Layout.redirect("\(PagePath.meeting(meeting.id))#minutes")
        } catch {
            return try await Self.page(req, meeting: meeting, form: try req.refusal(of: error, form: "minutes"))
        }
    }

    @Sendable func markDone(req: Request) async throws -> Response {
        let item = try await req.authorizedActionItem()
        _ = try await MeetingActions.markDone(actionItemID: item.id, in: req.context)
        return Layout.redirect("\(PagePath.meeting(item.meetingID))#minutes")
    }

    /// The first submit asks once more (`PortalConfirm`, showing what is confirmed); the second confirms and thanks.
    @Sendable func confirm(req: Request) async throws -> Response {
        let meeting = try await req.authorizedMeeting()
        let form = try FormInput.decode(PortalConfirm.Form.self, from: req)
        guard form.confirmed else {
            // Refuse what cannot be confirmed before asking, so the question never promises what fails.
            try MinutesFlow.requireConfirmable(meeting.minutes)
            let c = try await PageContext.make(req)
            return Layout.page(
                c, title: c.t("portal.confirmTitle"),
                PortalConfirm.render(
                    c, action: req.url.path, question: c.t("meetings.confirmQuestion", meeting.title), button: c.t("meetings.confirmYes"),
                    comment: nil, back: "\(PagePath.portalProject(meeting.projectID))#minutes-\(meeting.id.uuidString)"))
        }
        _ = try await MeetingActions.confirm(meetingID: meeting.id, in: req.context)
        return Layout.redirect("\(PagePath.portalProject(meeting.projectID))?done=\(PortalNotice.minutes.rawValue)#notice")
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
