import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// Creating a project and the forms of the project page.
struct ProjectPages {
    func register(_ app: any RoutesBuilder) {
        app.endpoint(.GET, "projects", "new", rule: .manager, surface: .page, use: newForm)
        app.endpoint(.POST, "projects", rule: .manager, surface: .page, use: create)
        app.endpoint(.GET, "projects", ":projectID", rule: .projectTeam, surface: .page, use: ProjectPage.show)
        app.endpoint(.POST, "projects", ":projectID", "scope-versions", rule: .projectTeam, surface: .page, use: proposeScope)
        app.endpoint(.POST, "projects", ":projectID", "milestones", rule: .projectTeam, surface: .page, use: createMilestone)
        app.endpoint(.POST, "projects", ":projectID", "work-items", rule: .projectTeam, surface: .page, use: createWorkItem)
        app.endpoint(.POST, "milestones", ":milestoneID", "deliverables", rule: .projectTeam, surface: .page, use: createDeliverable)
        app.endpoint(.POST, "deliverables", ":deliverableID", "submit", rule: .projectTeam, surface: .page, use: submitDeliverable)
        app.endpoint(.POST, "work-items", ":workItemID", "progress", rule: .projectTeam, surface: .page, use: updateProgress)
    }

    @Sendable func newForm(req: Request) async throws -> Response {
        try await newForm(req, form: nil)
    }

    /// The new-project form, re-showing `form` when it was refused.
    func newForm(_ req: Request, form: FormState?) async throws -> Response {
        let c = try await PageContext.make(req)
        let workspaceID = try await CustomerActions.workspaceID(in: req.context)
        let customers = try await CustomerStore.byName(workspaceID: workspaceID, on: req.db)
        guard !customers.isEmpty else {
            return Layout.page(
                c, title: c.t("nav.newProject"),
                "<section class=\"card\"><p>\(c.t("projects.needCustomer"))</p><p><a href=\"/customers\">\(c.t("nav.customers"))</a></p></section>")
        }
        let options = customers.map { (value: $0.id.uuidString, label: $0.name) }
        let today = LocalDate(req.now, in: TimeZone(identifier: "Asia/Shanghai")!)
        let f = FormFields(c, "new-project", form)
        return FormState.page(
            c, title: c.t("nav.newProject"), form: form,
            """
            <section class="card narrow"><h1>\(c.t("nav.newProject"))</h1>\(c.form(action: "/projects", id: "new-project", """
              \(f.select("customerId", label: c.t("field.customer"), options: options))
              \(f.input("name", label: c.t("field.name"), "required maxlength=\"200\""))
              \(f.textarea("goals", label: c.t("field.goals"), hint: " <small>\(c.t("hint.onePerLine"))</small>"))
              <div class="row">\(f.input("startDate", label: c.t("field.startDate"), type: "date", value: today.description, "required"))
              \(f.input("timeZone", label: c.t("field.timeZone"), value: "Asia/Shanghai", "required"))</div>
              <div class="row">\(f.input("currency", label: c.t("field.currency"), value: "CNY", "maxlength=\"3\""))
              \(f.input("budget", label: c.t("field.budget"), "inputmode=\"decimal\""))</div>
              <button type="submit">\(c.t("projects.create"))</button>
            """))</section>
            """)
    }

    struct ProjectForm: Decodable {
        var customerId: UUID
        var name: String
        var goals: String?
        var startDate: String
        var timeZone: String
        var currency: String?
        var budget: String?
    }

    @Sendable func create(req: Request) async throws -> Response {
        do {
            return try await saveProject(req)
        } catch {
            return try await newForm(req, form: try req.refusal(of: error, form: "new-project"))
        }
    }

    private func saveProject(_ req: Request) async throws -> Response {
        let form = try FormInput.decode(ProjectForm.self, from: req)
        var budgetMinor: Int?
        if let text = FormInput.optional(form.budget) {
            guard let value = Decimal(string: text), value >= 0, value < 1_000_000_000_000 else {
                throw DomainError.validation(field: "budget", rule: .amount)
            }
            budgetMinor = NSDecimalNumber(decimal: value * 100).intValue
        }
        let project = try await ProjectActions.create(
            CreateProjectRequest(
                customerId: form.customerId, name: form.name, timeZone: form.timeZone,
                startDate: form.startDate, goals: FormInput.lines(form.goals),
                currency: FormInput.optional(form.currency), budgetMinor: budgetMinor), in: req.context)
        return Layout.redirect("\(PagePath.project(try project.requireID()))")
    }

    struct ScopeForm: Decodable {
        var goals: String?
        var inScope: String?
        var outOfScope: String?
        var notes: String?
    }

