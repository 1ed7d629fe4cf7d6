import Domain
import Fluent
import Foundation
import Persistence
import Testing
import TestSupport
import Vapor
@testable import Web

/// Scope sign-off, deliverable acceptance and the audit log they write.
@Suite struct SignOffFlowTests {
    @Test func anApprovingContactSignsOffTheScopeAndTheAuditLogRecordsIt() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let approver = try #require(try await world.token(.approverA))
            // when
            let signed = try await world.client.json(
                .POST, "/api/v1/projects/\(world.projectA)/scope-versions/1/sign-off", token: approver,
                body: ["comment": "同意"])
            // then
            #expect(signed.status == .ok)
            #expect(signed.string("status") == "signed_off")
            #expect((signed.json["signedOffBy"] as? [String: any Sendable])?["name"] as? String == "王芳")
            let audit = try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)/audit", token: approver)
            #expect(audit.items.count == 1)
            #expect(audit.items.first?["action"] as? String == "scope.sign_off")
            let verify = try await world.client.json(.GET, "/api/v1/audit/verify", token: world.ownerToken)
            #expect(verify.json["ok"] as? Bool == true)
            #expect(verify.json["entries"] as? Int == 1)
        }
    }

    @Test func signingOffTwiceIsAConflict() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let approver = try #require(try await world.token(.approverA))
            _ = try await world.client.json(.POST, "/api/v1/projects/\(world.projectA)/scope-versions/1/sign-off", token: approver)
            let again = try await world.client.json(.POST, "/api/v1/projects/\(world.projectA)/scope-versions/1/sign-off", token: approver)
            #expect(again.status == .conflict)
            #expect(try await AuditEntryRecord.query(on: app.db).count() == 1)
        }
    }

    @Test func aNewProposalSupersedesTheOpenOneAndNumbersGoUp() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let second = try await world.client.json(
                .POST, "/api/v1/projects/\(world.projectA)/scope-versions", token: world.ownerToken,
                body: ["goals": ["Launch"], "inScope": ["Shop", "App"], "outOfScope": [String]()])
            #expect(second.json["number"] as? Int == 2)
            let list = try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)/scope-versions", token: world.ownerToken)
            #expect(list.items.map { $0["status"] as? String } == ["proposed", "superseded"])
        }
    }

    @Test func aReturnNeedsACommentAndAResubmissionCanBeAccepted() async throws {
        try await withTestApp { app, _ in
            // given a submitted deliverable
            let world = try await World.make(app)
            let approver = try #require(try await world.token(.approverA))
            let path = "/api/v1/deliverables/\(world.visibleDeliverable)"
            // when returned without a comment
            let bare = try await world.client.json(.POST, path + "/return", token: approver, body: [:])
            // then
            #expect(bare.status == .badRequest)
            #expect(bare.errorField == "comment")
            // when returned with one, resubmitted and accepted
            #expect(try await world.client.json(.POST, path + "/return", token: approver, body: ["comment": "颜色太暗"]).string("status") == "returned")
            #expect(
                try await world.client.json(.POST, path + "/submit", token: world.ownerToken, body: ["link": "https://files.test/v2"]).string(
                    "status") == "submitted")
            let accepted = try await world.client.json(.POST, path + "/accept", token: approver, body: [:])
            // then
            #expect(accepted.string("status") == "accepted")
            let actions = try await AuditEntryRecord.query(on: app.db).sort(\.$seq).all().map(\.action)
            #expect(actions == ["deliverable.return", "deliverable.accept"])
        }
    }

    @Test func aSubmissionLinkMustBeHttp() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let reply = try await world.client.json(
                .POST, "/api/v1/deliverables/\(world.visibleDeliverable)/submit", token: world.ownerToken,
                body: ["link": "javascript:alert(1)"])
            #expect(reply.status == .badRequest)
            #expect(reply.errorField == "link")
        }
    }

    @Test func theAuditLogRefusesUpdatesAndDeletesInTheDatabase() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let approver = try #require(try await world.token(.approverA))
            _ = try await world.client.json(.POST, "/api/v1/projects/\(world.projectA)/scope-versions/1/sign-off", token: approver)
            let entry = try #require(try await AuditEntryRecord.query(on: app.db).first())
            entry.action = "forged"
            await #expect(throws: (any Error).self) { try await entry.update(on: app.db) }
            await #expect(throws: (any Error).self) { try await AuditEntryRecord.query(on: app.db).delete() }
            #expect(try await AuditEntryRecord.query(on: app.db).first()?.action == "scope.sign_off")
        }
    }

    @Test func verificationNamesTheFirstForgedEntry() async throws {
        try await withTestApp { app, _ in
            // given two real entries and a forged third appended behind the app's back
            let world = try await World.make(app)
            let approver = try #require(try await world.token(.approverA))
            _ = try await world.client.json(.POST, "/api/v1/projects/\(world.projectA)/scope-versions/1/sign-off", token: approver)
            _ = try await world.client.json(.POST, "/api/v1/deliverables/\(world.visibleDeliverable)/accept", token: approver)
            let last = try #require(try await AuditEntryRecord.query(on: app.db).sort(\.$seq, .descending).first())
            let forged = AuditEntryRecord()
            forged.seq = 3
            forged.at = last.at
            forged.actor = "contact:someone"
            forged.action = "scope.sign_off"
            forged.objectType = "scope_version"
            forged.objectID = UUID()
            forged.contentHash = String(repeating: "a", count: 64)
            forged.prevHash = last.hash
            forged.hash = String(repeating: "b", count: 64)
            try await forged.create(on: app.db)
            // when
            let verify = try await world.client.json(.GET, "/api/v1/audit/verify", token: world.ownerToken)
            // then
            #expect(verify.json["ok"] as? Bool == false)
            #expect(verify.json["firstBadSeq"] as? Int == 3)
            #expect(verify.string("problem") == "entry 3: hash does not match (keyed with another key, or edited)")
        }
    }
}

