import Domain
import Foundation
import Persistence
import Vapor

/// The delivery log as a page (owner, manager): every e-mail with its state, last error and "send again".
struct DeliveryPages {
    func register(_ app: any RoutesBuilder) {
        app.endpoint(.GET, "deliveries", rule: .teamLog, surface: .page, use: index)
        app.endpoint(.POST, "deliveries", ":deliveryID", "retry", rule: .teamLog, surface: .page, use: retry)
    }

    @Sendable func index(req: Request) async throws -> Response {
        let c = try await PageContext.make(req)
        let pager = try Paging(req)
        let projectID = try OutboxAPIController.projectFilter(req)
        let rows = try await OutboxActions.list(projectID: projectID, offset: pager.offset, limit: pager.limit + 1, in: req.context)
        let timeZone = "UTC"
        let labels = try await IntegrationActions.recipientLabels(rows, on: req.db)
        let body: [HTML] = try rows.prefix(pager.limit).map { row in
            let id = try row.requireID()
            let status = row.status.rawValue
            let next: HTML = row.status == .queued ? "\(c.date(row.nextAttemptAt, in: timeZone)) \(Self.time(row.nextAttemptAt))" : .empty
            let action: HTML =
                row.status == .failed
                ? c.form(
                    action: "\(PagePath.deliveryRetry(id))", cssClass: "inline",
                    "<button type=\"submit\" class=\"secondary\">\(c.t("deliveries.sendAgain"))</button>")
                : .empty
            return """
                <tr data-delivery="\(id.uuidString)" data-status="\(status)"><td data-label="\(c.t("deliveries.recipient"))">\(IntegrationActions.shownRecipient(row, labels: labels))</td>\
                <td data-label="\(c.t("deliveries.subject"))">\(row.subject)</td>\
                <td data-label="\(c.t("deliveries.status"))" class="delivery-status status-\(status)">\(c.t("deliveries.status.\(status)"))</td>\
                <td data-label="\(c.t("deliveries.attempts"))">\(String(row.attempts))</td>\
                <td data-label="\(c.t("deliveries.lastError"))" class="delivery-error">\(row.lastError ?? "")</td>\
                <td data-label="\(c.t("deliveries.nextAttempt"))">\(next)</td><td>\(action)</td></tr>
                """
        }
        let notice: HTML =
            req.tandem.mailConfigured
            ? .empty : "<p class=\"card notice\" role=\"status\" id=\"mail-not-configured\">\(c.t("deliveries.notConfigured"))</p>"
        let table: HTML =
            body.isEmpty
            ? "<p class=\"muted\">\(c.t("deliveries.none"))</p>"
            : """
            <div class="scroll"><table id="deliveries"><thead><tr><th>\(c.t("deliveries.recipient"))</th><th>\(c.t("deliveries.subject"))</th>\
            <th>\(c.t("deliveries.status"))</th><th>\(c.t("deliveries.attempts"))</th><th>\(c.t("deliveries.lastError"))</th>\
            <th>\(c.t("deliveries.nextAttempt"))</th><th></th></tr></thead><tbody>\(body)</tbody></table></div>
            """
        let next: HTML = pager.nextCursorIfFull(rows.count).map { "<p><a href=\"/deliveries?cursor=\($0)\" rel=\"next\">→</a></p>" } ?? .empty
        return Layout.page(
            c, title: c.t("deliveries.title"),
            """
            <h1>\(c.t("deliveries.title"))</h1>\(notice)
            <section class="card"><p class="hint">\(c.t("deliveries.intro"))</p>\(table)\(next)</section>
            """)
    }

    @Sendable func retry(req: Request) async throws -> Response {
        _ = try await OutboxActions.retry(try req.uuidParameter("deliveryID"), in: req.context)
        return Layout.redirect("\(PagePath.deliveries)")
    }

    /// Hours and minutes, UTC (the log is the operator's, who reads times in UTC like the logs).
    static func time(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt).time(includingFractionalSeconds: false)).prefix(5) + " UTC"
    }
}
