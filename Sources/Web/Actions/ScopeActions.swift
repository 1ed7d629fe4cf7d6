import Domain
import Fluent
import Foundation
import Persistence
import Vapor

struct ProposeScopeRequest: Decodable {
    var goals: [String]
    var inScope: [String]
    var outOfScope: [String]
    var notes: String?
}

struct CommentRequest: Decodable {
    var comment: String?
}

/// Numbered, immutable scope versions and their sign-off, recorded in the audit log.
enum ScopeActions {
    static func propose(_ input: ProposeScopeRequest, projectID: UUID, in ctx: ActionContext) async throws -> ScopeVersionRecord {
        let goals = try Validate.lines(input.goals, field: "goals")
        let inScope = try Validate.lines(input.inScope, field: "inScope")
        let outOfScope = try Validate.lines(input.outOfScope, field: "outOfScope")
        let notes = try Validate.optionalText(input.notes, field: "notes")
        guard !goals.isEmpty || !inScope.isEmpty else {
            throw DomainError.validation(field: "inScope", rule: .scopeEmpty)
        }
        let now = ctx.now
        return try await ctx.write { db in
            let existing = try await ScopeStore.versions(projectID: projectID, on: db)
            for version in existing {
                let next = ScopeFlow.onNewProposal(version.status)
                if next != version.status {
                    version.status = next
                    try await version.update(on: db)
                }
            }
            let record = ScopeVersionRecord()
            record.projectID = projectID
            record.number = (existing.map(\.number).max() ?? 0) + 1
            record.goalsJSON = JSONList.encode(goals)
            record.inScopeJSON = JSONList.encode(inScope)
            record.outOfScopeJSON = JSONList.encode(outOfScope)
            record.notes = notes
            record.status = ScopeStatus.proposed
            record.createdAt = now
            try await record.create(on: db)
            return record
        }
    }

    static func version(projectID: UUID, number: Int, on db: any Database) async throws -> ScopeVersionRecord {
        guard let version = try await ScopeStore.version(projectID: projectID, number: number, on: db) else { throw DomainError.notFound }
        return version
    }

    static func signOff(projectID: UUID, number: Int, comment: String?, in ctx: ActionContext) async throws -> ScopeVersionRecord {
        guard let contactID = ctx.identity.contactID else { throw DomainError.forbidden }
        let comment = try Validate.optionalText(comment, field: "comment")
        let now = ctx.now
        return try await ctx.writeAudited { db, audit in
            let version = try await version(projectID: projectID, number: number, on: db)
            version.status = try ScopeFlow.signOff(version.status)
            version.signedOffBy = contactID
            version.signedOffAt = now
            version.signOffComment = comment
            try await version.update(on: db)
            let others = try await ScopeStore.versions(projectID: projectID, on: db).filter { $0.id != version.id }
            for other in others where other.status == .signedOff {
                other.status = ScopeFlow.onNewerSignOff(.signedOff)
                try await other.update(on: db)
            }
            let files = try await FileStore.files(of: .scopeVersion, ownerID: version.requireID(), on: db)
            try await audit.append(
                on: db, at: now, actor: AuditContent.contactActor(contactID), action: AuditContent.scopeSignOff,
                objectType: AuditedRecord.Kind.scopeVersion.rawValue, objectID: try version.requireID(), projectID: projectID,
                content: version.auditContent(files: files))
            try await TeamNotifications.enqueue(
                TeamNotice(
                    event: .scopeSignedOff, projectID: projectID, actorName: try await ContactRecord.find(contactID, on: db)?.name,
                    object: "#\(version.number)", quote: comment, path: PagePath.project(projectID).description,
                    idempotencyKey: "scope-signed-off-\(try version.requireID().uuidString.lowercased())-\(Int(now.timeIntervalSince1970 * 1000))"),
                on: db, in: ctx)
            return version
        }
    }

    /// The approving contact sends the current proposal back with what should change; the team then proposes anew.
    static func requestChanges(projectID: UUID, number: Int, comment: String?, in ctx: ActionContext) async throws -> ScopeVersionRecord {
        guard let contactID = ctx.identity.contactID else { throw DomainError.forbidden }
        let comment = try Validate.optionalText(comment, field: "comment")
        let now = ctx.now
        return try await ctx.writeAudited { db, audit in
            let version = try await version(projectID: projectID, number: number, on: db)
            version.status = try ScopeFlow.requestChanges(version.status, comment: comment)
            version.changesRequestedBy = contactID
            version.changesRequestedAt = now
            version.changesRequestedComment = comment
            try await version.update(on: db)
            try await audit.append(
                on: db, at: now, actor: AuditContent.contactActor(contactID), action: AuditContent.scopeRequestChanges,
                objectType: AuditedRecord.Kind.scopeVersion.rawValue, objectID: try version.requireID(), projectID: projectID,
                content: AuditContent.scopeVersion(
                    number: version.number, goalsJSON: version.goalsJSON, inScopeJSON: version.inScopeJSON,
                    outOfScopeJSON: version.outOfScopeJSON, notes: version.notes, comment: comment))
            try await TeamNotifications.enqueue(
                TeamNotice(
                    event: .scopeChangesRequested, projectID: projectID, actorName: try await ContactRecord.find(contactID, on: db)?.name,
                    object: "#\(version.number)", quote: comment, path: PagePath.project(projectID).description,
                    idempotencyKey:
                        "scope-changes-requested-\(try version.requireID().uuidString.lowercased())-\(Int(now.timeIntervalSince1970 * 1000))"),
                on: db, in: ctx)
            return version
        }
    }

    /// Version `number` against the latest version signed off before it.
    static func diff(projectID: UUID, number: Int, on db: any Database) async throws -> ScopeDiff {
        let versions = try await ScopeStore.versions(projectID: projectID, on: db).map { try $0.domain() }
        guard let version = versions.first(where: { $0.number == number }) else { throw DomainError.notFound }
        return ScopeDiff(version, among: versions)
    }

    static func response(_ record: ScopeVersionRecord, on db: any Database) async throws -> ScopeVersionResponse {
        var response = ScopeVersionResponse(
            try record.domain(), signer: try await PersonRef.contact(record.signedOffBy, on: db),
            requester: try await PersonRef.contact(record.changesRequestedBy, on: db))
        response.files = try await FileStore.files(of: .scopeVersion, ownerID: record.requireID(), on: db).map(FileResponse.init)
        return response
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
