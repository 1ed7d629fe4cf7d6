import Domain
import Foundation
import Testing
import TestSupport
import Vapor
@testable import Web

/// The project history: the whole of it for the team, the customer-visible part for a contact, in the
/// viewer's language, paged; and the team's "since your last visit" mark.
@Suite struct ActivityTests {
    func activity(_ world: World, _ token: String, query: String = "") async throws -> Reply {
        try await world.client.json(.GET, "/api/v1/projects/\(world.projectA)/activity\(query)", token: token)
    }

    @Test func aMemberSeesEveryEntryAndAContactOnlyTheCustomerVisibleOnes() async throws {
        try await withTestApp { app, clock in
            // given a signed scope and progress on a visible and a hidden item
            let world = try await World.make(app)
            let approver = try #require(try await world.token(.approverA))
            clock.advance(by: 60)
            _ = try await world.client.json(.POST, "/api/v1/projects/\(world.projectA)/scope-versions/1/sign-off", token: approver)
            for item in [world.visibleItem, world.hiddenItem] {
                _ = try await world.client.json(.PATCH, "/api/v1/work-items/\(item)", token: world.ownerToken, body: ["progress": 50])
            }
            // when
            let team = try await activity(world, world.ownerToken)
            let customer = try await activity(world, approver)
            // then
            #expect(team.status == .ok && customer.status == .ok)
            let teamObjects = Set(team.items.compactMap { $0["objectId"] as? String })
            let customerObjects = Set(customer.items.compactMap { $0["objectId"] as? String })
            for hidden in [world.hiddenItem, world.hiddenMilestone, world.hiddenDeliverable] {
                #expect(teamObjects.contains(hidden.uuidString))
                #expect(!customerObjects.contains(hidden.uuidString), "hidden \(hidden) reached the customer")
                #expect(!customer.body.contains(hidden.uuidString))
            }
            for visible in [world.visibleItem, world.visibleMilestone, world.visibleDeliverable] {
                #expect(customerObjects.contains(visible.uuidString))
            }
            #expect(!customer.body.contains("Secret refactor") && !customer.body.contains("Internal review"))
            #expect(customer.items.count < team.items.count)
        }
    }

    @Test func theSummaryIsASentenceInTheViewersLanguageNamingWhoActed() async throws {
        try await withTestApp { app, clock in
            // given
            let world = try await World.make(app)
            let approver = try #require(try await world.token(.approverA))
            clock.advance(by: 60)
            _ = try await world.client.json(.POST, "/api/v1/projects/\(world.projectA)/scope-versions/1/sign-off", token: approver)
            // when
            let chinese = try await activity(world, approver).items.first
            let english = try await activity(world, world.ownerToken).items.first
            // then the newest entry is the sign-off, told in each viewer's language
            #expect(chinese?["action"] as? String == "scope.sign_off")
            #expect(chinese?["summary"] as? String == "王芳 签署了范围版本 1")
            #expect(english?["summary"] as? String == "王芳 signed off scope version 1")
            let actor = english?["actor"] as? [String: any Sendable]
            #expect(actor?["id"] as? String == world.ids[.approverA]?.uuidString)
            #expect(actor?["name"] as? String == "王芳")
            #expect(english?["objectType"] as? String == "scope_version")
        }
    }

    @Test func entriesArePagedNewestFirstWithoutGapsOrRepeats() async throws {
        try await withTestApp { app, clock in
            // given
            let world = try await World.make(app)
            for percent in [10, 20, 30] {
                clock.advance(by: 60)
                _ = try await world.client.json(
                    .PATCH, "/api/v1/work-items/\(world.visibleItem)", token: world.ownerToken, body: ["progress": percent])
            }
            let all = try await activity(world, world.ownerToken)
            // when
            var paged: [[String: any Sendable]] = []
            var cursor: String? = nil
            repeat {
                let page = try await activity(
                    world, world.ownerToken, query: "?limit=3" + (cursor.map { "&cursor=\(TestClient.encodeQuery($0))" } ?? ""))
                #expect(page.status == .ok && page.items.count <= 3)
                paged += page.items
                cursor = page.json["nextCursor"] as? String
            } while cursor != nil
            // then
            #expect(all.items.count > 3)
            #expect(paged.map { $0["objectId"] as? String } == all.items.map { $0["objectId"] as? String })
            #expect(paged.map { $0["summary"] as? String } == all.items.map { $0["summary"] as? String })
            let times = paged.compactMap { $0["at"] as? String }
            #expect(times == times.sorted(by: >))
            #expect(paged.first?["summary"] as? String == "The team set “Design” to 30 %")
        }
    }

