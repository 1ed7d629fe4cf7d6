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
        let entries = try await AuditEntryRecord.query(on: req.db).filter(\.$projectID == project.id!)
            .sort(\.$seq).range(paging.offset..<(paging.offset + paging.limit + 1)).all()
        return JSON.response(ListResponse(items: entries.prefix(paging.limit).map { AuditEntryResponse($0.domain) },
                                          nextCursor: paging.nextCursorIfFull(entries.count)))
    }

    struct VerifyResponse: Encodable {
        var ok: Bool
        var entries: Int
        var firstBadSeq: Int?
    }

    @Sendable func verify(req: Request) async throws -> Response {
        let result = try await AuditLog.verify(on: req.db)
        return JSON.response(VerifyResponse(ok: result.ok, entries: result.entries, firstBadSeq: result.firstBadSeq))
    }
}