/// The receipt on the portal: the hash of the audit entry that records the contact's decision.
@Suite struct PortalReceiptTests {
    @Test func afterSigningOffAndAcceptingThePortalShowsEachEntrysHashAsTheReceipt() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let session = try #require(try await world.session(.approverA))
            let cookies = ["tandem_session": session.token]
            let portal = "/portal/projects/\(world.projectA)"
            // when the contact signs off and accepts through the portal
            let signed = try await world.client.page(
                .POST, portal + "/scope-versions/1/sign-off", cookies: cookies,
                form: ["comment": "OK", "confirm": "yes", "_csrf": session.csrf])
            #expect(signed.status == .seeOther)
            let accepted = try await world.client.page(
                .POST, "/portal/deliverables/\(world.visibleDeliverable)/accept", cookies: cookies,
                form: ["confirm": "yes", "_csrf": session.csrf])
            #expect(accepted.status == .seeOther)
            let page = try await world.client.page(.GET, portal, cookies: cookies).body
            // then each shows its entry's hash, labelled
            let entries = try await AuditEntryRecord.query(on: app.db).sort(\.$seq).all()
            #expect(entries.map(\.action) == ["scope.sign_off", "deliverable.accept"])
            for entry in entries {
                #expect(page.contains("<code title=\"\(entry.hash)\" data-hash=\"\(entry.hash)\">\(entry.hash.prefix(16))</code>"))
            }
            let scope = try #require(page.range(of: "id=\"scope\""))
            let milestones = try #require(page.range(of: "id=\"milestones\""))
            #expect(page[scope.lowerBound..<milestones.lowerBound].contains("回执： <code title=\"\(entries[0].hash)\""))
            let deliverable = try #require(
                page.range(of: "id=\"d-\(world.visibleDeliverable.uuidString)\"").map { String(page[$0.lowerBound...].prefix(2000)) })
            #expect(deliverable.contains("data-hash=\"\(entries[1].hash)\""))
        }
    }
}
