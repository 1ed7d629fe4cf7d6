import Domain
import Foundation

/// Draws the communication plan: the team's form with the adherence figures, and the customer's read-only page.
enum CommunicationPlanView {
    static func render(_ c: PageContext, _ model: CommunicationPageModel, form: FormState?) -> HTML {
        let saved: HTML =
            c.req.query[String.self, at: "saved"] != nil && form == nil
            ? "<p class=\"card notice\" role=\"status\" id=\"plan-saved\">\(c.t("comms.saved"))</p>" : .empty
        let intro: HTML = model.stored == nil ? "<p class=\"hint\" id=\"plan-none\">\(c.t("comms.noneYet"))</p>" : .empty
        return """
            <div class="head"><div><h1>\(c.t("comms.title"))</h1><p class="muted"><a href="\(PagePath.project(model.projectID))">\(model.name)</a></p></div>\
            <div class="actions"><a class="button secondary" href="\(PagePath.portalCommunication(model.projectID))">\(c.t("project.previewPortal"))</a></div></div>
            \(saved)\(adherence(c, model))
            <section class="card" id="plan-form-card"><h2>\(c.t("comms.agree"))</h2>\(intro)\(planForm(c, model, form: form))</section>
            """
    }

    static func portal(_ c: PageContext, _ model: CommunicationPageModel) -> HTML {
        let back: HTML = "<p class=\"muted\"><a href=\"\(PagePath.portalProject(model.projectID))\">← \(model.name)</a></p>"
        guard let stored = model.stored else {
            return "<h1>\(c.t("comms.title"))</h1>\(back)<section class=\"card\"><p id=\"plan-none\">\(c.t("comms.portalNone"))</p></section>"
        }
        return """
            <h1>\(c.t("comms.title"))</h1>\(back)
            <section class="card" id="plan-summary"><p class="hint">\(c.t("comms.portalIntro"))</p>\(summary(c, stored.plan, model))</section>
            """
    }

    /// The agreed rhythm as a definition list, in the reader's language.
    static func summary(_ c: PageContext, _ plan: CommunicationPlan, _ model: CommunicationPageModel) -> HTML {
        let meetings: HTML =
            plan.meetings.map { meetings in
                let link: HTML = meetings.videoLink.map { " · <a href=\"\(url: $0)\" rel=\"noopener\">\(c.t("comms.videoLink"))</a>" } ?? .empty
                return """
                    <dt>\(c.t("comms.meetings"))</dt><dd id="plan-meetings">\(CadenceText.describe(meetings.cadence, language: c.language, catalogue: c.catalogue)) · \
                    \(c.t("comms.minutes", String(meetings.durationMinutes)))\(link)</dd>
                    """
            } ?? "<dt>\(c.t("comms.meetings"))</dt><dd id=\"plan-meetings\">\(c.t("comms.noMeetings"))</dd>"
        let routes: [HTML] = CommunicationPlan.Topic.allCases.map { topic in
            "<dt>\(c.t("comms.topic.\(topic.rawValue)"))</dt><dd>\(CadenceText.channels(plan.channels(for: topic), language: c.language, catalogue: c.catalogue))</dd>"
        }
        return """
            <dl class="facts"><dt>\(c.t("comms.reports"))</dt><dd id="plan-reports">\(CadenceText.describe(plan.reportCadence, language: c.language, catalogue: c.catalogue)) \
            <span class="muted">(\(model.timeZone))</span></dd>\(meetings)\
            <dt>\(c.t("comms.responseTarget"))</dt><dd id="plan-target">\(c.t("comms.withinHours", String(plan.responseTargetHours)))</dd></dl>
            <h3>\(c.t("comms.channels"))</h3><dl class="facts" id="plan-channels">\(routes)</dl>
            """
    }

