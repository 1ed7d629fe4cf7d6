import Domain
import Fluent
import Foundation
import Persistence

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
    /// event does: an e-mail to each active member of the project's workspace in the member's language, and a message
    /// to each of the project's team integrations in the language of the workspace's (first active) owner.
    static func enqueue(_ notice: TeamNotice, on db: any Database, in ctx: ActionContext) async throws {
        guard let project = try await ProjectRecord.find(notice.projectID, on: db) else { return }
        let catalogue = ctx.services.catalogue
        let url = ctx.config.baseURL.absoluteString + notice.path
        let members = try await MemberStore.byName(workspaceID: project.workspaceID, on: db).filter(\.active)
        let now = ctx.now
        for member in members {
            guard let memberID = member.id else { continue }
            let mail = Emails.teamNotice(notice, project: project.name, url: url, language: member.language, catalogue: catalogue)
            try await OutboxStore.enqueue(
                on: db,
                OutboxMessage(
                    workspaceID: project.workspaceID, projectID: notice.projectID, recipient: member.email, subject: mail.subject,
                    body: mail.text, htmlBody: mail.html, idempotencyKey: "\(notice.idempotencyKey)-member-\(memberID.uuidString.lowercased())"),
                now: now)
        }
        let language = members.first { $0.role == .owner }?.language ?? .en
        try await ProjectIM.queue(
            imMessage(notice, project: project.name, url: url, language: language, catalogue: catalogue), projectID: notice.projectID,
            audience: .team, idempotencyKey: notice.idempotencyKey, event: "team.\(notice.event.rawValue)", on: db, in: ctx)
    }

    /// The quote as the channels show it: one paragraph, at most `maxBytes`.
    static func quote(_ notice: TeamNotice, maxBytes: Int) -> String? {
        guard let quote = notice.quote?.trimmingCharacters(in: .whitespacesAndNewlines), !quote.isEmpty else { return nil }
        return IMText.truncated(quote, maxBytes: maxBytes)
    }

    static func arguments(_ notice: TeamNotice, project: String, language: Language, catalogue: Catalogue) -> [String] {
        [notice.actorName ?? catalogue.text("notice.someone", language), notice.object, project]
    }

    static func imMessage(_ notice: TeamNotice, project: String, url: String, language: Language, catalogue: Catalogue) -> IMMessage {
        let arguments = arguments(notice, project: project, language: language, catalogue: catalogue)
        var lines = [IMText.literal(catalogue.text("notice.\(notice.event.rawValue).body", language, arguments))]
        if let quote = quote(notice, maxBytes: 600) { lines.append(IMText.literal(catalogue.text("notice.quote", language, [quote]))) }
        return IMMessage(
            title: catalogue.text("notice.\(notice.event.rawValue).subject", language, arguments), lines: lines, link: url,
            linkText: catalogue.text("notice.button", language))
    }
}

extension Emails {
    /// The team's e-mail about `notice`: who did what to which object of the project, the quote, and the link.
    static func teamNotice(_ notice: TeamNotice, project: String, url: String, language: Language, catalogue: Catalogue) -> Rendered {
        let arguments = TeamNotifications.arguments(notice, project: project, language: language, catalogue: catalogue)
        var paragraphs = [catalogue.text("notice.\(notice.event.rawValue).body", language, arguments)]
        if let quote = TeamNotifications.quote(notice, maxBytes: 4000) { paragraphs.append(catalogue.text("notice.quote", language, [quote])) }
        paragraphs.append(url)
        return render(
            subject: catalogue.text("notice.\(notice.event.rawValue).subject", language, arguments).replacingOccurrences(of: "\n", with: " "),
            text: paragraphs.joined(separator: "\n\n"), url: url, button: catalogue.text("notice.button", language), language: language)
    }
}
