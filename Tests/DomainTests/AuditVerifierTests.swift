import Crypto
import Foundation
import Testing
@testable import Domain

private let signer = AuditContent.contactActor(UUID(uuidString: "00000000-0000-0000-0000-0000000000c1")!)
private let at = Date(timeIntervalSince1970: 1_796_000_000.25)

/// A sign-off of one scope version and the record as it stands.
private func signedScope() -> (AuditEntry, AuditedRecord) {
    let id = UUID()
    let content = AuditChain.contentHash(
        AuditContent.scopeVersion(
            number: 1, goalsJSON: "[\"Launch\"]", inScopeJSON: "[\"Shop\"]",
            outOfScopeJSON: "[]", notes: nil, comment: "OK"))
    let entry = AuditChain.next(
        after: nil, at: at, actor: signer, action: AuditContent.scopeSignOff, objectType: "scope_version",
        objectID: id, projectID: nil, contentHash: content, key: testAuditKey)
    return (entry, AuditedRecord(kind: .scopeVersion, id: id, status: "signed_off", decidedBy: signer, decidedAt: at, contentHash: content))
}

@Suite("AuditVerifier")
struct AuditVerifierTests {
    @Test("a chain keyed with another key fails at its first entry")
    func anotherKeyFails() {
        let (entry, record) = signedScope()
        let other = AuditKey(SymmetricKey(data: [UInt8](repeating: 9, count: 32)))
        let result = AuditVerifier.verify([entry], key: other, records: [record], checkpoint: .missing)
        #expect(result.problem == .entryHash(seq: 1))
        #expect(result.problem?.description == "entry 1: hash does not match (keyed with another key, or edited)")
    }

    @Test("a record whose text changed is named with its entry")
    func changedContentIsNamed() {
        let (entry, signed) = signedScope()
        var record = signed
        record.contentHash = AuditChain.contentHash([("goals", "[\"Everything\"]")])
        let result = AuditVerifier.verify([entry], key: testAuditKey, records: [record], checkpoint: .missing)
        #expect(result.problem == .contentDiffers(objectType: "scope_version", objectID: record.id, seq: 1))
        #expect(result.firstBadSeq == 1)
    }

    @Test("a record whose signer or time changed is named")
    func changedDecisionIsNamed() {
        let (entry, record) = signedScope()
        var later = record
        later.decidedAt = at.addingTimeInterval(1)
        var otherSigner = record
        otherSigner.decidedBy = "contact:eve"
        for changed in [later, otherSigner] {
            let result = AuditVerifier.verify([entry], key: testAuditKey, records: [changed], checkpoint: .missing)
            #expect(result.problem == .decisionDiffers(objectType: "scope_version", objectID: record.id, seq: 1))
        }
    }

    @Test("a record gone missing is named")
    func missingRecordIsNamed() {
        let (entry, record) = signedScope()
        let result = AuditVerifier.verify([entry], key: testAuditKey, records: [], checkpoint: .missing)
        #expect(result.problem == .recordMissing(objectType: "scope_version", objectID: record.id, seq: 1))
    }

    @Test("a chain shorter than the checkpoint fails: entries were removed")
    func truncatedChainFails() {
        let (entry, record) = signedScope()
        let result = AuditVerifier.verify(
            [entry], key: testAuditKey, records: [record],
            checkpoint: .found(AuditCheckpoint(seq: 2, hash: "ff")))
        #expect(result.problem?.description == "chain ends at 1 but the checkpoint says 2: entries were removed")
        #expect(result.firstBadSeq == 2)
    }

    @Test("an entry at the checkpoint's seq with another hash fails")
    func rewrittenHeadFails() {
        let (entry, record) = signedScope()
        let result = AuditVerifier.verify(
            [entry], key: testAuditKey, records: [record],
            checkpoint: .found(AuditCheckpoint(seq: 1, hash: "ff")))
        #expect(result.problem == .checkpointDiffers(seq: 1))
    }

