import Foundation
import Testing
@testable import Domain

@Suite struct FileRulesTests {
    @Test func aDisplayNameKeepsOnlyTheLastPathComponentWithoutControlsOrLeadingDots() {
        #expect(FileRules.displayName("C:\\Users\\lin\\报价单.xlsx") == "报价单.xlsx")
        #expect(FileRules.displayName("../../etc/passwd") == "passwd")
        #expect(FileRules.displayName("..") == "file")
        #expect(FileRules.displayName(".htaccess") == "htaccess")
        #expect(FileRules.displayName("a\r\nb\u{0}c\u{202E}d.txt") == "abcd.txt")
        #expect(FileRules.displayName(nil) == "file")
        #expect(FileRules.displayName(String(repeating: "x", count: 300)).count == 200)
    }

    @Test func aContentTypeIsKeptOnlyWhenItIsAPlainTypeAndSubtype() {
        #expect(FileRules.contentType("Image/PNG") == "image/png")
        #expect(FileRules.contentType("text/plain; charset=utf-8") == "text/plain")
        #expect(FileRules.contentType("text/html\r\nX-Evil: 1") == "application/octet-stream")
        #expect(FileRules.contentType("nonsense") == "application/octet-stream")
        #expect(FileRules.contentType(nil) == "application/octet-stream")
    }

    @Test func theAttachmentHeaderHasAnASCIIFallbackAndTheRealNamePercentEncoded() {
        let header = FileRules.attachmentDisposition(name: "报\"价单 1.pdf")
        #expect(header == "attachment; filename=\"____ 1.pdf\"; filename*=UTF-8''%E6%8A%A5%22%E4%BB%B7%E5%8D%95%201.pdf")
        #expect(!header.contains("\r") && !header.contains("\n"))
    }

    @Test func aPartsDispositionIsReadWithQuotesEscapesAndTheExtendedName() {
        #expect(
            FormDataDisposition.parse(#"form-data; name="file"; filename="a \"b\"; c.pdf""#)
                == FormDataDisposition(name: "file", filename: #"a "b"; c.pdf"#))
        #expect(
            FormDataDisposition.parse("form-data; name=file; filename=\"x\"; filename*=UTF-8''%E6%8A%A5.pdf")
                == FormDataDisposition(name: "file", filename: "报.pdf"))
        #expect(FormDataDisposition.parse("form-data; name=\"_csrf\"") == FormDataDisposition(name: "_csrf", filename: nil))
        #expect(FormDataDisposition.parse("garbage") == FormDataDisposition(name: nil, filename: nil))
    }

    @Test func decidedOwnersTakeNoFiles() {
        #expect(throws: DomainError.self) { try FileRules.canAttach(to: .accepted) }
        #expect(throws: Never.self) { try FileRules.canAttach(to: .returned) }
        #expect(throws: DomainError.self) { try FileRules.canAttach(to: .superseded, signedOffAt: Date()) }
        #expect(throws: Never.self) { try FileRules.canAttach(to: .proposed, signedOffAt: nil) }
    }

    @Test func aDecisionWithoutFilesHashesAsBeforeAndOneWithFilesNamesThemInAnyUploadOrder() {
        let plain = AuditContent.deliverable(name: "D", acceptanceCriteria: nil, submissionNote: nil, link: nil, comment: nil)
        #expect(plain.map(\.0) == ["name", "acceptanceCriteria", "submissionNote", "link", "comment"])
        let one = AuditContent.deliverable(name: "D", acceptanceCriteria: nil, submissionNote: nil, link: nil, comment: nil, files: ["b", "a"])
        let other = AuditContent.deliverable(name: "D", acceptanceCriteria: nil, submissionNote: nil, link: nil, comment: nil, files: ["a", "b"])
        #expect(AuditChain.contentHash(one) == AuditChain.contentHash(other))
        #expect(one.last.map { $0.0 + "=" + $0.1 } == "files=a,b")
    }

    @Test func aDecisionSawOnlyTheFilesUploadedByThen() {
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        func file(_ sha: String, _ offset: TimeInterval) -> StoredFile {
            StoredFile(
                id: UUID(), ownerKind: .deliverable, ownerID: UUID(), projectID: UUID(), name: sha, size: 1, contentType: "text/plain",
                sha256: sha, uploadedBy: "member:x", uploadedAt: at.addingTimeInterval(offset))
        }
        #expect(AuditContent.filesSeen([file("before", -60), file("same", 0.0001), file("after", 1)], decidedAt: at) == ["before", "same"])
        #expect(AuditContent.filesSeen([file("any", -60)], decidedAt: nil) == [])
    }
}
