import Domain
import Fluent
import Foundation
import Persistence
import Testing
import TestSupport
import Vapor
@testable import Web

/// Files on the team's project page and in the portal: the multipart form, its CSRF token, links and downloads.
@Suite struct FilePagesTests {
    @Test func theTeamUploadsThroughThePageFormWithItsTokenAndSeesTheLinkWithItsSize() async throws {
        try await withTestApp { app, _ in
            // given the team's project page
            let world = try await World.make(app)
            let session = try #require(try await world.session(.owner))
            let page = try await world.client.page(.GET, "/projects/\(world.projectA)", cookies: ["tandem_session": session.token])
            let action = "/deliverables/\(world.visibleDeliverable.uuidString)/files"
            #expect(page.body.contains("action=\"\(action)\" enctype=\"multipart/form-data\""))
            #expect(page.body.contains("action=\"/projects/\(world.projectA.uuidString)/scope-versions/1/files\" enctype=\"multipart/form-data\""))
            // when the form is sent as a browser sends it
            let sent = try await world.client.uploadPage(
                action, session: session.token, csrf: session.csrf, filename: "mock-up.png", bytes: Array(repeating: 7, count: 2048))
            // then
            #expect(sent.status == .seeOther)
            #expect(sent.location == "/projects/\(world.projectA.uuidString)#milestones")
            let file = try #require(try await FileRecord.query(on: app.db).first())
            let after = try await world.client.page(.GET, "/projects/\(world.projectA)", cookies: ["tandem_session": session.token])
            #expect(after.body.contains("href=\"/files/\(try file.requireID().uuidString)\""))
            #expect(after.body.contains(">mock-up.png</a> <small class=\"muted file-size\">2.0 KB</small>"))
        }
    }

    @Test func anUploadWithoutTheFormTokenIsRefusedAndStoresNothing() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let session = try #require(try await world.session(.owner))
            let action = "/deliverables/\(world.visibleDeliverable.uuidString)/files"
            for csrf in [nil, "forged-token"] as [String?] {
                let sent = try await world.client.uploadPage(action, session: session.token, csrf: csrf, filename: "x.txt", bytes: Array("x".utf8))
                #expect(sent.status == .badRequest)
            }
            #expect(try await FileRecord.query(on: app.db).count() == 0)
            #expect(FileTests.storedFiles(app) == [])
        }
    }

    @Test func thePortalLinksTheFilesOfWhatTheContactMaySeeAndServesThem() async throws {
        try await withTestApp { app, _ in
            // given a file on a visible and one on an internal deliverable
            let world = try await World.make(app)
            let visible = try await world.client.upload(
                "/api/v1/deliverables/\(world.visibleDeliverable)/files", token: world.ownerToken, filename: "设计稿.pdf", bytes: Array("v".utf8))
            let hidden = try await world.client.upload(
                "/api/v1/deliverables/\(world.hiddenDeliverable)/files", token: world.ownerToken, filename: "internal.pdf", bytes: Array("h".utf8))
            let visibleID = try #require(visible.string("id"))
            let hiddenID = try #require(hidden.string("id"))
            let session = try #require(try await world.session(.viewerA))
            let cookies = ["tandem_session": session.token]
            // when
            let portal = try await world.client.page(.GET, "/portal/projects/\(world.projectA)", cookies: cookies)
            // then
            #expect(portal.body.contains("href=\"/files/\(visibleID)\""))
            #expect(portal.body.contains("设计稿.pdf"))
            #expect(!portal.body.contains(hiddenID))
            #expect(!portal.body.contains("internal.pdf"))
            #expect(!portal.body.contains("upload-file"))
            let download = try await world.client.page(.GET, "/files/\(visibleID)", cookies: cookies)
            #expect(download.status == .ok)
            #expect(download.body == "v")
            #expect(download.headers.first(name: .contentDisposition)?.hasPrefix("attachment;") == true)
            #expect(try await world.client.page(.GET, "/files/\(hiddenID)", cookies: cookies).status == .notFound)
        }
    }

    @Test(.enabled(if: !TestDatabase.isPostgres))
    func aBackupCopiesTheUploadedFilesAfterTheDatabase() async throws {
        let directory = NSTemporaryDirectory() + "tandem-files-backup-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await withTestApp(sqliteFile: directory + "/tandem.sqlite") { app, _ in
            // given
            let world = try await World.make(app)
            let uploaded = try await world.client.upload(
                "/api/v1/deliverables/\(world.visibleDeliverable)/files", token: world.ownerToken, bytes: Array("kept".utf8))
            let sha = try #require(uploaded.string("sha256"))
            // when
            try await Backup.write(to: directory + "/copy.sqlite", app: app, config: app.tandem.config)
            // then
            let copied = directory + "/copy.sqlite.files/\(sha.prefix(2))/\(sha)"
            #expect(FileManager.default.contents(atPath: copied) == Data("kept".utf8))
            #expect(!FileManager.default.fileExists(atPath: directory + "/copy.sqlite.files/incoming"))
        }
    }

    @Test func theUploadLimitComesFromTheEnvironment() throws {
        #expect(try AppConfig.fromEnvironment([:]).maxUploadBytes == 25 << 20)
        #expect(try AppConfig.fromEnvironment(["TANDEM_MAX_UPLOAD_MB": "3"]).maxUploadBytes == 3 << 20)
        #expect(throws: AppConfig.Invalid.self) { try AppConfig.fromEnvironment(["TANDEM_MAX_UPLOAD_MB": "0"]) }
        #expect(throws: AppConfig.Invalid.self) { try AppConfig.fromEnvironment(["TANDEM_MAX_UPLOAD_MB": "lots"]) }
    }
}
