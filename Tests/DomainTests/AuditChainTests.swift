import Crypto
import Foundation
import Testing
@testable import Domain

private let objectID = UUID(uuidString: "00000000-0000-0000-0000-000000000001")!
private let projectID = UUID(uuidString: "00000000-0000-0000-0000-000000000002")!
let testAuditKey = AuditKey(SymmetricKey(data: [UInt8](repeating: 7, count: 32)))
private let keyed = AuditScheme.keyed(testAuditKey)

/// Three linked entries: proposed, signed off, deliverable accepted.
private func chainOfThree() -> [AuditEntry] {
    let start = Date(timeIntervalSince1970: 1_767_000_000.123_456)
    var entries: [AuditEntry] = []
    for (offset, action) in ["scope.proposed", "scope.signedOff", "deliverable.accepted"].enumerated() {
        entries.append(
            AuditChain.next(
                after: entries.last, at: start.addingTimeInterval(Double(offset) * 60),
                actor: "member:ann", action: action, objectType: "scope",
                objectID: objectID, projectID: projectID,
                contentHash: AuditChain.contentHash([("version", String(offset + 1))]), key: testAuditKey))
    }
    return entries
}

/// One way to tamper with a stored entry without recomputing its hash.
enum AuditTamper: String, CaseIterable, Sendable {
    case contentHash, action, prevHash, actor, at, objectType

    func apply(to entry: inout AuditEntry) {
        switch self {
        case .contentHash: entry.contentHash = AuditChain.contentHash([("version", "99")])
        case .action: entry.action = "scope.rejected"
        case .prevHash: entry.prevHash = AuditChain.genesisHash
        case .actor: entry.actor = "member:eve"
        case .at: entry.at = entry.at.addingTimeInterval(1)
        case .objectType: entry.objectType = "deliverable"
        }
    }
}

@Suite("AuditChain")
struct AuditChainTests {
    @Test("a chain of three entries verifies")
    func chainVerifies() {
        // given
        let entries = chainOfThree()

        // when
        let result = AuditChain.verify(entries, scheme: keyed)

        // then
        #expect(result == AuditChain.Verification(ok: true, entries: 3, firstBadSeq: nil))
    }

    @Test("an empty chain verifies")
    func emptyChainVerifies() {
        // given / when
        let result = AuditChain.verify([], scheme: keyed)

        // then
        #expect(result == AuditChain.Verification(ok: true, entries: 0, firstBadSeq: nil))
    }

    @Test("entries are numbered from 1 and each points at the previous entry's hash")
    func entriesAreLinked() {
        // given / when
        let entries = chainOfThree()

        // then
        #expect(entries.map(\.seq) == [1, 2, 3])
        #expect(entries[0].prevHash == AuditChain.genesisHash)
        #expect(entries[1].prevHash == entries[0].hash)
        #expect(entries[2].prevHash == entries[1].hash)
    }

    @Test("an entry's time is kept to the millisecond, so a database round trip does not break the chain")
    func timeIsTruncatedToMilliseconds() {
        // given
        let entries = chainOfThree()

        // when
        let reloaded = entries.map { entry -> AuditEntry in
            var copy = entry
            copy.at = Date(timeIntervalSince1970: Double(AuditChain.millis(entry.at)) / 1000)
            return copy
        }

        // then
        #expect(AuditChain.millis(entries[0].at) == 1_767_000_000_123)
        #expect(AuditChain.verify(reloaded, scheme: keyed).ok)
    }

    @Test("changing a field of the middle entry makes verify name that entry", arguments: AuditTamper.allCases)
    func tamperedMiddleEntryIsNamed(_ tamper: AuditTamper) {
        // given
        var entries = chainOfThree()

        // when
        tamper.apply(to: &entries[1])
        let result = AuditChain.verify(entries, scheme: keyed)

        // then
        #expect(!result.ok)
        #expect(result.firstBadSeq == 2)
    }

    @Test("re-hashing a tampered middle entry is caught at the next entry")
    func rehashedTamperIsCaughtAtNextEntry() {
        // given
        var entries = chainOfThree()
        let middle = entries[1]

        // when
        entries[1] = AuditChain.next(
            after: entries[0], at: middle.at, actor: middle.actor, action: "scope.rejected",
            objectType: middle.objectType, objectID: middle.objectID,
            projectID: middle.projectID, contentHash: middle.contentHash, key: testAuditKey)
        let result = AuditChain.verify(entries, scheme: keyed)

        // then
        #expect(result.firstBadSeq == 3)
    }

