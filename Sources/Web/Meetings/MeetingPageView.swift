import Domain
import Foundation
import Persistence

/// The team's meeting page: agenda, video link, the minutes editor (until confirmed) and the confirmation's state.
enum MeetingPageView {
    static func render(
        _ c: PageContext, _ meeting: Meeting, project: ProjectRecord, confirmer: String?, form: FormState?, blankRows: Int
    ) -> HTML {
        let tz = project.timeZone
        let status: String
        switch meeting.minutes?.status {
        case nil: status = c.t("meetings.status.none")
        case .awaitingConfirmation: status = c.t("meetings.status.awaiting_confirmation")
        case .confirmed:
            status = c.t("meetings.status.confirmed", confirmer ?? "—", meeting.minutes?.confirmedAt.map { c.date($0, in: tz) } ?? "—")
        }
        let minutesBlock: HTML =
            meeting.isCancelled
            ? "<p class=\"tag cancelled\">\(c.t("meetings.cancelled"))</p>"
            : meeting.minutes?.status == .confirmed
                ? "\(meeting.minutes.map { MeetingViews.minutes(c, $0) } ?? .empty)\(doneButtons(c, meeting))<p class=\"hint\">\(c.t("meetings.confirmedLocked"))</p>"
                : editor(c, meeting, form: form, blankRows: blankRows)
        return """
            <p><a href="\(PagePath.project(meeting.projectID))">\(project.name)</a></p>
            <h1>\(meeting.title)</h1>
            <section class="card" id="meeting"><p class="muted"><span class="date">\(MeetingTime.text(meeting.startsAt, timeZone: tz))</span> · \
            \(String(meeting.durationMinutes)) min · \(c.t(meeting.visibleToCustomer ? "meetings.visible" : "meetings.internal"))</p>\
            \(MeetingViews.videoLink(c, meeting))\(MeetingViews.agenda(c, meeting))</section>
            <section class="card" id="minutes"><h2>\(c.t("meetings.minutes"))</h2><p class="minutes-status" data-status="\(meeting.minutes?.status.rawValue ?? "none")">\(status)</p>\
            \(minutesBlock)</section>
            """
    }

    /// "Mark done" for each open customer action item of confirmed minutes.
    static func doneButtons(_ c: PageContext, _ meeting: Meeting) -> HTML {
        let open = (meeting.minutes?.actionItems ?? []).filter { $0.owner == .customer && $0.doneAt == nil }
        let forms: [HTML] = open.map { item in
            c.form(
                action: "\(PagePath.actionItemDone(item.id))", cssClass: "inline mark-done",
                "<span>\(item.title)</span> <button type=\"submit\" class=\"secondary\">\(c.t("meetings.markDone"))</button>")
        }
        return forms.isEmpty ? .empty : "<div class=\"mark-done-list\">\(forms)</div>"
    }

    /// The minutes form: notes, decisions one per line, action-item rows (the written ones plus `blankRows` empty).
    static func editor(_ c: PageContext, _ meeting: Meeting, form: FormState?, blankRows: Int) -> HTML {
        let f = FormFields(c, "minutes", form)
        let minutes = meeting.minutes
        let existing = minutes?.actionItems ?? []
        let rows: [HTML] = (0..<(existing.count + blankRows)).map { index in
            let item = index < existing.count ? existing[index] : nil
            let owner = item?.owner ?? .team
            let options: [HTML] = ActionOwner.allCases.map {
                "<option value=\"\($0.rawValue)\"\($0 == owner ? " selected" : "")>\(c.t("meetings.owner.\($0.rawValue)"))</option>"
            }
            return """
                <tr><td><input name="itemTitle" aria-label="\(c.t("field.title"))" value="\(item?.title ?? "")" maxlength="200"\(f.attributes("actionItems[\(index)].title"))>\
                \(f.error("actionItems[\(index)].title"))</td><td><select name="itemOwner" aria-label="\(c.t("meetings.owner"))">\(options)</select></td>\
                <td><input type="date" name="itemDue" aria-label="\(c.t("field.dueDate"))" value="\(item?.dueDate.description ?? "")"\(f.attributes("actionItems[\(index)].dueDate"))>\
                \(f.error("actionItems[\(index)].dueDate"))</td></tr>
                """
        }
        return c.form(
            action: "\(PagePath.meetingMinutes(meeting.id))", cssClass: "minutes-editor",
            """
            \(f.textarea("notes", label: c.t("meetings.notes"), value: minutes?.notes, rows: 5))\
            \(f.textarea("decisions", label: c.t("meetings.decisions"), value: minutes?.decisions.joined(separator: "\n"), rows: 3))\
            <h3>\(c.t("meetings.actionItems"))</h3><div class="scroll"><table><thead><tr><th>\(c.t("field.title"))</th><th>\(c.t("meetings.owner"))</th>\
            <th>\(c.t("field.dueDate"))</th></tr></thead><tbody>\(rows)</tbody></table></div>\
            <button type="submit">\(c.t("meetings.saveMinutes"))</button> <button type="submit" name="more" value="1" class="secondary">\(c.t("meetings.moreRows"))</button>
            """)
    }
}

/// The meetings card of the team's project page: the next meetings and the "schedule a meeting" form.
enum MeetingSection {
    static func render(_ c: PageContext, projectID: UUID, meetings: [Meeting], timeZone: String, form: FormState?) -> HTML {
        let f = FormFields(c, "schedule-meeting", form)
        let rows: [HTML] = meetings.map { meeting in
            """
            <li class="meeting"><a href="\(PagePath.meeting(meeting.id))">\(meeting.title)</a> <span class="date">\(MeetingTime.text(meeting.startsAt, timeZone: timeZone))</span> \
            <span class="tag">\(c.t(meeting.visibleToCustomer ? "meetings.visible" : "meetings.internal"))</span>\
            \(meeting.isCancelled ? "<span class=\"tag cancelled\">\(c.t("meetings.cancelled"))</span>" as HTML : .empty) \
            <span class="muted">\(meeting.minutes.map { c.t("meetings.status.\($0.status == .confirmed ? "confirmed" : "awaiting_confirmation")", "", "") } ?? "")</span></li>
            """
        }
        let list: HTML =
            rows.isEmpty ? "<p class=\"empty\">\(c.t("meetings.none"))</p>" : "<h3>\(c.t("meetings.upcoming"))</h3><ul class=\"list\">\(rows)</ul>"
        return """
            <section class="card" id="meetings"><h2>\(c.t("meetings.title"))</h2>\
            \(list)\
            <details\(form?.form == "schedule-meeting" ? " open" : "")><summary>\(c.t("meetings.schedule"))</summary>\(c.form(
                action: "\(PagePath.projectMeetings(projectID))", cssClass: "schedule-meeting",
                """
                \(f.input("title", label: c.t("field.title"), "required maxlength=\"200\""))\
                \(f.input("startsAt", label: c.t("meetings.startsAt"), type: "datetime-local", "required"))\
                \(f.input("durationMinutes", label: c.t("meetings.duration"), type: "number", value: "60", "min=\"5\" max=\"600\" required"))\
                \(f.input("videoLink", label: c.t("meetings.videoLink"), type: "url"))\
                \(f.textarea("agenda", label: c.t("meetings.agenda"), hint: "\(c.t("meetings.agendaHint"))", rows: 3))\
                \(f.check("visibleToCustomer", label: c.t("meetings.visible"), checked: true))\
                <button type="submit">\(c.t("meetings.schedule"))</button>
                """))</details></section>
            """
    }
}
