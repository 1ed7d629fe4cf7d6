import Domain
import Foundation
import Persistence
import Vapor

/// Uploads to deliverables and scope versions, and downloads.
struct FilesAPIController {
    func register(_ api: any RoutesBuilder) {
        api.endpoint(.POST, "deliverables", ":deliverableID", "files", rule: .projectTeam, surface: .api, body: .stream, use: uploadToDeliverable)
        api.endpoint(
            .POST, "projects", ":projectID", "scope-versions", ":number", "files", rule: .projectTeam, surface: .api, body: .stream,
            use: uploadToScopeVersion)
        api.endpoint(.GET, "files", ":fileID", rule: .projectView, surface: .api, use: Self.download)
    }

    @Sendable func uploadToDeliverable(req: Request) async throws -> Response {
        let (deliverable, _) = try await req.authorizedDeliverable()
        let file = try await FileActions.attachToDeliverable(deliverable, from: req, csrf: nil, in: req.context)
        return JSON.response(FileResponse(file), status: .created)
    }

    @Sendable func uploadToScopeVersion(req: Request) async throws -> Response {
        let version = try await Self.scopeVersion(req)
        let file = try await FileActions.attachToScopeVersion(version, from: req, csrf: nil, in: req.context)
        return JSON.response(FileResponse(file), status: .created)
    }

    /// The project's scope version `:number`, once the project is authorized.
    static func scopeVersion(_ req: Request) async throws -> ScopeVersionRecord {
        let project = try await req.authorizedProject()
        guard let number = req.parameters.get("number", as: Int.self) else { throw DomainError.notFound }
        return try await ScopeActions.version(projectID: project.requireID(), number: number, on: req.db)
    }
}

extension FilesAPIController {
    /// The bytes as a download: always an attachment, never sniffed, not cached by shared caches.
    static func download(_ req: Request) async throws -> Response {
        let file = try await req.authorizedFile()
        guard let path = FileStorage(root: req.tandem.config.filesDirectory).path(sha256: file.sha256),
            FileManager.default.fileExists(atPath: path)
        else {
            throw Abort(.internalServerError, reason: "the bytes of file \(file.id) (\(file.sha256)) are missing from the files directory")
        }
        let response = try await req.fileio.asyncStreamFile(at: path)
        response.headers.replaceOrAdd(name: .contentType, value: file.contentType)
        response.headers.replaceOrAdd(name: .contentDisposition, value: FileRules.attachmentDisposition(name: file.name))
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-cache")
        return response
    }
}

/// The same on the team's project page (a multipart form), and downloads for the team pages and the portal.
struct FilePages {
    func register(_ app: Application) {
        app.endpoint(.POST, "deliverables", ":deliverableID", "files", rule: .projectTeam, surface: .page, body: .stream, use: uploadToDeliverable)
        app.endpoint(
            .POST, "projects", ":projectID", "scope-versions", ":number", "files", rule: .projectTeam, surface: .page, body: .stream,
            use: uploadToScopeVersion)
        app.endpoint(.GET, "files", ":fileID", rule: .projectView, surface: .page, use: FilesAPIController.download)
    }

    @Sendable func uploadToDeliverable(req: Request) async throws -> Response {
        let (deliverable, _) = try await req.authorizedDeliverable()
        let ctx = try await req.context
        _ = try await FileActions.attachToDeliverable(deliverable, from: req, csrf: ctx.identity.csrfToken ?? "", in: ctx)
        return Layout.redirect("\(PagePath.project(deliverable.projectID))#milestones")
    }

    @Sendable func uploadToScopeVersion(req: Request) async throws -> Response {
        let version = try await FilesAPIController.scopeVersion(req)
        let ctx = try await req.context
        _ = try await FileActions.attachToScopeVersion(version, from: req, csrf: ctx.identity.csrfToken ?? "", in: ctx)
        return Layout.redirect("\(PagePath.project(version.projectID))#scope")
    }
}
