import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// Customers and their contacts (team only).
struct CustomersAPIController {
    func register(_ api: any RoutesBuilder) {
        api.endpoint(.POST, "customers", rule: .manager, surface: .api, use: create)
        api.endpoint(.GET, "customers", rule: .member, surface: .api, use: index)
        api.endpoint(.GET, "customers", ":customerID", rule: .member, surface: .api, use: show)
        api.endpoint(.POST, "customers", ":customerID", "contacts", rule: .manager, surface: .api, use: createContact)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let customer = try await CustomerActions.create(JSON.decode(CreateCustomerRequest.self, from: req), in: req.context)
        return JSON.response(try CustomerResponse(customer), status: .created)
    }

    @Sendable func index(req: Request) async throws -> Response {
        let paging = try Paging(req)
        let workspaceID = try await CustomerActions.workspaceID(in: req.context)
        let customers = try await CustomerStore.page(workspaceID: workspaceID, offset: paging.offset, limit: paging.limit + 1, on: req.db)
        return JSON.response(
            ListResponse(
                items: customers.prefix(paging.limit).map { CustomerResponse($0) },
                nextCursor: paging.nextCursorIfFull(customers.count)))
    }

    @Sendable func show(req: Request) async throws -> Response {
        let customer = try await req.authorizedCustomer()
        let contacts = try await CustomerStore.contacts(of: customer.requireID(), on: req.db)
        var projects: [ProjectResponse] = []
        for project in try await CustomerStore.projects(of: customer.requireID(), on: req.db) {
            projects.append(try ProjectResponse(project, summary: try await PlanSummary.load(project, customerView: false, in: req.context)))
        }
        return JSON.response(try CustomerResponse(customer, contacts: contacts.map(ContactResponse.init), projects: projects))
    }

    @Sendable func createContact(req: Request) async throws -> Response {
        let customerID = try req.uuidParameter("customerID")
        let contact = try await CustomerActions.createContact(
            JSON.decode(CreateContactRequest.self, from: req), customerID: customerID, in: req.context)
        return JSON.response(try ContactResponse(contact), status: .created)
    }
}
