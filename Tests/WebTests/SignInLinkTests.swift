import Domain
import Fluent
import Foundation
import Persistence
import Testing
import TestSupport
import Vapor
@testable import Web

/// Portal sign-in links: throttled alike for known and unknown addresses, never to the wrong person.
@Suite struct SignInLinkTests {
    @Test(arguments: ["ana@bikes.test", "nobody@nowhere.test"])
    func theSixthLinkForOneAddressIsThrottled(_ email: String) async throws {
        try await withTestApp { app, clock in
            // given
            let world = try await World.make(app)
            for _ in 0..<5 {
                #expect(try await world.client.json(.POST, "/api/v1/auth/sign-in-links", body: ["email": email]).status == .accepted)
                clock.advance(by: 1)
            }
            // when
            let sixth = try await world.client.json(.POST, "/api/v1/auth/sign-in-links", body: ["email": email])
            // then
            #expect(sixth.status == .tooManyRequests)
            #expect(Int(sixth.headers.first(name: "Retry-After") ?? "") ?? 0 > 0)
            let links = try await AccessLinkRecord.query(on: app.db).filter(\.$kind == "sign_in").count()
            #expect(links == (email == "ana@bikes.test" ? 5 : 0))
            // and the window passes
            clock.advance(by: 15 * 60)
            #expect(try await world.client.json(.POST, "/api/v1/auth/sign-in-links", body: ["email": email]).status == .accepted)
        }
    }

    @Test func oneClientAskingForManyAddressesIsThrottled() async throws {
        try await withTestApp { app, _ in
            let world = try await World.make(app)
            for index in 0..<20 {
                _ = try await world.client.json(.POST, "/api/v1/auth/sign-in-links", body: ["email": "guess\(index)@bikes.test"])
            }
            #expect(try await world.client.json(.POST, "/api/v1/auth/sign-in-links", body: ["email": "ana@bikes.test"]).status == .tooManyRequests)
        }
    }

    @Test func aContactAddressIsUniqueInTheWorkspaceWhateverItsCaseAndSpaces() async throws {
        try await withTestApp { app, _ in
            // given: ana@bikes.test is a contact of customer B
            let world = try await World.make(app)
            let before = try await ContactRecord.query(on: app.db).count()
            // when the same address is added to customer A
            let reply = try await world.client.json(
                .POST, "/api/v1/customers/\(world.customerA)/contacts", token: world.ownerToken,
                body: ["name": "Ana again", "email": "  ANA@Bikes.Test "])
            // then
            #expect(reply.status == .badRequest)
            #expect(reply.errorField == "email")
            #expect(try await ContactRecord.query(on: app.db).count() == before)
        }
    }
}
