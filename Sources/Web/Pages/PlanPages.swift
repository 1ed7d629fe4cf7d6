import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// The plan forms of the team's project page: baselines, the working calendar, editing a work item.
struct PlanPages {
    func register(_ app: any RoutesBuilder) {
        app.endpoint(.POST, "projects", ":projectID", "baselines", rule: .projectTeam, surface: .page, use: createBaseline)
        app.endpoint(.POST, "projects", ":projectID", "calendar", rule: .projectTeam, surface: .page, use: updateCalendar)
        app.endpoint(.GET, "work-items", ":workItemID", "edit", rule: .projectTeam, surface: .page, use: editForm)
        app.endpoint(.POST, "work-items", ":workItemID", "edit", rule: .projectTeam, surface: .page, use: editWorkItem)
    }

    struct BaselineForm: Decodable {
        var name: String
    }

    /// Saves the current plan as a baseline and shows the comparison with it.
    @Sendable func createBaseline(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        do {
            let form = try FormInput.decode(BaselineForm.self, from: req)
            let record = try await BaselineActions.create(CreateBaselineRequest(name: form.name), project: project, in: req.context)
            return Layout.redirect("\(PagePath.project(try project.requireID()))?baseline=\(try record.requireID().uuidString)#plan")
        } catch {
            return try await ProjectPage.show(req, project: project, form: try req.refusal(of: error, form: "new-baseline"))
        }
    }

    struct CalendarForm: Decodable {
        var nonWorkingDates: String?
        var workingDates: String?
    }

    /// Replaces the working calendar from two textareas of dates, one per line.
    @Sendable func updateCalendar(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        do {
            let form = try FormInput.decode(CalendarForm.self, from: req)
            _ = try await CalendarActions.update(
                WorkingCalendarBody(
                    nonWorkingDates: FormInput.lines(form.nonWorkingDates),
                    workingDates: FormInput.lines(form.workingDates)),
                projectID: try project.requireID(), in: req.context)
            return Layout.redirect("\(PagePath.project(try project.requireID()))#calendar")
        } catch {
            return try await ProjectPage.show(req, project: project, form: try req.refusal(of: error, form: "working-calendar"))
        }
    }
}
