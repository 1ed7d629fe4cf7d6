import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// Projects, invitations and scope versions.
struct ProjectsAPIController {
    func register(_ api: any RoutesBuilder) {
        api.endpoint(.POST, "projects", rule: .manager, surface: .api, use: create)
        api.endpoint(.GET, "projects", rule: .signedIn, surface: .api, use: index)
        api.endpoint(.GET, "projects", ":projectID", rule: .projectView, surface: .api, use: show)
        api.endpoint(.PATCH, "projects", ":projectID", rule: .projectTeam, surface: .api, use: update)
        api.endpoint(.POST, "projects", ":projectID", "invitations", rule: .projectManage, surface: .api, use: invite)
        api.endpoint(.POST, "projects", ":projectID", "scope-versions", rule: .projectTeam, surface: .api, use: proposeScope)
        api.endpoint(.GET, "projects", ":projectID", "scope-versions", rule: .projectView, surface: .api, use: scopeVersions)
        api.endpoint(.POST, "projects", ":projectID", "scope-versions", ":number", "sign-off", rule: .projectApprove, surface: .api, use: signOff)
        api.endpoint(
            .POST, "projects", ":projectID", "scope-versions", ":number", "request-changes", rule: .projectApprove, surface: .api,
            use: requestChanges)
        api.endpoint(.GET, "projects", ":projectID", "scope-versions", ":number", "diff", rule: .projectView, surface: .api, use: scopeDiff)
    }

    static func response(_ project: ProjectRecord, on req: Request) async throws -> ProjectResponse {
        let customerView = try await req.identity.contactID != nil
        return try ProjectResponse(project, summary: try await PlanSummary.load(project, customerView: customerView, in: req.context))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let project = try await ProjectActions.create(JSON.decode(CreateProjectRequest.self, from: req), in: req.context)
        return JSON.response(try await Self.response(project, on: req), status: .created)
    }

    @Sendable func index(req: Request) async throws -> Response {
        let paging = try Paging(req)
        // `?archived=true` adds the archived projects to the list.
        var archived: Bool? = false
        if let text = req.query[String.self, at: "archived"] {
            guard let value = Bool(text) else { throw DomainError.validation(field: "archived", rule: .type("true or false", null: false)) }
            archived = value ? nil : false
        }
        let (page, next) = paging.page(try await ProjectActions.visibleProjects(archived: archived, in: req.context))
        var items: [ProjectResponse] = []
        for project in page { items.append(try await Self.response(project, on: req)) }
        return JSON.response(ListResponse(items: items, nextCursor: next))
    }

    @Sendable func show(req: Request) async throws -> Response {
        JSON.response(try await Self.response(req.authorizedProject(), on: req))
    }

    @Sendable func update(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        let updated = try await ProjectActions.update(
            project, with: JSON.decode(UpdateProjectRequest.self, from: req), clearing: JSON.nullKeys(from: req), in: req.context)
        return JSON.response(try await Self.response(updated, on: req))
    }

    struct InvitationResponse: Encodable {
        var url: String
        var token: String
        var expiresAt: Date
        var message: String
    }

    @Sendable func invite(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        let issued = try await InvitationActions.invite(JSON.decode(CreateInvitationRequest.self, from: req), to: project, in: req.context)
        return JSON.response(
            InvitationResponse(url: issued.url, token: issued.token, expiresAt: issued.expiresAt, message: issued.message), status: .created)
    }

    @Sendable func proposeScope(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        let version = try await ScopeActions.propose(
            JSON.decode(ProposeScopeRequest.self, from: req), projectID: try project.requireID(), in: req.context)
        return JSON.response(try await ScopeActions.response(version, on: req.db), status: .created)
    }

    @Sendable func scopeVersions(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        let paging = try Paging(req)
        let versions = try await ScopeStore.versions(projectID: project.requireID(), on: req.db)
        let (page, next) = paging.page(versions)
        var items: [ScopeVersionResponse] = []
        for version in page { items.append(try await ScopeActions.response(version, on: req.db)) }
        return JSON.response(ListResponse(items: items, nextCursor: next))
    }

    @Sendable func signOff(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        guard let number = req.parameters.get("number", as: Int.self) else { throw DomainError.notFound }
        let input = try JSON.decode(CommentRequest.self, from: req)
        let version = try await ScopeActions.signOff(projectID: try project.requireID(), number: number, comment: input.comment, in: req.context)
        return JSON.response(try await ScopeActions.response(version, on: req.db))
    }

    @Sendable func requestChanges(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        guard let number = req.parameters.get("number", as: Int.self) else { throw DomainError.notFound }
        let input = try JSON.decode(CommentRequest.self, from: req)
        let version = try await ScopeActions.requestChanges(projectID: project.requireID(), number: number, comment: input.comment, in: req.context)
        return JSON.response(try await ScopeActions.response(version, on: req.db))
    }

    @Sendable func scopeDiff(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        guard let number = req.parameters.get("number", as: Int.self) else { throw DomainError.notFound }
        return JSON.response(ScopeDiffResponse(try await ScopeActions.diff(projectID: project.requireID(), number: number, on: req.db)))
    }
}
