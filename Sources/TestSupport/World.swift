import Domain
import Fluent
import Foundation
import Persistence
import Vapor
@testable import Web

/// A workspace with every kind of principal and two projects, built through the public API:
/// project A (customer A) holds customer-visible and internal objects; project B belongs to another customer.
public struct World: Sendable {
    public enum Who: String, CaseIterable, Sendable {
        case owner, manager, member, approverA, viewerA, contactB, anonymous
    }

    public var client: TestClient
    public var ownerToken: String
    public var ids: [Who: UUID]
    public var customerA: UUID
    public var customerB: UUID
    public var projectA: UUID
    public var projectB: UUID
    public var visibleMilestone: UUID
    public var hiddenMilestone: UUID
    public var visibleDeliverable: UUID
    public var hiddenDeliverable: UUID
    public var visibleItem: UUID
    public var hiddenItem: UUID

    public static let password = "correct horse battery"

    public static func make(_ app: Application) async throws -> World {
        let client = TestClient(app)
        let setup = try await client.json(
            .POST, "/api/v1/setup",
            body: [
                "workspaceName": "Studio", "name": "Olivia Owner", "email": "owner@studio.test", "password": password, "language": "en",
            ])
        guard setup.status == .created, let owner = setup.string("token") else { throw Failure("setup failed: \(setup.body)") }
        var ids: [Who: UUID] = [:]
        ids[.owner] = try await uuid(client.json(.GET, "/api/v1/me", token: owner), "id")
        for (who, role) in [(Who.manager, "manager"), (.member, "member")] {
            let reply = try await client.json(
                .POST, "/api/v1/members", token: owner,
                body: [
                    "name": "\(role.capitalized) Person", "email": "\(role)@studio.test", "role": role, "password": password,
                ])
            ids[who] = try uuid(reply, "id")
        }
        let customerA = try await uuid(client.json(.POST, "/api/v1/customers", token: owner, body: ["name": "茶舍", "language": "zh-Hans"]), "id")
        let customerB = try await uuid(client.json(.POST, "/api/v1/customers", token: owner, body: ["name": "Bikes", "language": "en"]), "id")
        func contact(_ customer: UUID, _ name: String, _ email: String) async throws -> UUID {
            try await uuid(client.json(.POST, "/api/v1/customers/\(customer)/contacts", token: owner, body: ["name": name, "email": email]), "id")
        }
        ids[.approverA] = try await contact(customerA, "王芳", "wang@tea.test")
        ids[.viewerA] = try await contact(customerA, "李雷", "li@tea.test")
        ids[.contactB] = try await contact(customerB, "Ana", "ana@bikes.test")

        func project(_ customer: UUID, _ name: String) async throws -> UUID {
            try await uuid(
                client.json(
                    .POST, "/api/v1/projects", token: owner,
                    body: [
                        "customerId": customer.uuidString, "name": name, "timeZone": "Asia/Shanghai", "startDate": "2026-12-01", "goals": ["Launch"],
                    ]), "id")
        }
        let projectA = try await project(customerA, "小程序商城")
        let projectB = try await project(customerB, "Website")
        for (who, project, approve) in [(Who.approverA, projectA, true), (.viewerA, projectA, false), (.contactB, projectB, true)] {
            let invitation = try await client.json(
                .POST, "/api/v1/projects/\(project)/invitations", token: owner,
                body: ["contactId": ids[who]!.uuidString, "canApprove": approve])
            guard let token = invitation.string("token") else { throw Failure("invite failed: \(invitation.body)") }
            let accepted = try await client.json(.POST, "/api/v1/auth/invitations/accept", body: ["token": token])
            guard accepted.status == .ok else { throw Failure("accept failed: \(accepted.body)") }
        }
        // Project A has an agreed communication plan; project B has none.
        _ = try await client.json(
            .PUT, "/api/v1/projects/\(projectA)/communication-plan", token: owner,
            raw: #"{"reportCadence": {"every": "week", "weekday": 5, "time": "17:00"}, "responseTargetHours": 24, "channels": []}"#)
        _ = try await client.json(
            .POST, "/api/v1/projects/\(projectA)/scope-versions", token: owner,
            body: ["goals": ["Launch"], "inScope": ["Shop"], "outOfScope": ["POS"]])
        func milestone(_ name: String, visible: Bool) async throws -> UUID {
            try await uuid(
                client.json(
                    .POST, "/api/v1/projects/\(projectA)/milestones", token: owner,
                    body: ["name": name, "dueDate": "2026-12-20", "visibleToCustomer": visible]), "id")
        }
        let visibleMilestone = try await milestone("Design sign-off", visible: true)
        let hiddenMilestone = try await milestone("Internal review", visible: false)
        func deliverable(_ milestone: UUID, _ name: String) async throws -> UUID {
            let id = try await uuid(client.json(.POST, "/api/v1/milestones/\(milestone)/deliverables", token: owner, body: ["name": name]), "id")
            _ = try await client.json(.POST, "/api/v1/deliverables/\(id)/submit", token: owner, body: ["note": "ready"])
            return id
        }
        let visibleDeliverable = try await deliverable(visibleMilestone, "Mock-ups")
        let hiddenDeliverable = try await deliverable(hiddenMilestone, "Code review notes")
        func item(_ title: String, visible: Bool) async throws -> UUID {
            try await uuid(
                client.json(
                    .POST, "/api/v1/projects/\(projectA)/work-items", token: owner,
                    body: [
                        "title": title, "startDate": "2026-12-01", "dueDate": "2026-12-05", "dependsOn": [String](), "visibleToCustomer": visible,
                    ]), "id")
        }
        let visibleItem = try await item("Design", visible: true)
        let hiddenItem = try await item("Secret refactor", visible: false)
        return World(
            client: client, ownerToken: owner, ids: ids, customerA: customerA, customerB: customerB, projectA: projectA,
            projectB: projectB, visibleMilestone: visibleMilestone, hiddenMilestone: hiddenMilestone,
            visibleDeliverable: visibleDeliverable, hiddenDeliverable: hiddenDeliverable, visibleItem: visibleItem, hiddenItem: hiddenItem)
    }

    /// A fresh API token for `who` (nil for anonymous), minted directly so tests may burn it.
    public func token(_ who: Who) async throws -> String? {
        try await credential(who, kind: .api)?.token
    }

    /// A fresh page session for `who`: the cookie value and the session's CSRF token.
    public func session(_ who: Who) async throws -> (token: String, csrf: String)? {
        try await credential(who, kind: .web)
    }

    private func credential(_ who: Who, kind: CredentialKind) async throws -> (token: String, csrf: String)? {
        guard who != .anonymous, let id = ids[who] else { return nil }
        let isMember = [Who.owner, .manager, .member].contains(who)
        let app = client.app
        let token = try await Credentials.issue(
            kind, memberID: isMember ? id : nil, contactID: isMember ? nil : id,
            on: app.db, now: app.tandem.clock())
        guard let record = try await CredentialRecord.query(on: app.db).filter(\.$tokenHash == SecretToken.hash(token)).first() else {
            throw Failure("credential vanished")
        }
        return (token, record.csrfToken)
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    private static func uuid(_ reply: Reply, _ key: String) throws -> UUID {
        guard let text = reply.string(key), let id = UUID(uuidString: text) else { throw Failure("no \(key) in \(reply.status): \(reply.body)") }
        return id
    }
}
