import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// Files on deliverables and scope versions: received while streaming, kept by content, recorded with their hash.
enum FileActions {
    static func storage(_ ctx: ActionContext) -> FileStorage { FileStorage(root: ctx.config.filesDirectory) }

    /// Streams the request's file in and attaches it to the deliverable. The state is checked before a byte is
    /// read (a decided deliverable stores nothing) and again under the row's lock, so an acceptance that commits
    /// meanwhile is seen: what it vouches for cannot grow afterwards.
    static func attachToDeliverable(_ deliverable: DeliverableRecord, from req: Request, csrf: String?, in ctx: ActionContext) async throws
        -> StoredFile
    {
        try FileRules.canAttach(to: deliverable.status)
        let id = try deliverable.requireID()
        return try await attach(req, csrf: csrf, kind: .deliverable, ownerID: id, projectID: deliverable.projectID, in: ctx) { db in
            try await RowLock.lock(DeliverableRecord.schema, id: id, on: db)
            guard let fresh = try await DeliverableRecord.find(id, on: db) else { throw DomainError.notFound }
            try FileRules.canAttach(to: fresh.status)
        }
    }

    /// The same for a scope version: a signed one takes no files.
    static func attachToScopeVersion(_ version: ScopeVersionRecord, from req: Request, csrf: String?, in ctx: ActionContext) async throws
        -> StoredFile
    {
        try FileRules.canAttach(to: version.status, signedOffAt: version.signedOffAt)
        let id = try version.requireID()
        return try await attach(req, csrf: csrf, kind: .scopeVersion, ownerID: id, projectID: version.projectID, in: ctx) { db in
            try await RowLock.lock(ScopeVersionRecord.schema, id: id, on: db)
            guard let fresh = try await ScopeVersionRecord.find(id, on: db) else { throw DomainError.notFound }
            try FileRules.canAttach(to: fresh.status, signedOffAt: fresh.signedOffAt)
        }
    }

    private static func attach(
        _ req: Request, csrf: String?, kind: FileOwnerKind, ownerID: UUID, projectID: UUID, in ctx: ActionContext,
        check: @escaping @Sendable (any Database) async throws -> Void
    ) async throws -> StoredFile {
        guard let memberID = ctx.identity.memberID else { throw DomainError.forbidden }
        let storage = storage(ctx)
        let upload = try await UploadReader.read(req, limit: ctx.config.maxUploadBytes, csrf: csrf, storage: storage)
        let file = StoredFile(
            id: UUID(), ownerKind: kind, ownerID: ownerID, projectID: projectID, name: FileRules.displayName(upload.filename),
            size: upload.size, contentType: FileRules.contentType(upload.contentType), sha256: upload.sha256,
            uploadedBy: "member:\(memberID.uuidString.lowercased())", uploadedAt: ctx.now)
        do {
            // The bytes are in place before the row commits, so no one is ever shown a file that is not there.
            try await storage.keep(upload.file, sha256: upload.sha256, on: ctx.threadPool)
        } catch {
            upload.file.discard()
            throw error
        }
        return try await ctx.write { db in
            try await check(db)
            try await FileStore.create(file, on: db)
            return file
        }
    }
}
