import Domain
import Fluent
import Foundation
import Persistence
import Vapor

struct CreateCustomerRequest: Decodable {
    var name: String
    var language: Language
    var notes: String?
}

struct CreateContactRequest: Decodable {
    var name: String
    var email: String
    var phone: String?
    var language: Language?
    var preferredChannel: ContactChannel?
}

enum CustomerActions {
    static func workspaceID(in ctx: ActionContext) throws -> UUID {
        guard let workspaceID = ctx.identity.workspaceID else { throw DomainError.unauthenticated }
        return workspaceID
    }

    static func create(_ input: CreateCustomerRequest, in ctx: ActionContext) async throws -> CustomerRecord {
        let name = try Validate.text(input.name, field: "name")
        let notes = try Validate.optionalText(input.notes, field: "notes")
        let workspaceID = try workspaceID(in: ctx)
        let record = CustomerRecord(workspaceID: workspaceID, name: name, language: input.language, notes: notes, createdAt: ctx.now)
        return try await ctx.write { db in
            try await record.create(on: db)
            return record
        }
    }

    /// The one workspace check for customers: a customer of another workspace is as missing as none.
    static func customer(_ id: UUID, in ctx: ActionContext) async throws -> CustomerRecord {
        guard let customer = try await CustomerRecord.find(id, on: ctx.db), customer.workspaceID == ctx.identity.workspaceID else {
            throw DomainError.notFound
        }
        return customer
    }

    static func createContact(_ input: CreateContactRequest, customerID: UUID, in ctx: ActionContext) async throws -> ContactRecord {
        let customer = try await customer(customerID, in: ctx)
        let name = try Validate.text(input.name, field: "name")
        let email = try Validate.email(input.email)
        let phone = try Validate.optionalText(input.phone, field: "phone", max: 40)
        let record = ContactRecord(
            customerID: customerID, name: name, email: email, phone: phone,
            language: input.language ?? customer.language,
            preferredChannel: input.preferredChannel, createdAt: ctx.now)
        return try await ctx.write { db in
            guard try await !ContactStore.emailTaken(email, workspaceID: customer.workspaceID, on: db) else {
                throw DomainError.validation(field: "email", rule: .contactEmailTaken)
            }
            try await record.create(on: db)
            return record
        }
    }
}
