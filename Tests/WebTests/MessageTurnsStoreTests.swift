import Domain
import Foundation
import Persistence
import Testing
import TestSupport
import Vapor
@testable import Web

/// The response-time turns read from the stored thread: the contact's message asks, the team's visible reply
/// answers, and internal messages are not turns.
@Suite struct MessageTurnsStoreTests {
    @Test func aThreadMakesTheTurnsTheFiguresAreComputedFrom() async throws {
        try await withTestApp { app, clock in
            // given: a question at 0, an internal note at 1 h, the visible answer at 3 h; another project's message
            let world = try await World.make(app)
            func post(_ who: World.Who, _ visibility: String, project: UUID? = nil) async throws {
                let reply = try await world.client.json(
                    .POST, "/api/v1/projects/\(project ?? world.projectA)/messages", token: try await world.token(who),
                    body: ["body": "text", "visibility": visibility])
                #expect(reply.status == .created)
            }
            let start = clock.now
            try await post(.viewerA, "customer")
            clock.advance(by: 3_600)
            try await post(.member, "internal")
            clock.advance(by: 7_200)
            try await post(.owner, "customer")
            try await post(.contactB, "customer", project: world.projectB)
            // when
            let turns = try await MessageStore.turns(projectID: world.projectA, on: app.db)
            let many = try await MessageStore.turns(projectIDs: [world.projectA, world.projectB], on: app.db)
            let figures = ResponseTimes.figures(turns, now: clock.now)
            // then
            #expect(turns.map(\.side) == [.customer, .team])
            #expect(turns.first?.by == "李雷")
            #expect(turns.first?.at == start)
            #expect(figures.teamMedianHours == 3)
            #expect(figures.waiting.isEmpty)
            #expect(many[world.projectA] == turns)
            #expect(many[world.projectB]?.map(\.side) == [.customer])
        }
    }
}