    @Sendable func proposeScope(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        do {
            let form = try FormInput.decode(ScopeForm.self, from: req)
            _ = try await ScopeActions.propose(
                ProposeScopeRequest(
                    goals: FormInput.lines(form.goals), inScope: FormInput.lines(form.inScope),
                    outOfScope: FormInput.lines(form.outOfScope), notes: form.notes),
                projectID: try project.requireID(), in: req.context)
            return Layout.redirect("\(PagePath.project(try project.requireID()))#scope")
        } catch {
            return try await ProjectPage.show(req, project: project, form: try req.refusal(of: error, form: "new-scope"))
        }
    }

    struct MilestoneForm: Decodable {
        var name: String
        var dueDate: String
        var description: String?
        var visibleToCustomer: String?
        var confirm: String?
    }

    @Sendable func createMilestone(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        do {
            let form = try FormInput.decode(MilestoneForm.self, from: req)
            _ = try await MilestoneActions.create(
                CreateMilestoneRequest(
                    name: form.name, dueDate: form.dueDate, description: form.description,
                    visibleToCustomer: FormInput.checked(form.visibleToCustomer), confirm: form.confirm == "true"),
                projectID: try project.requireID(), in: req.context)
            return Layout.redirect("\(PagePath.project(try project.requireID()))#milestones")
        } catch {
            return try await ProjectPage.show(req, project: project, form: try req.refusal(of: error, form: "new-milestone"))
        }
    }

    struct WorkItemForm: Decodable {
        var title: String
        var startDate: String
        var dueDate: String
        var estimateHours: String?
        var assigneeId: String?
        var milestoneId: String?
        var dependsOn: [UUID]?
        var visibleToCustomer: String?
        var isKey: String?
        var confirm: String?
    }

    @Sendable func createWorkItem(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        do {
            return try await saveWorkItem(req, project: project)
        } catch {
            return try await ProjectPage.show(req, project: project, form: try req.refusal(of: error, form: "new-work-item"))
        }
    }

    private func saveWorkItem(_ req: Request, project: ProjectRecord) async throws -> Response {
        let form = try FormInput.decode(WorkItemForm.self, from: req)
        var hours: Double?
        if let text = FormInput.optional(form.estimateHours) {
            guard let value = Double(text) else { throw DomainError.validation(field: "estimateHours", rule: .number) }
            hours = value
        }
        _ = try await WorkItemActions.create(
            CreateWorkItemRequest(
                title: form.title, startDate: form.startDate, dueDate: form.dueDate, estimateHours: hours,
                assigneeId: FormInput.optional(form.assigneeId).flatMap(UUID.init(uuidString:)),
                milestoneId: FormInput.optional(form.milestoneId).flatMap(UUID.init(uuidString:)),
                dependsOn: form.dependsOn ?? [], dependencyLags: nil,
                visibleToCustomer: FormInput.checked(form.visibleToCustomer), isKey: FormInput.checked(form.isKey),
                confirm: form.confirm == "true"), projectID: try project.requireID(),
            in: req.context)
        return Layout.redirect("\(PagePath.project(try project.requireID()))#work")
    }

    struct DeliverableForm: Decodable {
        var name: String
        var acceptanceCriteria: String?
    }

    @Sendable func createDeliverable(req: Request) async throws -> Response {
        let milestone = try await req.authorizedMilestone()
        let key = "new-deliverable-\(try milestone.requireID().uuidString)"
        do {
            let form = try FormInput.decode(DeliverableForm.self, from: req)
            _ = try await MilestoneActions.createDeliverable(
                CreateDeliverableRequest(name: form.name, acceptanceCriteria: form.acceptanceCriteria),
                milestone: milestone, in: req.context)
            return Layout.redirect("\(PagePath.project(milestone.projectID))#milestones")
        } catch {
            return try await ProjectPage.show(req, projectID: milestone.projectID, form: try req.refusal(of: error, form: key))
        }
    }

    @Sendable func submitDeliverable(req: Request) async throws -> Response {
        let (deliverable, _) = try await req.authorizedDeliverable()
        let key = "submit-\(try deliverable.requireID().uuidString)"
        do {
            let form = try FormInput.decode(SubmitDeliverableRequest.self, from: req)
            _ = try await MilestoneActions.submit(
                deliverable, SubmitDeliverableRequest(note: form.note, link: FormInput.optional(form.link)), in: req.context)
            return Layout.redirect("\(PagePath.project(deliverable.projectID))#milestones")
        } catch {
            return try await ProjectPage.show(req, projectID: deliverable.projectID, form: try req.refusal(of: error, form: key))
        }
    }

    struct ProgressForm: Decodable {
        var progress: Int
    }

    @Sendable func updateProgress(req: Request) async throws -> Response {
        let item = try await req.authorizedWorkItem()
        let key = "progress-\(try item.requireID().uuidString)"
        do {
            let form = try FormInput.decode(ProgressForm.self, from: req)
            _ = try await WorkItemActions.update(item, with: UpdateWorkItemRequest(progress: form.progress), in: req.context)
            return Layout.redirect("\(PagePath.project(item.projectID))#work")
        } catch {
            return try await ProjectPage.show(req, projectID: item.projectID, form: try req.refusal(of: error, form: key))
        }
    }
}
