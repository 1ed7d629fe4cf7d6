import Domain
import Foundation
import Persistence
import Vapor

/// The thread pages: the team's (every message, with the visibility choice) and the portal's (customer-visible
/// messages only, in the contact's language, laid out for a phone).
struct MessagePages {
    func register(_ app: any RoutesBuilder) {
        app.endpoint(.GET, "projects", ":projectID", "messages", rule: .projectTeam, surface: .page, use: teamThread)
        app.endpoint(.POST, "projects", ":projectID", "messages", rule: .projectTeam, surface: .page, use: teamPost)
        app.endpoint(.GET, "portal", "projects", ":projectID", "messages", rule: .projectView, surface: .page, use: portalThread)
        app.endpoint(.POST, "portal", "projects", ":projectID", "messages", rule: .projectView, surface: .page, use: portalPost)
    }

    @Sendable func teamThread(req: Request) async throws -> Response {
        try await Self.page(req, project: try await req.authorizedProject(), team: true, form: nil)
    }

    @Sendable func portalThread(req: Request) async throws -> Response {
        try await Self.page(req, project: try await req.authorizedProject(), team: false, form: nil)
    }

    @Sendable func teamPost(req: Request) async throws -> Response {
        try await post(req, team: true)
    }

    /// The portal's form always posts a customer-visible message (a member previewing the portal posts one too).
    @Sendable func portalPost(req: Request) async throws -> Response {
        try await post(req, team: false)
    }

    private func post(_ req: Request, team: Bool) async throws -> Response {
        let project = try await req.authorizedProject()
        let projectID = try project.requireID()
        do {
            var input = try FormInput.decode(PostMessageRequest.self, from: req)
            if !team { input.visibility = Message.Visibility.customer.rawValue }
            _ = try await MessageActions.post(input, on: project, in: req.context)
        } catch {
            return try await Self.page(req, project: project, team: team, form: try req.refusal(of: error, form: "message"))
        }
        let path: PagePath = team ? .projectMessages(projectID) : .portalMessages(projectID)
        return Layout.redirect("\(path)#latest")
    }

    static func page(_ req: Request, project: ProjectRecord, team: Bool, form: FormState?) async throws -> Response {
        let c = try await PageContext.make(req)
        let projectID = try project.requireID()
        let messages = try await MessageStore.list(
            projectID: projectID, customerOnly: !team || c.identity.contactID != nil, offset: 0, limit: MessageThreadView.shown, on: req.db)
        let back: PagePath = team ? .project(projectID) : .portalProject(projectID)
        let action: PagePath = team ? .projectMessages(projectID) : .portalMessages(projectID)
        let title = "\(c.t("messages.title")) — \(project.name)"
        let reach = team ? MessageThreadView.reach(c, try await MessageStore.recipients(projectID: projectID, on: req.db)) : .empty
        return FormState.page(
            c, title: title, form: form,
            """
            <div class="head"><div><h1>\(title)</h1>\(team ? "<p class=\"hint\">\(c.t("messages.teamIntro"))</p>" as HTML : .empty)</div>\
            <div class="actions"><a class="button secondary" href="\(back)">\(c.t("action.backToProject"))</a></div></div>
            <section class="card messages" id="thread">\(MessageThreadView.thread(c, messages, timeZone: project.timeZone, team: team))\
            \(MessageThreadView.form(c, action: action, form: form, team: team))\(reach)</section>
            """)
    }
}
