import Domain
import Foundation
import Persistence

/// `{"items": [...], "nextCursor": …}` — `nextCursor` is an explicit null at the end.
struct ListResponse<Item: Encodable>: Encodable {
    var items: [Item]
    var nextCursor: String?

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(nextCursor, forKey: .nextCursor)
    }
    enum CodingKeys: String, CodingKey { case items, nextCursor }
}

struct MemberResponse: Encodable {
    var id: UUID
    var name: String
    var email: String
    var role: String
    var language: String
    var active: Bool
    var createdAt: Date

    init(_ record: MemberRecord) throws {
        id = try record.requireID()
        name = record.name
        email = record.email
        role = record.role.rawValue
        language = record.language.rawValue
        active = record.active
        createdAt = record.createdAt
    }
}

struct CustomerResponse: Encodable {
    var id: UUID
    var name: String
    var language: String
    var notes: String?
    var createdAt: Date
    var contacts: [ContactResponse]?
    var projects: [ProjectResponse]?

    init(_ customer: Customer, contacts: [ContactResponse]? = nil, projects: [ProjectResponse]? = nil) {
        id = customer.id
        name = customer.name
        language = customer.language.rawValue
        notes = customer.notes
        createdAt = customer.createdAt
        self.contacts = contacts
        self.projects = projects
    }

    init(_ record: CustomerRecord, contacts: [ContactResponse]? = nil, projects: [ProjectResponse]? = nil) throws {
        self.init(try record.domain(), contacts: contacts, projects: projects)
    }
}

struct ContactResponse: Encodable {
    var id: UUID
    var customerId: UUID
    var name: String
    var email: String
    var phone: String?
    var language: String
    var preferredChannel: String?
    var createdAt: Date
    var active: Bool

    init(_ contact: Contact) {
        id = contact.id
        customerId = contact.customerID
        name = contact.name
        email = contact.email
        phone = contact.phone
        language = contact.language.rawValue
        preferredChannel = contact.preferredChannel?.rawValue
        createdAt = contact.createdAt
        active = contact.active
    }

    init(_ record: ContactRecord) throws {
        self.init(try record.domain())
    }
}

struct ProjectResponse: Encodable {
    var id: UUID
    var customerId: UUID
    var name: String
    var goals: [String]
    var timeZone: String
    var startDate: String
    var endDate: String?
    var currency: String
    var budgetMinor: Int?
    var status: String
    var archived: Bool
    var progress: Int
    var createdAt: Date

    init(_ record: ProjectRecord, summary: PlanSummary) throws {
        id = try record.requireID()
        customerId = record.customerID
        name = record.name
        goals = JSONList.decode(record.goalsJSON)
        timeZone = record.timeZone
        startDate = record.startDate
        endDate = summary.endDate?.description
        currency = record.currency
        budgetMinor = record.budgetMinor
        status = record.status.rawValue
        archived = record.archived
        progress = summary.progress
        createdAt = record.createdAt
    }
}

/// An optional value written as `null` when absent, for fields whose absence itself says something.
struct ExplicitNull<Value: Encodable>: Encodable {
    var value: Value?
    init(_ value: Value?) { self.value = value }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encodeNil() }
    }
}

struct PersonRef: Encodable {
    var id: UUID
    var name: String
}

struct ScopeVersionResponse: Encodable {
    var id: UUID
    var projectId: UUID
    var number: Int
    var goals: [String]
    var inScope: [String]
    var outOfScope: [String]
    var notes: String?
    var status: String
    var createdAt: Date
    var signedOffBy: PersonRef?
    var signedOffAt: Date?
    var signOffComment: String?
    var changesRequestedBy: PersonRef?
    var changesRequestedAt: Date?
    var changesRequestedComment: String?
    var files: [FileResponse] = []

    init(_ version: ScopeVersion, signer: PersonRef?, requester: PersonRef? = nil) {
        id = version.id
        projectId = version.projectID
        number = version.number
        goals = version.goals
        inScope = version.inScope
        outOfScope = version.outOfScope
        notes = version.notes
        status = version.status.rawValue
        createdAt = version.createdAt
        signedOffBy = signer
        signedOffAt = version.signedOffAt
        signOffComment = version.signOffComment
        changesRequestedBy = requester
        changesRequestedAt = version.changesRequestedAt
        changesRequestedComment = version.changesRequestedComment
    }
}

struct DeliverableResponse: Encodable {
    var id: UUID
    var milestoneId: UUID
    var name: String
    var acceptanceCriteria: String?
    var status: String
    var submissionNote: String?
    var link: String?
    var decisionComment: String?
    var decidedBy: PersonRef?
    var decidedAt: Date?
    var files: [FileResponse] = []

