import Domain
import Foundation
import Testing
import TestSupport
import Vapor
@testable import Web

/// Walks the application's whole route table and checks every route against every kind of principal.
/// A route without a declared rule, or with a path parameter this test does not know, fails the test.
@Suite struct AuthorizationMatrixTests {
    enum Outcome: String { case allowed, unauthenticated, forbidden, notFound }

    /// What each rule must answer, written out by hand (not derived from `AccessPolicy`).
    static func expected(_ rule: AccessRule, _ who: World.Who, hiddenObject: Bool) -> Outcome {
        let isMember = [World.Who.owner, .manager, .member].contains(who)
        let contactOfA = who == .approverA || who == .viewerA
        if who == .anonymous { return rule == .open ? .allowed : .unauthenticated }
        switch rule {
        case .open, .signedIn: return .allowed
        case .member: return isMember ? .allowed : .forbidden
        case .manager: return who == .owner || who == .manager ? .allowed : .forbidden
        case .owner: return who == .owner ? .allowed : .forbidden
        case .teamLog: return who == .owner || who == .manager ? .allowed : (isMember ? .forbidden : .notFound)
        case .contact: return isMember ? .forbidden : .allowed
        case .projectTeam, .projectManage, .projectView, .projectApprove, .projectAudit, .projectContact:
            if isMember {
                switch rule {
                case .projectManage: return who == .member ? .forbidden : .allowed
                case .projectApprove, .projectContact: return .forbidden
                default: return .allowed
                }
            }
            guard contactOfA, !hiddenObject else { return .notFound }
            switch rule {
            case .projectView, .projectContact: return .allowed
            case .projectApprove, .projectAudit: return who == .approverA ? .allowed : .forbidden
            default: return .forbidden
            }
        }
    }

    static func observed(_ reply: Reply, surface: Surface) -> Outcome {
        switch reply.status {
        case .unauthorized: return .unauthenticated
        case .forbidden: return .forbidden
        case .notFound: return .notFound
        case .seeOther where surface == .page:
            let location = reply.location ?? ""
            return location.hasPrefix("/signin?next=") || location.hasPrefix("/portal/sign-in?next=") ? .unauthenticated : .allowed
        default: return .allowed
        }
    }

    @Test func everyRouteAnswersEveryPrincipalAsItsRuleSays() async throws {
        try await withTestApp { app, _ in
            // given
            let world = try await World.make(app)
            let routes = app.routes.all
            #expect(routes.count > 40)
            var checks = 0
            for route in routes {
                let method = route.method
                let template = "/" + route.path.map(\.description).joined(separator: "/")
                guard let rule = route.userInfo["rule"] as? AccessRule, let surface = route.userInfo["surface"] as? Surface else {
                    Issue.record("route \(method) \(template) declares no access rule")
                    continue
                }
                let hasHideableObject = route.path.contains {
                    [":milestoneID", ":deliverableID", ":workItemID", ":fileID", ":reportID", ":meetingID", ":actionItemID"].contains($0.description)
                }
                for hidden in hasHideableObject ? [false, true] : [false] {
                    for who in World.Who.allCases {
                        // when
                        guard let path = try await world.fill(route.path, hidden: hidden, method: method) else {
                            Issue.record("route \(method) \(template) has a path parameter the matrix does not know")
                            break
                        }
                        let reply = try await world.send(method, path, api: surface == .api, as: who)
                        checks += 1
                        // then
                        #expect(reply.status.code < 500, "\(method) \(path) as \(who) crashed: \(reply.body.prefix(200))")
                        let want = Self.expected(rule, who, hiddenObject: hidden)
                        let got = Self.observed(reply, surface: surface)
                        #expect(
                            got == want,
                            "\(method) \(template) [\(rule)] as \(who)\(hidden ? " (hidden object)" : ""): expected \(want), got \(got) (\(reply.status.code))"
                        )
                    }
                }
            }
            #expect(checks > routes.count * World.Who.allCases.count)
        }
    }
}
