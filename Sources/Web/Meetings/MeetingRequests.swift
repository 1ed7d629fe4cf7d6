import Foundation

/// `POST /api/v1/projects/{id}/meetings`. `visibleToCustomer` (ours, default true) keeps an internal meeting with the team.
struct CreateMeetingRequest: Decodable, Sendable {
    var title: String
    var startsAt: String
    var durationMinutes: Int
    var videoLink: String?
    var agenda: [String]?
    var visibleToCustomer: Bool?
}

/// `PUT /api/v1/meetings/{id}/minutes`.
struct MinutesRequest: Decodable, Sendable {
    struct Item: Decodable, Sendable {
        var title: String
        var owner: String
        var dueDate: String
    }

    var notes: String
    var decisions: [String]
    var actionItems: [Item]
}

/// `PATCH /api/v1/meetings/{id}` (ours): reschedule (any of the create fields) or call off (`cancelled: true`), until
/// the meeting has minutes.
struct UpdateMeetingRequest: Decodable, Sendable {
    var title: String?
    var startsAt: String?
    var durationMinutes: Int?
    var videoLink: String?
    var agenda: [String]?
    var visibleToCustomer: Bool?
    var cancelled: Bool?
}
