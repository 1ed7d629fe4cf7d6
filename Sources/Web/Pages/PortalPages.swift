import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// The customer portal's routes: the list of the contact's projects, a page per project
/// (`PortalProjectModel` + `PortalProjectView`), and the sign-off and acceptance forms.
struct PortalPages {
    func register(_ app: any RoutesBuilder) {
        app.endpoint(.GET, "portal", rule: .contact, surface: .page, use: index)
        app.endpoint(.GET, "portal", "projects", ":projectID", rule: .projectView, surface: .page, use: show)
        app.endpoint(
            .POST, "portal", "projects", ":projectID", "scope-versions", ":number", "sign-off", rule: .projectApprove, surface: .page, use: signOff)
        app.endpoint(.POST, "portal", "deliverables", ":deliverableID", "accept", rule: .projectApprove, surface: .page, use: accept)
        app.endpoint(.POST, "portal", "deliverables", ":deliverableID", "return", rule: .projectApprove, surface: .page, use: giveBack)
    }

    @Sendable func index(req: Request) async throws -> Response {
        let c = try await PageContext.make(req)
        let projects = try await ProjectActions.visibleProjects(in: req.context)
        if projects.count == 1, let only = projects.first { return Layout.redirect("\(PagePath.portalProject(only.id!))") }
        let model = try await PortalListModel.load(projects, on: req.db)
        return Layout.page(c, title: c.t("nav.myProjects"), PortalListView.render(c, model))
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await Self.page(req, project: try await req.authorizedProject(), form: nil)
    }

    /// The project page of the portal, re-showing `form` when it was refused; the caller has authorized `project`.
    static func page(_ req: Request, project: ProjectRecord, form: FormState?) async throws -> Response {
        let c = try await PageContext.make(req)
        var model = try await PortalProjectModel.load(req, project: project)
        model.form = form
        // A member previewing reads the page in the previewed contact's language.
        let lc = model.preview?.context(c) ?? c
        return FormState.page(lc, title: model.name, form: form, PortalProjectView.render(lc, model))
    }

    @Sendable func signOff(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        guard let number = req.parameters.get("number", as: Int.self) else { throw DomainError.notFound }
        do {
            let form = try FormInput.decode(CommentRequest.self, from: req)
            _ = try await ScopeActions.signOff(projectID: try project.requireID(), number: number, comment: form.comment, in: req.context)
            return Layout.redirect("\(PagePath.portalProject(try project.requireID()))#scope")
        } catch {
            return try await Self.page(req, project: project, form: try req.refusal(of: error, form: "sign-off-\(number)"))
        }
    }

    @Sendable func accept(req: Request) async throws -> Response {
        try await decide(req, .accept)
    }

    @Sendable func giveBack(req: Request) async throws -> Response {
        try await decide(req, .return)
    }

    private func decide(_ req: Request, _ action: DeliverableAction) async throws -> Response {
        let (deliverable, _) = try await req.authorizedDeliverable()
        do {
            let form = try FormInput.decode(CommentRequest.self, from: req)
            _ = try await MilestoneActions.decide(deliverable, action: action, comment: form.comment, in: req.context)
            return Layout.redirect("\(PagePath.portalProject(deliverable.projectID))#milestones")
        } catch {
            let state = try req.refusal(of: error, form: "return-\(try deliverable.requireID().uuidString)")
            guard let project = try await ProjectRecord.find(deliverable.projectID, on: req.db) else { throw DomainError.notFound }
            return try await Self.page(req, project: project, form: state)
        }
    }
}
