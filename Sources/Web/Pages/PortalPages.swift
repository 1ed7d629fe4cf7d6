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
        app.endpoint(
            .POST, "portal", "projects", ":projectID", "scope-versions", ":number", "request-changes", rule: .projectApprove, surface: .page,
            use: requestChanges)
        app.endpoint(.POST, "portal", "deliverables", ":deliverableID", "accept", rule: .projectApprove, surface: .page, use: accept)
        app.endpoint(.POST, "portal", "deliverables", ":deliverableID", "return", rule: .projectApprove, surface: .page, use: giveBack)
    }

    @Sendable func index(req: Request) async throws -> Response {
        let c = try await PageContext.make(req)
        let projects = try await ProjectActions.visibleProjects(in: req.context)
        if projects.count == 1, let only = projects.first { return Layout.redirect("\(PagePath.portalProject(try only.requireID()))") }
        let model = try await PortalListModel.load(projects, now: req.now, on: req.db)
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

    /// The first submit asks for confirmation; the confirmed one signs and thanks the contact on the project page.
    @Sendable func signOff(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        let projectID = try project.requireID()
        guard let number = req.parameters.get("number", as: Int.self) else { throw DomainError.notFound }
        let form = try FormInput.decode(PortalConfirm.Form.self, from: req)
        guard form.confirmed else {
            // Refuse a version that cannot be signed before asking, so the confirmation never promises what fails.
            _ = try ScopeFlow.signOff(try await ScopeActions.version(projectID: projectID, number: number, on: req.db).status)
            let c = try await PageContext.make(req)
            return Layout.page(
                c, title: c.t("portal.confirmTitle"),
                PortalConfirm.render(
                    c, action: req.url.path, question: c.t("portal.confirmSignOff", String(number)), button: c.t("portal.confirmSign"),
                    comment: form.comment, back: "\(PagePath.portalProject(projectID))#scope"))
        }
        do {
            _ = try await ScopeActions.signOff(projectID: projectID, number: number, comment: form.comment, in: req.context)
        } catch {
            return try await Self.page(req, project: project, form: try req.refusal(of: error, form: "sign-off-\(number)"))
        }
        return Layout.redirect("\(PagePath.portalProject(projectID))?done=\(PortalNotice.signed.rawValue)#notice")
    }

    /// Sends the proposal back with the contact's comment (no confirmation: nothing is final).
    @Sendable func requestChanges(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        let projectID = try project.requireID()
        guard let number = req.parameters.get("number", as: Int.self) else { throw DomainError.notFound }
        do {
            let form = try FormInput.decode(CommentRequest.self, from: req)
            _ = try await ScopeActions.requestChanges(projectID: projectID, number: number, comment: form.comment, in: req.context)
            return Layout.redirect("\(PagePath.portalProject(projectID))?done=\(PortalNotice.changesRequested.rawValue)#notice")
        } catch {
            return try await Self.page(req, project: project, form: try req.refusal(of: error, form: "request-changes-\(number)"))
        }
    }

    @Sendable func accept(req: Request) async throws -> Response {
        try await decide(req, .accept)
    }

    @Sendable func giveBack(req: Request) async throws -> Response {
        try await decide(req, .return)
    }

    /// An acceptance is confirmed once first; a return carries its reason and needs no second step.
    private func decide(_ req: Request, _ action: DeliverableAction) async throws -> Response {
        let (deliverable, _) = try await req.authorizedDeliverable()
        do {
            let form = try FormInput.decode(PortalConfirm.Form.self, from: req)
            if action == .accept, !form.confirmed {
                _ = try DeliverableFlow.next(from: deliverable.status, on: .accept, comment: nil)
                let c = try await PageContext.make(req)
                return Layout.page(
                    c, title: c.t("portal.confirmTitle"),
                    PortalConfirm.render(
                        c, action: req.url.path, question: c.t("portal.confirmAccept", deliverable.name), button: c.t("portal.confirmAcceptYes"),
                        comment: form.comment, back: "\(PagePath.portalProject(deliverable.projectID))#d-\(try deliverable.requireID().uuidString)"))
            }
            _ = try await MilestoneActions.decide(deliverable, action: action, comment: form.comment, in: req.context)
            let notice: PortalNotice = action == .accept ? .accepted : .returned
            return Layout.redirect("\(PagePath.portalProject(deliverable.projectID))?done=\(notice.rawValue)#notice")
        } catch {
            let state = try req.refusal(of: error, form: "return-\(try deliverable.requireID().uuidString)")
            guard let project = try await ProjectRecord.find(deliverable.projectID, on: req.db) else { throw DomainError.notFound }
            return try await Self.page(req, project: project, form: state)
        }
    }
}