    @Test func aContactOfAnotherCustomerGetsNotFoundAndABadLimitIsRefused() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            let other = try #require(try await world.token(.contactB))
            #expect(try await activity(world, other).status == .notFound)
            let bad = try await activity(world, world.ownerToken, query: "?limit=0")
            #expect(bad.status == .badRequest && bad.errorField == "limit")
        }
    }

    @Test func anActionWithoutASentenceOfItsOwnGetsAReadableGenericOne() throws {
        // given an action another part may add later
        let catalogue = try Catalogue.load()
        let entry = ActivityEntry(at: Date(), actor: nil, action: "milestone.delete", objectType: "milestone", objectID: UUID())
        let item = ActivityItem(entry: entry, actorID: UUID(), actorName: "王芳", objectLabel: "设计确认")
        // when
        let chinese = ActivityText.summary(item, catalogue: catalogue, language: .zhHans)
        let english = ActivityText.summary(item, catalogue: catalogue, language: .en)
        // then
        #expect(chinese == "王芳：milestone delete——里程碑「设计确认」")
        #expect(english == "王芳: milestone delete — milestone “设计确认”")
        #expect(!english.contains("activity."))
    }

    @Test func everyCorrectionAndRequestForChangesReadsAsItsOwnSentence() throws {
        let catalogue = try Catalogue.load()
        for action in HistoryAction.all + ["scope.request_changes"] {
            let entry = ActivityEntry(at: Date(), actor: nil, action: action, objectType: "milestone", objectID: UUID())
            let item = ActivityItem(entry: entry, actorID: UUID(), actorName: "王芳", objectLabel: "2")
            for language in Language.allCases {
                let sentence = ActivityText.summary(item, catalogue: catalogue, language: language)
                #expect(sentence.hasPrefix("王芳"), "\(action): \(sentence)")
                #expect(!sentence.contains("_") && !sentence.contains("——") && !sentence.contains(" — "), "\(action) is generic: \(sentence)")
            }
        }
    }

    @Test func theHistoryPageMarksWhatIsNewSinceTheMembersLastVisit() async throws {
        try await withTestApp { app, clock in
            // given
            let world = try await World.make(app)
            let session = try #require(try await world.session(.member))
            let path = "/projects/\(world.projectA)/history"
            func visit() async throws -> Reply { try await world.client.page(.GET, path, cookies: ["tandem_session": session.token]) }
            // when first visited
            let first = try await visit()
            // then nothing is marked new
            #expect(first.status == .ok)
            #expect(first.body.contains("first look at the history"))
            #expect(!first.body.contains("activity-entry new"))
            // when something happens and the member comes back
            clock.advance(by: 3_600)
            _ = try await world.client.json(.PATCH, "/api/v1/work-items/\(world.hiddenItem)", token: world.ownerToken, body: ["progress": 40])
            clock.advance(by: 60)
            let second = try await visit()
            // then exactly that entry is marked, and the count says so
            #expect(second.body.contains("data-new-count=\"1\""))
            #expect(second.body.components(separatedBy: "class=\"activity-entry new\"").count == 2)
            #expect(second.body.contains("“Secret refactor” to 40 %"))
            // when the member looks again with nothing new
            clock.advance(by: 60)
            let third = try await visit()
            #expect(third.body.contains("data-new-count=\"0\""))
            #expect(!third.body.contains("activity-entry new"))
        }
    }

    @Test func theLastVisitIsPerPerson() async throws {
        try await withTestApp { app, clock in
            // given the owner has looked, the member has not
            let world = try await World.make(app)
            let owner = try #require(try await world.session(.owner))
            let member = try #require(try await world.session(.member))
            let path = "/projects/\(world.projectA)/history"
            _ = try await world.client.page(.GET, path, cookies: ["tandem_session": owner.token])
            clock.advance(by: 60)
            // when the member looks
            let page = try await world.client.page(.GET, path, cookies: ["tandem_session": member.token])
            // then it is the member's first visit
            #expect(page.body.contains("first look at the history"))
        }
    }
}
