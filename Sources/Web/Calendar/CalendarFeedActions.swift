import Domain
import Foundation
import Persistence

/// A person's secret feed URL for calendar apps: made (replacing the old one), revoked, and read by its token.
enum CalendarFeedActions {
    struct Created: Sendable {
        var url: String
        var token: String
    }

    /// Makes the acting person a new feed token; their previous URL stops working at once.
    static func create(in ctx: ActionContext) async throws -> Created {
        let (memberID, contactID) = try person(in: ctx)
        let token = SecretToken.generate()
        let now = ctx.now
        try await ctx.write { db in
            try await CalendarFeedStore.replace(memberID: memberID, contactID: contactID, tokenHash: SecretToken.hash(token), now: now, on: db)
        }
        return Created(url: url(token, in: ctx), token: token)
    }

    /// Revokes the acting person's feed (nothing happens when there is none).
    static func revoke(in ctx: ActionContext) async throws {
        let (memberID, contactID) = try person(in: ctx)
        try await ctx.write { db in try await CalendarFeedStore.revoke(memberID: memberID, contactID: contactID, on: db) }
    }

    /// When the acting person's feed was made, nil when they have none.
    static func current(in ctx: ActionContext) async throws -> Date? {
        let (memberID, contactID) = try person(in: ctx)
        return try await CalendarFeedStore.feed(memberID: memberID, contactID: contactID, on: ctx.db)?.createdAt
    }

    /// The feed behind `token`: every project its person may see now (a member: the workspace's open projects; a contact:
    /// the projects they were invited to, customer-visible entries only), in the person's language. An unknown or revoked
    /// token, or a deactivated person, is `notFound`.
    static func feed(token: String, in ctx: ActionContext) async throws -> String {
        guard !token.isEmpty, let holder = try await CalendarFeedStore.holder(tokenHash: SecretToken.hash(token), on: ctx.db) else {
            throw DomainError.notFound
        }
        let identity: Identity
        switch holder.person {
        case .member(let id, let role, let workspaceID):
            identity = Identity(
                principal: .member(id: id, role: role), name: holder.name, email: holder.email, language: holder.language,
                credentialID: nil, csrfToken: nil, workspaceID: workspaceID)
        case .contact(let id, let grants):
            identity = Identity(
                principal: .contact(id: id, grants: grants), name: holder.name, email: holder.email, language: holder.language,
                credentialID: nil, csrfToken: nil)
        }
        let reader = ctx.acting(as: identity)
        let projects = try await ProjectActions.visibleProjects(archived: false, in: reader).filter { $0.status != .closed }
        let view = CalendarFeed.View(customerView: identity.contactID != nil, language: identity.language, spansProjects: true)
        let name = ctx.services.catalogue.text("calendar.personal.name", identity.language, [holder.name])
        return try await CalendarFeed.document(projects: projects, view: view, name: name, in: reader)
    }

    /// The public URL of a feed token: `…/calendar/<token>.ics`.
    static func url(_ token: String, in ctx: ActionContext) -> String {
        ctx.config.baseURL.absoluteString + "/calendar/\(token).ics"
    }

    private static func person(in ctx: ActionContext) throws -> (UUID?, UUID?) {
        switch ctx.identity.principal {
        case .member(let id, _): return (id, nil)
        case .contact(let id, _): return (nil, id)
        case .anonymous: throw DomainError.unauthenticated
        }
    }
}
