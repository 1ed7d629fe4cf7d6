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

    /// One work item's full edit form, dependencies included (a page of its own, so the project page stays light).
    @Sendable func editForm(req: Request) async throws -> Response {
        try await editForm(req, record: try await req.authorizedWorkItem(), form: nil)
    }

    /// The edit page of `record` (authorized by the caller), re-showing `form` when it was refused.
    func editForm(_ req: Request, record: WorkItemRecord, form: FormState?) async throws -> Response {
        let c = try await PageContext.make(req)
        guard let project = try await ProjectRecord.find(record.projectID, on: req.db) else { throw DomainError.notFound }
        let items = try await PlanStore.workItems(projectID: project.id!, on: req.db)
        guard let item = items.first(where: { $0.id == record.id }) else { throw DomainError.notFound }
        let members = try await MemberStore.byName(workspaceID: project.workspaceID, on: req.db)
        let memberNames = Dictionary(uniqueKeysWithValues: try members.map { (try $0.requireID(), $0.name) })
        return FormState.page(
            c, title: item.title, form: form,
            """
            <section class="card narrow"><h1>\(item.title)</h1><p class="muted"><a href="\(PagePath.project(project.id!))#work">\(project.name)</a></p>
            \(WorkItemEditView.form(c, item: item, items: items, memberNames: memberNames, state: form))
            </section>
            """)
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

    struct WorkItemEditForm: Decodable {
        var title: String?
        var startDate: String?
        var dueDate: String?
        var assigneeId: String?
        var progress: Int?
        var status: WorkItemStatus?
        /// Present when the form showed the dependency list, so an empty selection clears it.
        var dependenciesShown: String?
        var dependsOn: [UUID]?
    }

    /// Changes a work item's title, dates, owner, dependencies, progress or status (a cycle answers 409).
    @Sendable func editWorkItem(req: Request) async throws -> Response {
        let item = try await req.authorizedWorkItem()
        do {
            return try await saveWorkItem(req, item: item)
        } catch {
            return try await editForm(req, record: item, form: try req.refusal(of: error, form: "edit-work-item"))
        }
    }

    private func saveWorkItem(_ req: Request, item: WorkItemRecord) async throws -> Response {
        let form = try FormInput.decode(WorkItemEditForm.self, from: req)
        var update = UpdateWorkItemRequest()
        update.title = FormInput.optional(form.title)
        update.startDate = FormInput.optional(form.startDate)
        update.dueDate = FormInput.optional(form.dueDate)
        update.assigneeId = FormInput.optional(form.assigneeId).flatMap(UUID.init(uuidString:))
        update.progress = form.progress
        // The select always posts a status; only a changed one counts, so a new progress can move "to do" to "doing".
        update.status = form.status == item.status ? nil : form.status
        if form.dependenciesShown != nil { update.dependsOn = form.dependsOn ?? [] }
        _ = try await WorkItemActions.update(item, with: update, in: req.context)
        return Layout.redirect("\(PagePath.project(item.projectID))#work")
    }
}