    @Test("a missing entry leaves a gap in seq that verify names")
    func gapInSeqIsCaught() {
        // given
        var entries = chainOfThree()

        // when
        entries.remove(at: 1)
        let result = AuditChain.verify(entries, scheme: keyed)

        // then
        #expect(!result.ok)
        #expect(result.firstBadSeq == 3)
    }

    @Test("a chain that skips a seq number is refused even when its hashes link up")
    func skippedSeqWithLinkedHashesIsCaught() {
        // given
        let first = chainOfThree()[0]
        let at = first.at.addingTimeInterval(60)
        let contentHash = AuditChain.contentHash([("version", "2")])
        let hash = AuditChain.entryHash(
            seq: 3, at: at, actor: "member:ann", action: "scope.signedOff", objectType: "scope",
            objectID: objectID, contentHash: contentHash, prevHash: first.hash, scheme: keyed)
        let skipping = AuditEntry(
            seq: 3, at: at, actor: "member:ann", action: "scope.signedOff", objectType: "scope",
            objectID: objectID, projectID: projectID, contentHash: contentHash,
            prevHash: first.hash, hash: hash)

        // when
        let result = AuditChain.verify([first, skipping], scheme: keyed)

        // then
        #expect(!result.ok && result.firstBadSeq == 3)
        #expect(result.problem == .outOfSequence(seq: 3, expected: 2))
    }

    @Test("a chain that does not start at seq 1 is refused")
    func chainMustStartAtOne() {
        // given
        let entries = chainOfThree()

        // when
        let result = AuditChain.verify(Array(entries.dropFirst()), scheme: keyed)

        // then
        #expect(result.firstBadSeq == 2)
    }

    @Test(
        "the content hash changes when any field's name or value changes, or fields are added or reordered",
        arguments: [
            [("title", "Logo v2"), ("amount", "1001")],
            [("title", "Logo v3"), ("amount", "1000")],
            [("name", "Logo v2"), ("amount", "1000")],
            [("amount", "1000"), ("title", "Logo v2")],
            [("title", "Logo v2"), ("amount", "1000"), ("note", "")],
            [("title", "Logo v2")],
        ])
    func contentHashChangesWithAnyField(_ changed: [(String, String)]) {
        // given
        let original = [("title", "Logo v2"), ("amount", "1000")]

        // when
        let before = AuditChain.contentHash(original)
        let after = AuditChain.contentHash(changed)

        // then
        #expect(before != after)
        #expect(before == AuditChain.contentHash(original))
    }

    @Test("a newline in a value cannot forge an extra field")
    func newlineCannotForgeField() {
        // given
        let twoFields = [("title", "A"), ("amount", "1")]
        let oneFieldWithNewline = [("title", "A\namount=1")]

        // when / then
        #expect(AuditChain.contentHash(twoFields) != AuditChain.contentHash(oneFieldWithNewline))
    }

    @Test("a real newline and a typed backslash-n in a value hash differently")
    func newlineAndBackslashNDiffer() {
        // given
        let withNewline = [("note", "line one\nline two")]
        let withBackslashN = [("note", "line one\\nline two")]

        // when / then
        #expect(AuditChain.contentHash(withNewline) != AuditChain.contentHash(withBackslashN))
    }

    @Test("moving a '|' between actor and action changes the entry hash")
    func separatorInFieldsChangesHash() {
        // given
        let at = Date(timeIntervalSince1970: 1_767_000_000)

        // when
        let first = AuditChain.entryHash(
            seq: 1, at: at, actor: "member:ann|scope", action: "signedOff",
            objectType: "scope", objectID: objectID, contentHash: "c",
            prevHash: AuditChain.genesisHash, scheme: keyed)
        let second = AuditChain.entryHash(
            seq: 1, at: at, actor: "member:ann", action: "scope|signedOff",
            objectType: "scope", objectID: objectID, contentHash: "c",
            prevHash: AuditChain.genesisHash, scheme: keyed)

        // then
        #expect(first != second)
    }

    @Test("an instant that comes back from the database a hair off still verifies")
    func storedInstantRoundTripStillVerifies() {
        // given an entry at a millisecond instant
        let entry = AuditChain.next(
            after: nil, at: Date(timeIntervalSince1970: 1_796_000_000.123), actor: "contact:a",
            action: "scope.sign_off", objectType: "scope_version", objectID: objectID, projectID: nil,
            contentHash: "c", key: testAuditKey)
        // when the database hands back the instant a few nanoseconds early
        var stored = entry
        stored.at = Date(timeIntervalSince1970: entry.at.timeIntervalSince1970 - 0.000_000_4)
        // then the chain still verifies
        #expect(AuditChain.verify([stored], scheme: keyed).ok)
    }
}
