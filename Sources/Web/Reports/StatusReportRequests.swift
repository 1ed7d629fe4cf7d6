import Domain
import Foundation

struct DraftStatusReportRequest: Decodable {
    var periodStart: String?
    var periodEnd: String?
}

/// Edits of a draft; a section's lines are their titles, one per line (drafted details are kept for titles that stay).
struct UpdateStatusReportRequest: Decodable {
    var summary: String?
    var health: String?
    var healthReason: String?
    var done: [String]?
    var inProgress: [String]?
    var next: [String]?
    var risks: [String]?
    var concerns: [String]?
    var changes: [String]?

    func lines(_ section: ReportContent.Section) -> [String]? {
        switch section {
        case .done: done
        case .inProgress: inProgress
        case .next: next
        case .risks: risks
        case .concerns: concerns
        case .changes: changes
        }
    }
}

struct StatusReportFeedbackRequest: Decodable {
    var kind: String
    var rating: Int?
    var comment: String?
}
