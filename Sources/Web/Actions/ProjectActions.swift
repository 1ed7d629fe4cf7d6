import Domain
import Fluent
import Foundation
import Persistence
import Vapor

struct CreateProjectRequest: Decodable {
    var customerId: UUID
    var name: String
    var timeZone: String
    var startDate: String
    var goals: [String]
    var currency: String?
    var budgetMinor: Int?
}

struct UpdateProjectRequest: Decodable {
    var name: String?
    var goals: [String]?
    var timeZone: String?
    var startDate: String?
    var status: ProjectStatus?
    var currency: String?
    var budgetMinor: Int?
}

/// Progress and end date, derived from the plan (scheduled once per plan revision, see `PlanCache`).
/// A customer's are computed from what they may see only.
struct PlanSummary {
    var progress: Int
    var endDate: LocalDate?

    init(progress: Int, endDate: LocalDate?) {
        self.progress = progress
        self.endDate = endDate
    }

    init(_ plan: ProjectPlan, customerView: Bool) {
        self.init(progress: plan.progress(customerView: customerView), endDate: plan.plannedEnd(customerView: customerView))
    }

    static func load(_ project: ProjectRecord, customerView: Bool, on req: Request) async throws -> PlanSummary {
        if let plan = try? await ProjectPlan.load(project, customerView: true, on: req) {
            return PlanSummary(plan, customerView: customerView)
        }
        // A plan that cannot be scheduled still has a progress and a latest due date.
        let items = try await PlanStore.workItems(projectID: project.id!, on: req.db).filter { !customerView || $0.visibleToCustomer }
        let milestones = try await PlanStore.milestones(projectID: project.id!, on: req.db).filter { !customerView || $0.visibleToCustomer }
        return PlanSummary(progress: ProjectProgress.percent(of: items), endDate: ProjectProgress.endDate(items: items, milestones: milestones))
    }
}

extension ProjectRecord {
    /// The record as stored now: after a plan write the revision in memory is one behind.
    func refreshed(on db: any Database) async throws -> ProjectRecord {
        try await ProjectRecord.find(id, on: db) ?? self
    }
}

enum ProjectActions {
    static func create(_ input: CreateProjectRequest, on req: Request) async throws -> ProjectRecord {
        let name = try Validate.text(input.name, field: "name")
        let timeZone = try Validate.timeZone(input.timeZone)
        let start = try Validate.date(input.startDate, field: "startDate")
        let goals = try Validate.lines(input.goals, field: "goals")
        let currency = try Validate.currency(input.currency ?? "CNY")
        if let budget = input.budgetMinor { _ = try Validate.range(budget, 0...Int(Int64.max / 2), field: "budgetMinor") }
        let workspaceID = try await CustomerActions.workspaceID(on: req)
        guard let customer = try await CustomerRecord.find(input.customerId, on: req.db), customer.workspaceID == workspaceID else {
            throw DomainError.validation(field: "customerId", message: "is not a customer of this workspace")
        }
        let record = ProjectRecord()
        record.workspaceID = workspaceID
        record.customerID = customer.id!
        record.name = name
        record.goalsJSON = JSONList.encode(goals)
        record.timeZone = timeZone
        record.startDate = start.description
        record.currency = currency
        record.budgetMinor = input.budgetMinor
        record.status = ProjectStatus.planning.rawValue
        record.planRevision = 0
        record.createdAt = req.now
        return try await req.write { db in
            try await record.create(on: db)
            return record
        }
    }

    static func update(_ project: ProjectRecord, with input: UpdateProjectRequest, on req: Request) async throws -> ProjectRecord {
        if let name = input.name { project.name = try Validate.text(name, field: "name") }
        if let goals = input.goals { project.goalsJSON = JSONList.encode(try Validate.lines(goals, field: "goals")) }
        if let zone = input.timeZone { project.timeZone = try Validate.timeZone(zone) }
        if let start = input.startDate { project.startDate = try Validate.date(start, field: "startDate").description }
        if let status = input.status { project.status = status.rawValue }
        if let currency = input.currency { project.currency = try Validate.currency(currency) }
        if let budget = input.budgetMinor { project.budgetMinor = try Validate.range(budget, 0...Int(Int64.max / 2), field: "budgetMinor") }
        return try await req.writePlan(projectID: project.id!) { db in
            try await project.update(on: db)
            return project
        }.refreshed(on: req.db)
    }

    /// Projects the identity may see: all of the workspace for members, invited ones for contacts.
    static func visibleProjects(on req: Request) async throws -> [ProjectRecord] {
        let identity = try await req.identity
        let query = ProjectRecord.query(on: req.db).sort(\.$createdAt).sort(\.$id)
        switch identity.principal {
        case .member:
            return try await query.filter(\.$workspaceID == CustomerActions.workspaceID(on: req)).all()
        case .contact(_, let grants):
            guard !grants.isEmpty else { return [] }
            return try await query.filter(\.$id ~~ Array(grants.keys)).all()
        case .anonymous:
            return []
        }
    }
}
