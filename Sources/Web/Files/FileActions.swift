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

    /// The file `id` names when the viewer may see the object it belongs to (a contact: only a customer-visible
    /// milestone's deliverable, or a scope version, of their own project); otherwise 404.
    static func visibleFile(_ req: Request) async throws -> StoredFile {
        guard let file = try await FileStore.file(try req.uuidParameter("fileID"), on: req.db) else { throw DomainError.notFound }
        switch file.ownerKind {
        case .deliverable:
            guard let deliverable = try await DeliverableRecord.find(file.ownerID, on: req.db),
                let milestone = try await MilestoneRecord.find(deliverable.milestoneID, on: req.db)
            else { throw DomainError.notFound }
            try await req.authorize(projectID: deliverable.projectID, visibleToCustomer: milestone.visibleToCustomer)
        case .scopeVersion:
            guard let version = try await ScopeVersionRecord.find(file.ownerID, on: req.db) else { throw DomainError.notFound }
            try await req.authorize(projectID: version.projectID, visibleToCustomer: true)
        }
        return file
    }

    /// The bytes as a download: always an attachment, never sniffed, not cached by shared caches.
    static func download(_ req: Request) async throws -> Response {
        let file = try await visibleFile(req)
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
