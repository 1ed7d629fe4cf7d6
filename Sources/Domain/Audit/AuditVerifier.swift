import Foundation

/// Everything `audit verify` proves, as one pure function: the chain is intact under the key, it is not shorter
/// than the checkpoint kept outside the database, and every record an entry vouches for still holds what was decided.
public enum AuditVerifier {
    public static func verify(
        _ entries: [AuditEntry], key: AuditKey, records: [AuditedRecord],
        checkpoint: AuditCheckpoint.Reading
    ) -> AuditChain.Verification {
        if let problem = AuditChain.firstChainProblem(entries, scheme: .keyed(key)) {
            return .init(entries: entries.count, problem: problem)
        }
        var warning: String?
        switch checkpoint {
        case .unsealed:
            return .init(entries: entries.count, problem: .checkpointUnsealed)
        case .found(let checkpoint):
            if let problem = checkpoint.problem(with: entries) { return .init(entries: entries.count, problem: problem) }
        case .missing:
            // Not a failure: a database restored without its checkpoint is legitimate. But say so, because
            // without it removed newest entries cannot show.
            if !entries.isEmpty { warning = "no checkpoint outside the database: entries removed from the end would not show" }
        }
        return .init(entries: entries.count, problem: firstRecordProblem(entries, records), warning: warning)
    }

    static func firstRecordProblem(_ entries: [AuditEntry], _ records: [AuditedRecord]) -> AuditProblem? {
        let vouching: Set = [
            AuditContent.scopeSignOff, AuditContent.deliverableAccept, AuditContent.deliverableReturn, HistoryAction.minutesConfirmed,
        ]
        var latest: [UUID: AuditEntry] = [:]
        for entry in entries where vouching.contains(entry.action) { latest[entry.objectID] = entry }
        let byID = Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for entry in latest.values.sorted(by: { $0.seq < $1.seq }) {
            if let problem = problem(with: entry, record: byID[entry.objectID]) { return problem }
        }
        let unrecorded = records.filter { $0.showsDecision && latest[$0.id] == nil }
            .sorted { $0.id.uuidString < $1.id.uuidString }.first
        return unrecorded.map { .unrecorded(objectType: $0.kind.rawValue, objectID: $0.id) }
    }

    /// Only an object's newest decision is compared with the record: the record holds the latest state.
    static func problem(with entry: AuditEntry, record: AuditedRecord?) -> AuditProblem? {
        guard let record, record.kind.rawValue == entry.objectType else {
            return .recordMissing(objectType: entry.objectType, objectID: entry.objectID, seq: entry.seq)
        }
        let statuses: Set<String>
        switch entry.action {
        case AuditContent.scopeSignOff:
            statuses = ["signed_off", "superseded"]
        case AuditContent.deliverableAccept:
            statuses = ["accepted"]
        case HistoryAction.minutesConfirmed:
            statuses = [MinutesStatus.confirmed.rawValue]
        default:
            // A returned deliverable is resubmitted by design, and the submission overwrites the very fields the
            // return vouched for (note, link, the decision). So its content is compared only while the row still
            // shows this return; once resubmitted (submitted, decision cleared) the next decision vouches anew.
            if record.status == "submitted", record.decidedAt == nil, record.decidedBy == nil { return nil }
            statuses = ["returned"]
        }
        guard statuses.contains(record.status), record.decidedBy == entry.actor, let at = record.decidedAt,
            AuditChain.millis(at) == AuditChain.millis(entry.at)
        else {
            return .decisionDiffers(objectType: entry.objectType, objectID: entry.objectID, seq: entry.seq)
        }
        guard record.contentHash == entry.contentHash else {
            return .contentDiffers(objectType: entry.objectType, objectID: entry.objectID, seq: entry.seq)
        }
        return nil
    }
}
