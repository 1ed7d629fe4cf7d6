import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// The project's audit trail and the whole chain's verification.
struct AuditAPIController {
    func register(_ api: any RoutesBuilder) {
        api.endpoint(.GET, "projects", ":projectID", "audit", rule: .projectAudit, surface: .api, use: projectAudit)
        api.endpoint(.GET, "audit", "verify", rule: .owner, surface: .api, use: verify)
    }

    @Sendable func projectAudit(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        let paging = try Paging(req)
        let entries = try await AuditLog.projectEntries(project.requireID(), offset: paging.offset, limit: paging.limit + 1, on: req.db)
        return JSON.response(
            ListResponse(
                items: entries.prefix(paging.limit).map(AuditEntryResponse.init),
                nextCursor: paging.nextCursorIfFull(entries.count)))
    }

    struct VerifyResponse: Encodable {
        var ok: Bool
        var entries: Int
        var firstBadSeq: Int?
        /// What was found, e.g. "entry 7: hash does not match (keyed with another key, or edited)".
        var problem: String?
        /// Something to look at that is not itself a failure (no checkpoint).
        var warning: String?
    }

    @Sendable func verify(req: Request) async throws -> Response {
        let result = try await req.application.verifyAuditLog()
        return JSON.response(
            VerifyResponse(
                ok: result.ok, entries: result.entries, firstBadSeq: result.firstBadSeq,
                problem: result.problem?.description, warning: result.warning))
    }
}
