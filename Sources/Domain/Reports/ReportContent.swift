import Crypto
import Foundation

/// The suggested (or, once edited, the team's) state of a project in a status report.
public enum ReportHealth: String, CaseIterable, Codable, Sendable {
    case green, amber, red
}

/// One line of a report section: a customer-visible work item as it stood, or a line the team wrote.
public struct ReportLine: Codable, Equatable, Sendable {
    /// The work item the line was drafted from; nil for a line the team added.
    public var id: UUID?
    public var title: String
    /// 0–100 when drafted from a work item.
    public var progress: Int?
    /// `YYYY-MM-DD`: when it was finished (done), is due (in progress) or starts (next).
    public var date: String?

    public init(id: UUID? = nil, title: String, progress: Int? = nil, date: String? = nil) {
        self.id = id
        self.title = title
        self.progress = progress
        self.date = date
    }
}

/// A customer-visible milestone with its due and forecast dates, and its slip against the latest baseline.
public struct ReportMilestone: Codable, Equatable, Sendable {
    public var id: UUID
    public var name: String
    public var dueDate: String
    /// The latest forecast finish of its visible work; nil when none is scheduled.
    public var forecastDate: String?
    public var late: Bool
    /// Working days the forecast lies past the due date (0 when on time).
    public var lateDays: Int
    /// The due date the latest baseline froze; nil without a baseline (or for a milestone added since).
    public var baselineDueDate: String?
    /// Working days the expected date (the later of due and forecast) moved against the baseline; nil without one.
    public var slipDays: Int?
    /// Every deliverable of it is accepted.
    public var done: Bool

    public init(
        id: UUID, name: String, dueDate: String, forecastDate: String?, late: Bool, lateDays: Int, baselineDueDate: String?, slipDays: Int?,
        done: Bool
    ) {
        self.id = id
        self.name = name
        self.dueDate = dueDate
        self.forecastDate = forecastDate
        self.late = late
        self.lateDays = lateDays
        self.baselineDueDate = baselineDueDate
        self.slipDays = slipDays
        self.done = done
    }
}

/// A deliverable submitted to the customer and not yet accepted or returned.
public struct ReportWaiting: Codable, Equatable, Sendable {
    public var id: UUID
    public var name: String
    public var milestoneName: String
    /// `YYYY-MM-DD` in the project's time zone; nil when the submission date is not known.
    public var submittedOn: String?
    /// Calendar days since submission on the report's day; nil when unknown.
    public var waitingDays: Int?

    public init(id: UUID, name: String, milestoneName: String, submittedOn: String?, waitingDays: Int?) {
        self.id = id
        self.name = name
        self.milestoneName = milestoneName
        self.submittedOn = submittedOn
        self.waitingDays = waitingDays
    }
}

/// Everything a status report says: the snapshot that is published, hashed, e-mailed and shown in the portal.
/// Only customer-visible things are ever put in it.
public struct ReportContent: Codable, Equatable, Sendable {
    public var projectName: String
    /// The language the summary and health reason were drafted in (the customer's).
    public var language: Language
    public var periodStart: String
    public var periodEnd: String
    public var health: ReportHealth
    public var healthReason: String
    public var summary: String
    public var done: [ReportLine]
    public var inProgress: [ReportLine]
    public var next: [ReportLine]
    public var milestones: [ReportMilestone]
    public var waitingOnCustomer: [ReportWaiting]
    /// Open risks, concerns and change requests: empty until those exist (issue 10), kept so the shape is stable.
    public var risks: [ReportLine]
    public var concerns: [ReportLine]
    public var changes: [ReportLine]

    public init(
        projectName: String, language: Language, periodStart: String, periodEnd: String, health: ReportHealth, healthReason: String,
        summary: String, done: [ReportLine], inProgress: [ReportLine], next: [ReportLine], milestones: [ReportMilestone],
        waitingOnCustomer: [ReportWaiting], risks: [ReportLine] = [], concerns: [ReportLine] = [], changes: [ReportLine] = []
    ) {
        self.projectName = projectName
        self.language = language
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.health = health
        self.healthReason = healthReason
        self.summary = summary
        self.done = done
        self.inProgress = inProgress
        self.next = next
        self.milestones = milestones
        self.waitingOnCustomer = waitingOnCustomer
        self.risks = risks
        self.concerns = concerns
        self.changes = changes
    }

    /// The editable sections by their API names.
    public enum Section: String, CaseIterable, Sendable {
        case done, inProgress, next, risks, concerns, changes
    }

    public subscript(section: Section) -> [ReportLine] {
        get {
            switch section {
            case .done: done
            case .inProgress: inProgress
            case .next: next
            case .risks: risks
            case .concerns: concerns
            case .changes: changes
            }
        }
        set {
            switch section {
            case .done: done = newValue
            case .inProgress: inProgress = newValue
            case .next: next = newValue
            case .risks: risks = newValue
            case .concerns: concerns = newValue
            case .changes: changes = newValue
            }
        }
    }

    /// The canonical JSON of the snapshot: sorted keys, no escaped slashes, dates as written. The same content is
    /// always the same bytes, so its hash names exactly what was sent.
    public func canonicalJSON() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// SHA-256 of `canonicalJSON()`, as lower-case hex.
    public func contentHash() throws -> String {
        SHA256.hash(data: try canonicalJSON()).map { String(format: "%02x", $0) }.joined()
    }

    /// Replaces a section's lines with `titles`, keeping the drafted line (its item, progress and date) of every
    /// title that stays, so an edit that only drops or adds lines loses nothing of the others.
    public mutating func setLines(_ section: Section, titles: [String]) {
        var pool = self[section]
        self[section] = titles.map { title in
            if let index = pool.firstIndex(where: { $0.title == title }) { return pool.remove(at: index) }
            return ReportLine(title: title)
        }
    }
}