    init(_ deliverable: Deliverable, decider: PersonRef?) {
        id = deliverable.id
        milestoneId = deliverable.milestoneID
        name = deliverable.name
        acceptanceCriteria = deliverable.acceptanceCriteria
        status = deliverable.status.rawValue
        submissionNote = deliverable.submissionNote
        link = deliverable.link
        decisionComment = deliverable.decisionComment
        decidedBy = decider
        decidedAt = deliverable.decidedAt
    }
}

/// `{against, goals: {added, removed}, inScope: …, outOfScope: …}` of one scope version.
struct ScopeDiffResponse: Encodable {
    struct Lines: Encodable {
        var added: [String]
        var removed: [String]
    }

    var against: Int?
    var goals: Lines
    var inScope: Lines
    var outOfScope: Lines

    init(_ diff: ScopeDiff) {
        func lines(_ compared: [ScopeLine]) -> Lines {
            let changes = ScopeDiff.changes(compared)
            return Lines(added: changes.added, removed: changes.removed)
        }
        against = diff.against
        goals = lines(diff.goals)
        inScope = lines(diff.inScope)
        outOfScope = lines(diff.outOfScope)
    }

    /// `against` is an explicit null when nothing was signed before.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(against, forKey: .against)
        try container.encode(goals, forKey: .goals)
        try container.encode(inScope, forKey: .inScope)
        try container.encode(outOfScope, forKey: .outOfScope)
    }
    enum CodingKeys: String, CodingKey { case against, goals, inScope, outOfScope }
}

struct MilestoneResponse: Encodable {
    var id: UUID
    var projectId: UUID
    var name: String
    var description: String?
    var dueDate: String
    var visibleToCustomer: Bool
    /// The latest forecast finish of its work (nil without scheduled work), and whether that is past the due date.
    var forecastDate: ExplicitNull<String>
    var late: Bool
    var deliverables: [DeliverableResponse]

    init(_ milestone: Milestone, deliverables: [DeliverableResponse], outlook: MilestoneOutlook? = nil) {
        forecastDate = ExplicitNull(outlook?.forecastDate?.description)
        late = outlook?.late ?? false
        id = milestone.id
        projectId = milestone.projectID
        name = milestone.name
        description = milestone.description
        dueDate = milestone.dueDate.description
        visibleToCustomer = milestone.visibleToCustomer
        self.deliverables = deliverables
    }
}

struct DependencyLag: Codable {
    var id: UUID
    var lagDays: Int
}

struct WorkItemResponse: Encodable {
    var id: UUID
    var projectId: UUID
    var title: String
    var startDate: String
    var dueDate: String
    var estimateHours: Double?
    var assigneeId: UUID?
    var milestoneId: UUID?
    var dependsOn: [UUID]
    var dependencyLags: [DependencyLag]
    var visibleToCustomer: Bool
    var isKey: Bool
    var progress: Int
    var status: String

    /// `visibility` (for a contact) keeps only references to what they may see.
    init(_ item: WorkItem, visibility: CustomerVisibility? = nil) {
        id = item.id
        projectId = item.projectID
        title = item.title
        startDate = item.startDate.description
        dueDate = item.dueDate.description
        estimateHours = item.estimateHours
        assigneeId = item.assigneeID
        milestoneId = visibility.map { $0.milestone(of: item) } ?? item.milestoneID
        let deps = visibility.map { $0.dependencies(of: item) } ?? item.dependencies
        dependsOn = deps.map(\.predecessorID)
        dependencyLags = deps.filter { $0.lagDays != 0 }.map { DependencyLag(id: $0.predecessorID, lagDays: $0.lagDays) }
        visibleToCustomer = item.visibleToCustomer
        isKey = item.isKey
        progress = item.progress
        status = item.status.rawValue
    }
}

struct AuditEntryResponse: Encodable {
    var seq: Int
    var at: Date
    var actor: String
    var action: String
    var objectType: String
    var objectId: UUID
    var contentHash: String
    var prevHash: String
    var hash: String

    init(_ entry: AuditEntry) {
        seq = entry.seq
        at = entry.at
        actor = entry.actor
        action = entry.action
        objectType = entry.objectType
        objectId = entry.objectID
        contentHash = entry.contentHash
        prevHash = entry.prevHash
        hash = entry.hash
    }
}

/// Lists of strings are kept as JSON text so SQLite and PostgreSQL store them alike.
enum JSONList {
    static func encode(_ values: [String]) -> String {
        (try? String(data: JSONEncoder().encode(values), encoding: .utf8)) ?? "[]"
    }

    static func decode(_ text: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
    }
}