    static func adherence(_ c: PageContext, _ model: CommunicationPageModel) -> HTML {
        guard let adherence = model.adherence, let stored = model.stored else { return .empty }
        let reports = adherence.reports
        let reportLine: HTML =
            reports.due == 0
            ? "<p class=\"muted\">\(c.t("comms.noReportDueYet"))</p>"
            : "\(Layout.progress(reports.onTime * 100 / reports.due, label: c.t("comms.reportsOnTime")))<p>\(c.t("comms.reportsKept", String(reports.onTime), String(reports.due)))</p>"
        let pending: HTML = reports.pending ? "<p class=\"tag amber\">\(c.t("comms.reportPending"))</p>" : .empty
        let meetings: HTML =
            adherence.meetings.map { meetings in
                let bar: HTML = meetings.due == 0 ? .empty : Layout.progress(meetings.held * 100 / meetings.due, label: c.t("comms.meetingsHeld"))
                return """
                    <div class="figure" id="adherence-meetings"><h3>\(c.t("comms.meetings"))</h3>\(bar)\
                    <p>\(c.t("comms.meetingsKept", String(meetings.held), String(meetings.due)))</p>\
                    <p class="muted">\(c.t("comms.next")) \(c.date(meetings.nextDueAt, in: model.timeZone)) \(stored.plan.meetings?.cadence.timeText ?? "")</p></div>
                    """
            } ?? .empty
        func median(_ hours: Double?) -> String {
            hours.map { CadenceText.hours($0, language: c.language, catalogue: c.catalogue) } ?? "—"
        }
        let replies = adherence.replies
        let teamClass = replies.teamWithinTarget == false ? "tag red" : "tag"
        let waiting: [HTML] = adherence.waiting.map { question in
            """
            <li class="\(question.overTarget ? "over-target" : "")"><strong>\(question.askedBy)</strong> · \
            \(CadenceText.hours(question.hoursWaiting, language: c.language, catalogue: c.catalogue))\
            \(question.overTarget ? " <span class=\"tag red\">\(c.t("comms.overTarget"))</span>" : "")\(question.excerpt.isEmpty ? "" : ": ")\(question.excerpt)</li>
            """
        }
        let waitingBlock: HTML =
            waiting.isEmpty
            ? "<p class=\"muted\">\(c.t("comms.noneWaiting"))</p>" : "<ol class=\"waiting-questions\">\(waiting)</ol>"
        return """
            <section class="card" id="adherence"><h2>\(c.t("comms.adherence"))</h2><div class="figures">\
            <div class="figure" id="adherence-reports"><h3>\(c.t("comms.reports"))</h3>\(reportLine)\(pending)\
            <p class="muted">\(c.t("comms.next")) \(c.date(reports.nextDueAt, in: model.timeZone)) \(stored.plan.reportCadence.timeText)</p></div>\
            \(meetings)\
            <div class="figure" id="adherence-replies"><h3>\(c.t("comms.replies"))</h3>\
            <p>\(c.t("comms.teamMedian")) <span class="\(teamClass)">\(median(replies.teamMedianHours))</span></p>\
            <p>\(c.t("comms.customerMedian")) <span class="tag">\(median(replies.customerMedianHours))</span></p>\
            <p class="muted">\(c.t("comms.responseTarget")): \(c.t("comms.withinHours", String(replies.targetHours)))</p></div></div>\
            <h3>\(c.t("comms.waitingLongest"))</h3>\(waitingBlock)</section>
            """
    }

    static func planForm(_ c: PageContext, _ model: CommunicationPageModel, form: FormState?) -> HTML {
        let f = FormFields(c, CommunicationPlanForm.key, form)
        let plan = model.stored?.plan ?? CommunicationPlan.suggested(at: Date())
        let everyOptions = Cadence.Every.allCases.map { ($0.rawValue, c.t("cadence.every.\($0.rawValue)")) }
        let weekdays = (1...7).map { (String($0), c.t("weekday.\($0)")) }
        func cadenceFields(_ prefix: String, _ cadence: Cadence) -> HTML {
            """
            <div class="row">\(f.select("\(prefix).every", label: c.t("comms.every"), options: everyOptions, selected: [cadence.every.rawValue]))\
            \(f.select("\(prefix).weekday", label: c.t("comms.weekday"), options: weekdays, selected: [String(cadence.weekday)]))\
            \(f.input("\(prefix).time", label: c.t("comms.time"), type: "time", value: cadence.timeText, "required"))</div>
            """
        }
        let meetingCadence = plan.meetings?.cadence ?? Cadence(every: .week, weekday: 2, hour: 10, minute: 0)
        let channelChoices: [HTML] = CommunicationPlan.Topic.allCases.map { topic in
            let name = "channels.\(topic.rawValue)"
            let chosen = Set(f.values(name, plan.channels(for: topic).map(\.rawValue)))
            let boxes: [HTML] = ContactChannel.allCases.map { channel in
                """
                <label class="check"><input type="checkbox" name="\(name)" value="\(channel.rawValue)"\(flag: "checked", chosen.contains(channel.rawValue))> \
                \(c.t("channel.\(channel.rawValue)"))</label>
                """
            }
            return
                "<fieldset class=\"channels\" id=\"channels-\(topic.rawValue)\"><legend>\(c.t("comms.topic.\(topic.rawValue)"))</legend>\(boxes)</fieldset>"
        }
        return c.form(
            action: "\(PagePath.projectCommunication(model.projectID))", id: "plan-form",
            """
            <h3>\(c.t("comms.reports"))</h3>\(cadenceFields("reportCadence", plan.reportCadence))
            <p class="hint">\(c.t("comms.timeZoneHint", model.timeZone))</p>
            <h3>\(c.t("comms.meetings"))</h3>\(f.check("meetings", label: c.t("comms.meetingsRegular"), checked: plan.meetings != nil))
            \(cadenceFields("meetingCadence", meetingCadence))
            <div class="row">\(f.input("meetingCadence.durationMinutes", label: c.t("comms.duration"), type: "number", value: String(plan.meetings?.durationMinutes ?? 30), "min=\"5\" max=\"600\""))\
            \(f.input("meetingCadence.videoLink", label: c.t("comms.videoLink"), type: "url", value: plan.meetings?.videoLink ?? "", "maxlength=\"500\""))</div>
            <h3>\(c.t("comms.replies"))</h3>\
            \(f.input("responseTargetHours", label: c.t("comms.responseTargetHours"), type: "number", value: String(plan.responseTargetHours), "min=\"1\" max=\"720\" required"))
            <h3>\(c.t("comms.channels"))</h3><p class="hint">\(c.t("comms.channelsHint"))</p>\(channelChoices)
            <p><button type="submit">\(c.t("comms.save"))</button></p>
            """)
    }
}
