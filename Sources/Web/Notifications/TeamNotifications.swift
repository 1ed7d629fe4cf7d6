import Domain
import Fluent
import Foundation

/// Something a customer did (or the jobs noticed) that the team must hear of at once, through the team's own
/// channels: an e-mail to each active member of the workspace, in the member's language, and a message to every
/// integration of the project marked for the team.
struct TeamNotice: Sendable, Equatable {
    enum Event: String, Sendable, CaseIterable {
        case scopeSignedOff, scopeChangesRequested
        case deliverableAccepted, deliverableReturned
        case reportAcknowledged, questionAsked
        case minutesConfirmed, messagePosted
        case reportDraftReady, questionNearingTarget
    }

    var event: Event
    var projectID: UUID
    /// Who did it (the contact's name); nil for what the jobs noticed.
    var actorName: String?
    /// What it is about, shown as is: the deliverable's name, "#3" for a report, the meeting's title.
    var object: String
    /// The comment, question or message, shown as is (quoted, shortened by the channel when it is long).
    var quote: String?
    /// The team page it concerns, an app path such as `/projects/…`.
    var path: String
    /// Unique per event, so one event never notifies twice.
    var idempotencyKey: String
}

enum TeamNotifications {
    /// Queues `notice` for the team inside the caller's write transaction (`db`), so the messages exist only if the
    /// event does.
    static func enqueue(_ notice: TeamNotice, on db: any Database, in ctx: ActionContext) async throws {
        // CONTRACT (issue 9): the integrations part implements this (member e-mails + team integrations).
    }
}
