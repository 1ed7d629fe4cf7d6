import Domain
import Fluent
import Foundation

/// The records audit entries vouch for, as the database holds them now, with their content hashed the same way
/// the decision hashed it.
enum AuditedRecords {
    /// Every scope version and deliverable: verify must also see records that show a decision no entry records.
    /// Fluent decoding is fine here: verify is an occasional admin check, not a hot path.
    static func load(on db: any Database) async throws -> [AuditedRecord] {
        let scopeFiles = try await FileStore.all(of: .scopeVersion, on: db)
        let deliverableFiles = try await FileStore.all(of: .deliverable, on: db)
        let scopes = try await ScopeVersionRecord.query(on: db).all().map { version in
            AuditedRecord(
                kind: .scopeVersion, id: try version.requireID(), status: version.status.rawValue,
                decidedBy: version.signedOffBy.map(AuditContent.contactActor), decidedAt: version.signedOffAt,
                contentHash: AuditChain.contentHash(version.auditContent(files: scopeFiles[try version.requireID()] ?? [])))
        }
        let deliverables = try await DeliverableRecord.query(on: db).all().map { deliverable in
            AuditedRecord(
                kind: .deliverable, id: try deliverable.requireID(), status: deliverable.status.rawValue,
                decidedBy: deliverable.decidedBy.map(AuditContent.contactActor), decidedAt: deliverable.decidedAt,
                contentHash: AuditChain.contentHash(deliverable.auditContent(files: deliverableFiles[try deliverable.requireID()] ?? [])))
        }
        let meetingRows = try await MeetingRecord.query(on: db).all()
        let items = try await MeetingStore.actionItems(meetingIDs: try meetingRows.map { try $0.requireID() }, on: db)
        let meetings = try meetingRows.map { row in
            let meeting = try row.domain(actionItems: items[try row.requireID()] ?? [])
            return AuditedRecord(
                kind: .meeting, id: meeting.id, status: row.minutesStatus?.rawValue ?? "none",
                decidedBy: row.minutesConfirmedBy.map(AuditContent.contactActor), decidedAt: row.minutesConfirmedAt,
                contentHash: AuditChain.contentHash(MinutesContent.fields(meeting)))
        }
        return scopes + deliverables + meetings
    }
}

extension ScopeVersionRecord {
    /// What a sign-off of this version vouches for: its text, the comment and the files it had when signed.
    public func auditContent(files: [StoredFile]) -> [(String, String)] {
        AuditContent.scopeVersion(
            number: number, goalsJSON: goalsJSON, inScopeJSON: inScopeJSON, outOfScopeJSON: outOfScopeJSON,
            notes: notes, comment: signOffComment, files: AuditContent.filesSeen(files, decidedAt: signedOffAt))
    }
}

extension DeliverableRecord {
    /// What an acceptance or return of this deliverable vouches for, with the SHA-256 of each file it had then.
    public func auditContent(files: [StoredFile]) -> [(String, String)] {
        AuditContent.deliverable(
            name: name, acceptanceCriteria: acceptanceCriteria, submissionNote: submissionNote, link: link,
            comment: decisionComment, files: AuditContent.filesSeen(files, decidedAt: decidedAt))
    }
}
