import AsyncHTTPClient
import Crypto
import Domain
import Fluent
import Foundation
import Persistence
import SQLKit
import Testing
import TestSupport
import Vapor
@testable import Web

/// Files on deliverables and scope versions: upload, download, limits, who may see them, and the audit hash.
@Suite struct FileTests {
    static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Every regular file under the app's files directory (blobs and anything left in `incoming`).
    static func storedFiles(_ app: Application) -> [String] {
        let root = app.tandem.config.filesDirectory
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        return walker.compactMap { $0 as? String }.filter { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
    }

    @Test func anUploadedFileComesBackByteForByteWithItsHashAndSafeHeaders() async throws {
        try await withTestApp { app, _ in
            // given a file of a few MB, so it arrives and is written in many pieces
            let world = try await World.make(app)
            let text = String(repeating: "交付物 deliverable ✓ 0123456789\n", count: 80_000)
            // when
            let uploaded = try await world.client.upload(
                "/api/v1/deliverables/\(world.visibleDeliverable)/files", token: world.ownerToken, filename: "设计稿 v2.txt",
                contentType: "text/plain; charset=utf-8", bytes: Array(text.utf8))
            // then
            #expect(uploaded.status == .created)
            #expect(uploaded.string("sha256") == Self.sha256(text))
            #expect(uploaded.json["size"] as? Int == text.utf8.count)
            #expect(uploaded.string("name") == "设计稿 v2.txt")
            #expect(uploaded.string("contentType") == "text/plain")
            let id = try #require(uploaded.string("id"))
            let approver = try #require(try await world.token(.approverA))
            let download = try await world.client.json(.GET, "/api/v1/files/\(id)", token: approver)
            #expect(download.status == .ok)
            #expect(Self.sha256(download.body) == Self.sha256(text))
            #expect(
                download.headers.first(name: .contentDisposition)
                    == "attachment; filename=\"___ v2.txt\"; filename*=UTF-8''%E8%AE%BE%E8%AE%A1%E7%A8%BF%20v2.txt")
            #expect(download.headers.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(download.headers.first(name: .contentType) == "text/plain")
            #expect(Self.storedFiles(app) == ["\(Self.sha256(text).prefix(2))/\(Self.sha256(text))"])
            let milestones = try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)/milestones", token: approver)
            let deliverable = milestones.items.flatMap { ($0["deliverables"] as? [[String: any Sendable]]) ?? [] }
                .first { $0["id"] as? String == world.visibleDeliverable.uuidString }
            let files = try #require(deliverable?["files"] as? [[String: any Sendable]])
            #expect(files.map { $0["id"] as? String } == [id])
        }
    }

    @Test func aFileOverTheLimitIs413AndLeavesNoRowAndNoBytes() async throws {
        try await withTestApp { app, _ in
            // given a limit of 1000 bytes
            let world = try await World.make(app)
            app.tandem.config.maxUploadBytes = 1000
            let path = "/api/v1/deliverables/\(world.visibleDeliverable)/files"
            // when the body is small enough to be read but the file grows past the limit while it streams
            let counted = try await world.client.upload(path, token: world.ownerToken, bytes: Array(repeating: 0x41, count: 1001))
            // and when the announced length is already far too large
            let announced = try await world.client.upload(path, token: world.ownerToken, bytes: Array(repeating: 0x41, count: 200_000))
            // then
            for reply in [counted, announced] {
                #expect(reply.status == .payloadTooLarge)
                #expect(reply.errorCode == "too_large")
            }
            #expect(try await FileRecord.query(on: app.db).count() == 0)
            #expect(Self.storedFiles(app) == [])
            // and exactly the limit is fine
            let fits = try await world.client.upload(path, token: world.ownerToken, bytes: Array(repeating: 0x41, count: 1000))
            #expect(fits.status == .created)
        }
    }

    @Test func aChunkedUploadOverARealConnectionIsCutOffAtTheLimitAndLeavesNothing() async throws {
        try await withTestApp { app, _ in
            // given a limit of 100 kB and a body of unknown length (chunked), so only counting can stop it
            let world = try await World.make(app)
            app.tandem.config.maxUploadBytes = 100_000
            let boundary = "----TandemChunked"
            var pieces = [ByteBuffer(string: "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n\r\n")]
            pieces += Array(repeating: ByteBuffer(bytes: [UInt8](repeating: 0x42, count: 10_000)), count: 60)
            pieces.append(ByteBuffer(string: "\r\n--\(boundary)--\r\n"))
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let client = HTTPClient(eventLoopGroupProvider: .singleton)
            let port = try #require(app.http.server.shared.localAddress?.port)
            var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/api/v1/deliverables/\(world.visibleDeliverable)/files")
            request.method = .POST
            request.headers.replaceOrAdd(name: "Content-Type", value: "multipart/form-data; boundary=\(boundary)")
            request.headers.replaceOrAdd(name: "Authorization", value: "Bearer \(world.ownerToken)")
            let stream = AsyncStream<ByteBuffer> { continuation in
                for piece in pieces { continuation.yield(piece) }
                continuation.finish()
            }
            request.body = .stream(stream, length: .unknown)
            // when
            let status = try? await client.execute(request, timeout: .seconds(30)).status
            try await client.shutdown()
            await app.server.shutdown()
            // then: the answer (when the client got to read it before the connection closed) is 413, and nothing is kept
            if let status { #expect(status == .payloadTooLarge) }
            #expect(try await FileRecord.query(on: app.db).count() == 0)
            #expect(Self.storedFiles(app) == [])
        }
    }

    @Test func aContactOfAnotherProjectOrOfAHiddenMilestoneGets404() async throws {
        try await withTestApp { app, _ in
            // given a file on a visible and one on an internal milestone's deliverable
            let world = try await World.make(app)
            let visible = try await world.client.upload(
                "/api/v1/deliverables/\(world.visibleDeliverable)/files", token: world.ownerToken, bytes: Array("visible".utf8))
            let hidden = try await world.client.upload(
                "/api/v1/deliverables/\(world.hiddenDeliverable)/files", token: world.ownerToken, bytes: Array("hidden".utf8))
            let visibleID = try #require(visible.string("id"))
            let hiddenID = try #require(hidden.string("id"))
            let other = try #require(try await world.token(.contactB))
            let viewer = try #require(try await world.token(.viewerA))
            // when / then
            #expect(try await world.client.json(.GET, "/api/v1/files/\(visibleID)", token: other).status == .notFound)
            #expect(try await world.client.json(.GET, "/api/v1/files/\(hiddenID)", token: viewer).status == .notFound)
            #expect(try await world.client.json(.GET, "/api/v1/files/\(visibleID)", token: viewer).status == .ok)
            #expect(try await world.client.json(.GET, "/api/v1/files/\(hiddenID)", token: world.ownerToken).status == .ok)
            let session = try #require(try await world.session(.contactB))
            let page = try await world.client.page(.GET, "/files/\(visibleID)", cookies: ["tandem_session": session.token])
            #expect(page.status == .notFound)
        }
    }

    @Test func aHostileFileNameIsNeitherAPathNorAHeaderBreak() async throws {
        try await withTestApp { app, _ in
            // given a name with quotes, CR/LF, a path and bidi tricks (sent percent-encoded, as RFC 5987 allows)
            let world = try await World.make(app)
            let hostile = "../../etc/pass\"wd\r\nSet-Cookie: x=1\u{202E}fdp.exe"
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            let encoded = try #require(hostile.addingPercentEncoding(withAllowedCharacters: allowed))
            // when
            let uploaded = try await world.client.upload(
                "/api/v1/deliverables/\(world.visibleDeliverable)/files", token: world.ownerToken,
                dispositionName: "filename=\"x\"; filename*=UTF-8''\(encoded)", contentType: "text/html\"<x>", bytes: Array("<script>".utf8))
            // then
            #expect(uploaded.status == .created)
            let name = try #require(uploaded.string("name"))
            #expect(name == "pass\"wdSet-Cookie: x=1fdp.exe")
            #expect(uploaded.string("contentType") == "application/octet-stream")
            let id = try #require(uploaded.string("id"))
            let download = try await world.client.json(.GET, "/api/v1/files/\(id)", token: world.ownerToken)
            #expect(download.status == .ok)
            let disposition = try #require(download.headers.first(name: .contentDisposition))
            #expect(
                disposition.hasPrefix(
                    "attachment; filename=\"pass_wdSet-Cookie: x=1fdp.exe\"; filename*=UTF-8''pass%22wdSet-Cookie%3A%20x%3D1fdp.exe"))
            #expect(!download.headers.contains(name: .setCookie))
            #expect(Self.storedFiles(app).allSatisfy { $0.split(separator: "/").last?.count == 64 })
            #expect(!FileManager.default.fileExists(atPath: app.tandem.config.dataDirectory + "/etc"))
        }
    }

    @Test func theAcceptanceAuditEntryHashesTheFilesAndVerifyStillPasses() async throws {
        try await withTestApp { app, clock in
            // given a submitted deliverable with a file
            let world = try await World.make(app)
            let bytes = "final design"
            let uploaded = try await world.client.upload(
                "/api/v1/deliverables/\(world.visibleDeliverable)/files", token: world.ownerToken, bytes: Array(bytes.utf8))
            #expect(uploaded.status == .created)
            clock.advance(by: 60)
            let approver = try #require(try await world.token(.approverA))
            // when
            let accepted = try await world.client.json(.POST, "/api/v1/deliverables/\(world.visibleDeliverable)/accept", token: approver, body: [:])
            // then
            #expect(accepted.status == .ok)
            let audit = try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)/audit", token: world.ownerToken)
            let entry = try #require(audit.items.first { $0["action"] as? String == "deliverable.accept" })
            let withFile = AuditChain.contentHash(
                AuditContent.deliverable(
                    name: "Mock-ups", acceptanceCriteria: nil, submissionNote: "ready", link: nil, comment: nil, files: [Self.sha256(bytes)]))
            let withoutFile = AuditChain.contentHash(
                AuditContent.deliverable(name: "Mock-ups", acceptanceCriteria: nil, submissionNote: "ready", link: nil, comment: nil))
            #expect(entry["contentHash"] as? String == withFile)
            #expect(withFile != withoutFile)
            let verify = try await world.client.json(.GET, "/api/v1/audit/verify", token: world.ownerToken)
            #expect(verify.json["ok"] as? Bool == true)
            // and the accepted deliverable takes no new file, the database refuses one too
            let late = try await world.client.upload(
                "/api/v1/deliverables/\(world.visibleDeliverable)/files", token: world.ownerToken, bytes: Array("swap".utf8))
            #expect(late.status == .conflict)
            #expect(try await FileRecord.query(on: app.db).count() == 1)
            let sneaked = StoredFile(
                id: UUID(), ownerKind: .deliverable, ownerID: world.visibleDeliverable, projectID: world.projectA, name: "sneaked", size: 1,
                contentType: "text/plain", sha256: String(repeating: "0", count: 64), uploadedBy: "member:x", uploadedAt: clock.now)
            await #expect(throws: (any Error).self) { try await FileStore.create(sneaked, on: app.db) }
        }
    }

    @Test func aFileRemovedBehindTheAppsBackFailsVerify() async throws {
        try await withTestApp { app, clock in
            // given an accepted deliverable with a file
            let world = try await World.make(app)
            _ = try await world.client.upload(
                "/api/v1/deliverables/\(world.visibleDeliverable)/files", token: world.ownerToken, bytes: Array("v1".utf8))
            clock.advance(by: 60)
            let approver = try #require(try await world.token(.approverA))
            _ = try await world.client.json(.POST, "/api/v1/deliverables/\(world.visibleDeliverable)/accept", token: approver, body: [:])
            // when someone swaps the recorded hash in the database (past the guards)
            let sql = app.db as! any SQLDatabase
            try await AuditTamper.dropGuards(sql)
            try await sql.raw("UPDATE files SET sha256 = \(bind: String(repeating: "e", count: 64))").run()
            // then
            let verify = try await world.client.json(.GET, "/api/v1/audit/verify", token: world.ownerToken)
            #expect(verify.json["ok"] as? Bool == false)
        }
    }

    @Test func aReturnedDeliverableTakesAFileForItsNextSubmissionAndVerifyStillPasses() async throws {
        try await withTestApp { app, clock in
            // given a returned deliverable
            let world = try await World.make(app)
            let approver = try #require(try await world.token(.approverA))
            let returned = try await world.client.json(
                .POST, "/api/v1/deliverables/\(world.visibleDeliverable)/return", token: approver, body: ["comment": "太小"])
            #expect(returned.status == .ok)
            clock.advance(by: 60)
            // when
            let uploaded = try await world.client.upload(
                "/api/v1/deliverables/\(world.visibleDeliverable)/files", token: world.ownerToken, bytes: Array("bigger".utf8))
            // then
            #expect(uploaded.status == .created)
            let verify = try await world.client.json(.GET, "/api/v1/audit/verify", token: world.ownerToken)
            #expect(verify.json["ok"] as? Bool == true)
        }
    }

    @Test func aScopeVersionCarriesFilesUntilItIsSignedOff() async throws {
        try await withTestApp { app, clock in
            // given
            let world = try await World.make(app)
            let path = "/api/v1/projects/\(world.projectA)/scope-versions/1/files"
            let uploaded = try await world.client.upload(path, token: world.ownerToken, filename: "brief.pdf", bytes: Array("brief".utf8))
            #expect(uploaded.status == .created)
            let approver = try #require(try await world.token(.approverA))
            let list = try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)/scope-versions", token: approver)
            #expect((list.items.first?["files"] as? [[String: any Sendable]])?.first?["name"] as? String == "brief.pdf")
            clock.advance(by: 60)
            // when
            let signed = try await world.client.json(.POST, "/api/v1/projects/\(world.projectA)/scope-versions/1/sign-off", token: approver)
            #expect(signed.status == .ok)
            // then
            let late = try await world.client.upload(path, token: world.ownerToken, bytes: Array("more".utf8))
            #expect(late.status == .conflict)
            #expect(try await FileRecord.query(on: app.db).count() == 1)
            #expect(try await world.client.json(.GET, "/api/v1/audit/verify", token: world.ownerToken).json["ok"] as? Bool == true)
            let fileID = try #require(uploaded.string("id"))
            #expect(try await world.client.json(.GET, "/api/v1/files/\(fileID)", token: approver).status == .ok)
            // a member may not upload through a contact's token, and a contact may not upload at all
            #expect(try await world.client.upload(path, token: approver, bytes: Array("x".utf8)).status == .forbidden)
        }
    }

    @Test func aBodyThatIsNotMultipartOrHasNoFileIsRefusedNamingTheField() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let path = "/api/v1/deliverables/\(world.visibleDeliverable)/files"
            let json = try await world.client.json(.POST, path, token: world.ownerToken, body: ["file": "x"])
            #expect(json.status == .badRequest)
            #expect(json.errorField == "file")
            let empty = try await world.client.upload(path, token: world.ownerToken, bytes: [])
            #expect(empty.status == .badRequest)
            #expect(empty.errorField == "file")
            #expect(try await FileRecord.query(on: app.db).count() == 0)
            #expect(Self.storedFiles(app) == [])
        }
    }
}
