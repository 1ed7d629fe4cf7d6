import Domain
import Fluent
import Foundation
import Persistence
import Vapor

struct UpdateCustomerRequest: Decodable {
    var name: String?
    var language: Language?
    var notes: String?
}

struct UpdateContactRequest: Decodable {
    var name: String?
    var email: String?
    var phone: String?
    var language: Language?
    var preferredChannel: ContactChannel?
    /// False deactivates the contact (their sessions end at once); true lets a deactivated one back in.
    var active: Bool?
}

/// Correcting customers and contacts, and removing a contact (or deactivating one who is on the record).
enum ContactActions {
    /// Applies the fields `input` names; `clearing` names nullable fields sent as null (`notes`).
    static func updateCustomer(
        _ customer: CustomerRecord, with input: UpdateCustomerRequest, clearing: Set<String>, in ctx: ActionContext
    ) async throws -> CustomerRecord {
        let id = try customer.requireID()
        let name = try input.name.map { try Validate.text($0, field: "name") }
        let notes = try Validate.optionalText(input.notes, field: "notes")
        return try await ctx.write { db in
            try await RowLock.lock(CustomerRecord.schema, id: id, on: db)
            guard let fresh = try await CustomerRecord.find(id, on: db) else { throw DomainError.notFound }
            if let name { fresh.name = name }
            if let language = input.language { fresh.language = language }
            if let notes { fresh.notes = notes } else if clearing.contains("notes") || input.notes != nil { fresh.notes = nil }
            try await fresh.update(on: db)
            return fresh
        }
    }

    /// A contact of a customer of the member's workspace; any other is as missing as none.
    static func contact(_ id: UUID, in ctx: ActionContext) async throws -> ContactRecord {
        guard let contact = try await ContactRecord.find(id, on: ctx.db) else { throw DomainError.notFound }
        _ = try await CustomerActions.customer(contact.customerID, in: ctx)
        return contact
    }

    static func updateContact(
        _ contact: ContactRecord, with input: UpdateContactRequest, clearing: Set<String>, in ctx: ActionContext
    ) async throws -> ContactRecord {
        let id = try contact.requireID()
        let customer = try await CustomerActions.customer(contact.customerID, in: ctx)
        let name = try input.name.map { try Validate.text($0, field: "name") }
        let email = try input.email.map { try Validate.email($0) }
        let phone = try Validate.optionalText(input.phone, field: "phone", max: 40)
        let actor = try actor(in: ctx)
        let now = ctx.now
        return try await ctx.writeAudited { db, audit in
            try await RowLock.lock(ContactRecord.schema, id: id, on: db)
            guard let fresh = try await ContactRecord.find(id, on: db) else { throw DomainError.notFound }
            if let email, email != fresh.email {
                guard try await !ContactStore.emailTaken(email, workspaceID: customer.workspaceID, excluding: id, on: db) else {
                    throw DomainError.validation(field: "email", rule: .contactEmailTaken)
                }
                fresh.email = email
            }
            if let name { fresh.name = name }
            if let phone { fresh.phone = phone } else if clearing.contains("phone") || input.phone != nil { fresh.phone = nil }
            if let language = input.language { fresh.language = language }
            if let channel = input.preferredChannel {
                fresh.preferredChannel = channel
            } else if clearing.contains("preferredChannel") {
                fresh.preferredChannel = nil
            }
            let wasActive = fresh.active
            if let active = input.active { fresh.active = active }
            try await fresh.update(on: db)
            if wasActive != fresh.active {
                if !fresh.active { try await CorrectionStore.cutOffContact(id, on: db) }
                try await record(
                    fresh.active ? HistoryAction.contactReactivated : HistoryAction.contactDeactivated, contact: fresh,
                    actor: actor, at: now, audit: audit, on: db)
            }
            return fresh
        }
    }

    enum Removal {
        case deleted
        case deactivated(ContactRecord)
    }

    /// Deletes a contact who signed and decided nothing; one who did is deactivated instead, so their name stays on
    /// the record. Either way their sessions, API tokens and unused links end in the same transaction.
    static func remove(_ contact: ContactRecord, in ctx: ActionContext) async throws -> Removal {
        let id = try contact.requireID()
        let actor = try actor(in: ctx)
        let now = ctx.now
        return try await ctx.writeAudited { db, audit in
            try await RowLock.lock(ContactRecord.schema, id: id, on: db)
            guard let fresh = try await ContactRecord.find(id, on: db) else { throw DomainError.notFound }
            switch Corrections.contactRemoval(hasDecided: try await CorrectionStore.contactHasDecided(id, on: db)) {
            case .deactivate:
                try await record(HistoryAction.contactDeactivated, contact: fresh, actor: actor, at: now, audit: audit, on: db)
                fresh.active = false
                try await fresh.update(on: db)
                try await CorrectionStore.cutOffContact(id, on: db)
                return .deactivated(fresh)
            case .delete:
                try await record(HistoryAction.contactDeleted, contact: fresh, actor: actor, at: now, audit: audit, on: db)
                try await CorrectionStore.deleteContact(id, on: db)
                return .deleted
            }
        }
    }

    private static func actor(in ctx: ActionContext) throws -> String {
        guard let memberID = ctx.identity.memberID else { throw DomainError.forbidden }
        return HistoryAction.memberActor(memberID)
    }

    /// One entry in the history of each project the contact had access to.
    private static func record(
        _ action: String, contact: ContactRecord, actor: String, at now: Date, audit: AuditAppender, on db: any Database
    ) async throws {
        let id = try contact.requireID()
        for projectID in try await CorrectionStore.contactProjects(id, on: db) {
            try await audit.append(
                on: db, at: now, actor: actor, action: action, objectType: "contact", objectID: id, projectID: projectID,
                content: [("name", contact.name), ("email", contact.email)])
        }
    }
}
