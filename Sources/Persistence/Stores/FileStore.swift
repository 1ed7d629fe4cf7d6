import Domain
import Fluent
import Foundation

/// Uploaded files' metadata, by owner.
public enum FileStore {
    public static func file(_ id: UUID, on db: any Database) async throws -> StoredFile? {
        try await FileRecord.find(id, on: db)?.domain()
    }

    /// The files of `ownerIDs`, grouped by owner, each group in upload order.
    public static func files(of kind: FileOwnerKind, ownerIDs: [UUID], on db: any Database) async throws -> [UUID: [StoredFile]] {
        guard !ownerIDs.isEmpty else { return [:] }
        let records = try await FileRecord.query(on: db).filter(\.$ownerKind == kind).filter(\.$ownerID ~~ ownerIDs)
            .sort(\.$uploadedAt).sort(\.$id).all()
        return Dictionary(grouping: try records.map { try $0.domain() }, by: \.ownerID)
    }

    public static func files(of kind: FileOwnerKind, ownerID: UUID, on db: any Database) async throws -> [StoredFile] {
        try await files(of: kind, ownerIDs: [ownerID], on: db)[ownerID] ?? []
    }

    /// Every file of a kind, grouped by owner (for `audit verify`).
    static func all(of kind: FileOwnerKind, on db: any Database) async throws -> [UUID: [StoredFile]] {
        let records = try await FileRecord.query(on: db).filter(\.$ownerKind == kind).all()
        return Dictionary(grouping: try records.map { try $0.domain() }, by: \.ownerID)
    }

    public static func create(_ file: StoredFile, on db: any Database) async throws {
        try await FileRecord(file).create(on: db)
    }
}
