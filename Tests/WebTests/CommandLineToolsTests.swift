import Domain
import Fluent
import Foundation
import Persistence
import Testing
import TestSupport
import Vapor
@testable import Web

@Suite struct CommandLineToolsTests {
    @Test func theDemoWorkspaceHasTwoCustomersInTwoLanguagesAndThreeProjectsAtDifferentStages() async throws {
        try await withTestApp { app, _ in
            // when
            try await DemoWorkspace.fill(app)
            // then
            let customers = try await CustomerRecord.query(on: app.db).all()
            #expect(Set(customers.map(\.language.rawValue)) == ["zh-Hans", "en"])
            let projects = try await ProjectRecord.query(on: app.db).all()
            #expect(projects.count == 3)
            #expect(Set(projects.map(\.status.rawValue)) == ["planning", "active", "closed"])
            let scopes = try await ScopeVersionRecord.query(on: app.db).all().map(\.status.rawValue)
            #expect(scopes.contains("signed_off") && scopes.contains("proposed"))
            // A sign-off and an acceptance, the two projects' status changes (planning → active, planning → closed) and the
            // published status report.
            #expect(try await app.verifyAuditLog().entries == 5)
            // The shop has its communication plan, a published report and a message in its thread.
            #expect(try await CommunicationPlanRecord.query(on: app.db).count() == 1)
            #expect(try await StatusReportRecord.query(on: app.db).filter(\.$status == "published").count() == 1)
            // and the owner can sign in with the printed password
            let reply = try await TestClient(app).json(
                .POST, "/api/v1/auth/tokens",
                body: ["email": DemoWorkspace.ownerEmail, "password": DemoWorkspace.ownerPassword])
            #expect(reply.status == .created)
        }
    }

    @Test func theDemoRefusesADatabaseThatAlreadyHasAWorkspace() async throws {
        try await withTestApp { app, _ in
            _ = try await World.make(app)
            await #expect(throws: AppConfig.Invalid.self) { try await DemoWorkspace.fill(app) }
        }
    }

    @Test(.enabled(if: !TestDatabase.isPostgres))
    func aBackupIsAConsistentCopyThatOpensAsADatabase() async throws {
        let directory = NSTemporaryDirectory() + "tandem-backup-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let live = directory + "/tandem.sqlite"
        let copy = directory + "/backup.sqlite"
        try await withTestApp(sqliteFile: live) { app, _ in
            // given a workspace with a signed-off scope
            let world = try await World.make(app)
            let approver = try #require(try await world.token(.approverA))
            _ = try await world.client.json(.POST, "/api/v1/projects/\(world.projectA)/scope-versions/1/sign-off", token: approver)
            // when
            try await Backup.write(to: copy, app: app, config: app.tandem.config)
            // then it refuses to overwrite
            await #expect(throws: AppConfig.Invalid.self) { try await Backup.write(to: copy, app: app, config: app.tandem.config) }
        }
        // and the copy, restored with its checkpoint, opens with the same data and an intact audit chain
        let restored = directory + "/restored"
        try FileManager.default.createDirectory(atPath: restored, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: copy + ".audit-checkpoint", toPath: restored + "/audit-checkpoint")
        try await withTestApp(sqliteFile: copy, dataDirectory: restored) { app, _ in
            #expect(try await ProjectRecord.query(on: app.db).count() == 2)
            let verification = try await app.verifyAuditLog()
            #expect(verification.ok && verification.entries == 1 && verification.warning == nil)
        }
    }

    @Test func configurationRefusesMalformedValuesWithAClearMessage() {
        #expect(throws: AppConfig.Invalid.self) { try AppConfig.fromEnvironment(["PORT": "eighty"]) }
        #expect(throws: AppConfig.Invalid.self) { try AppConfig.fromEnvironment(["DATABASE_URL": "mysql://x"]) }
        #expect(throws: AppConfig.Invalid.self) { try AppConfig.fromEnvironment(["TANDEM_BASE_URL": "ftp://x"]) }
        #expect(throws: AppConfig.Invalid.self) { try AppConfig.fromEnvironment(["LOG_LEVEL": "loud"]) }
        let config = try? AppConfig.fromEnvironment(["TANDEM_DATA_DIR": "/srv/tandem", "TANDEM_BASE_URL": "https://t.example.com/"])
        #expect(config?.database == .sqliteFile(path: "/srv/tandem/tandem.sqlite"))
        #expect(config?.baseURL.absoluteString == "https://t.example.com")
        #expect(config?.cookiesAreSecure == true)
    }

    @Test func memberCreateMakesTheFirstOwnerAndThenFurtherMembers() async throws {
        try await withTestApp { app, _ in
            // when the first member is created from a terminal
            try await MemberAdmin.create(
                MemberAdmin.NewMember(name: "Lin", email: "lin@studio.test", language: "zh-Hans"),
                password: "long enough secret", app: app)
            try await MemberAdmin.create(
                MemberAdmin.NewMember(name: "Sam", email: "sam@studio.test", role: "member"),
                password: "another long secret", app: app)
            // then the first is the owner of a new workspace and the second joins it
            let members = try await MemberRecord.query(on: app.db).sort(\.$createdAt).all()
            #expect(members.map(\.role.rawValue) == ["owner", "member"])
            #expect(Set(members.map(\.workspaceID)).count == 1)
            let signIn = try await TestClient(app).json(
                .POST, "/api/v1/auth/tokens", body: ["email": "sam@studio.test", "password": "another long secret"])
            #expect(signIn.status == .created)
        }
    }

    @Test func memberCreateRefusesAShortPasswordAndAnUnknownRole() async throws {
        try await withTestApp { app, _ in
            await #expect(throws: DomainError.self) {
                try await MemberAdmin.create(MemberAdmin.NewMember(name: "Lin", email: "lin@studio.test"), password: "short", app: app)
            }
            await #expect(throws: AppConfig.Invalid.self) {
                try await MemberAdmin.create(
                    MemberAdmin.NewMember(name: "Lin", email: "lin@studio.test", role: "boss"),
                    password: "long enough secret", app: app)
            }
            let members = try await MemberRecord.query(on: app.db).count()
            #expect(members == 0)
        }
    }
}