    @Test("no checkpoint is a warning, not a failure; an empty chain needs none")
    func missingCheckpointWarns() {
        let (entry, record) = signedScope()
        let result = AuditVerifier.verify([entry], key: testAuditKey, records: [record], checkpoint: .missing)
        #expect(result.ok && result.warning != nil)
        #expect(AuditVerifier.verify([], key: testAuditKey, records: [], checkpoint: .missing) == .init(ok: true, entries: 0, firstBadSeq: nil))
    }

    @Test("a returned deliverable that was resubmitted is not compared with what the return vouched for")
    func resubmittedReturnIsSkipped() {
        let id = UUID()
        let entry = AuditChain.next(
            after: nil, at: at, actor: signer, action: AuditContent.deliverableReturn, objectType: "deliverable",
            objectID: id, projectID: nil, contentHash: "old", key: testAuditKey)
        let resubmitted = AuditedRecord(kind: .deliverable, id: id, status: "submitted", decidedBy: nil, decidedAt: nil, contentHash: "new")
        #expect(AuditVerifier.verify([entry], key: testAuditKey, records: [resubmitted], checkpoint: .missing).ok)
        let stillReturned = AuditedRecord(kind: .deliverable, id: id, status: "returned", decidedBy: signer, decidedAt: at, contentHash: "new")
        #expect(
            AuditVerifier.verify([entry], key: testAuditKey, records: [stillReturned], checkpoint: .missing).problem
                == .contentDiffers(objectType: "deliverable", objectID: id, seq: 1))
    }

    @Test("an accepted deliverable without an entry is unrecorded")
    func unrecordedDecisionIsNamed() {
        let id = UUID()
        let record = AuditedRecord(kind: .deliverable, id: id, status: "accepted", decidedBy: signer, decidedAt: at, contentHash: "c")
        #expect(
            AuditVerifier.verify([], key: testAuditKey, records: [record], checkpoint: .missing).problem
                == .unrecorded(objectType: "deliverable", objectID: id))
    }

    @Test("a checkpoint round-trips under its key and not under another, nor when edited")
    func checkpointSeal() {
        let checkpoint = AuditCheckpoint(seq: 7, hash: String(repeating: "a", count: 64))
        let text = checkpoint.sealed(with: testAuditKey)
        #expect(AuditCheckpoint.unseal(text, with: testAuditKey) == checkpoint)
        #expect(AuditCheckpoint.unseal(text, with: AuditKey(SymmetricKey(data: [UInt8](repeating: 1, count: 32)))) == nil)
        #expect(AuditCheckpoint.unseal(text.replacingOccurrences(of: " 7 ", with: " 6 "), with: testAuditKey) == nil)
    }

    @Test("re-keying keeps every field and content hash and yields a chain that verifies under the key")
    func rekeyingKeepsContent() {
        var legacy: [AuditEntry] = []
        for seq in 1...3 {
            let prev = legacy.last?.hash ?? AuditChain.genesisHash
            let hash = AuditChain.entryHash(
                seq: seq, at: at, actor: "a", action: "x", objectType: "t", objectID: UUID(uuidString: "00000000-0000-0000-0000-000000000000")!,
                contentHash: "c\(seq)", prevHash: prev, scheme: .unkeyed)
            legacy.append(
                AuditEntry(
                    seq: seq, at: at, actor: "a", action: "x", objectType: "t", objectID: UUID(uuidString: "00000000-0000-0000-0000-000000000000")!,
                    projectID: nil,
                    contentHash: "c\(seq)", prevHash: prev, hash: hash))
        }
        #expect(AuditChain.verify(legacy, scheme: .unkeyed).ok)
        #expect(!AuditChain.verify(legacy, scheme: .keyed(testAuditKey)).ok)
        let rekeyed = AuditChain.rekeyed(legacy, key: testAuditKey)
        #expect(AuditChain.verify(rekeyed, scheme: .keyed(testAuditKey)).ok)
        #expect(rekeyed.map(\.contentHash) == legacy.map(\.contentHash))
    }
}
