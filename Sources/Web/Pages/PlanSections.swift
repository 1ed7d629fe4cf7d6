import Domain
import Foundation
import Persistence

/// The plan blocks of the team page and the portal: Gantt chart, dependency flowchart, burn-up.
enum PlanSections {
    /// A chart document from `ChartPages`, with a link for browsers that cannot embed it.
    static func embed(_ c: PageContext, _ url: String, kind: String, label: String) -> HTML {
        """
        <figure class="chart \(kind)"><object type="image/svg+xml" data="\(url: url)" aria-label="\(label)">\
        <a href="\(url: url)">\(label)</a></object></figure>
        """
    }

    /// Links that redraw the page's Gantt chart at another scale, keeping the baseline.
    static func zoomLinks(_ c: PageContext, base: String, current: GanttZoom, baselineID: UUID?) -> HTML {
        let links: [HTML] = GanttZoom.allCases.map { zoom in
            var href = "\(base)?zoom=\(zoom.rawValue)"
            if let baselineID { href += "&baseline=\(baselineID.uuidString)" }
            return zoom == current
                ? "<strong aria-current=\"true\">\(c.t("plan.zoom.\(zoom.rawValue)"))</strong>"
                : "<a href=\"\(url: href + "#plan")\">\(c.t("plan.zoom.\(zoom.rawValue)"))</a>"
        }
        return "<p class=\"zoom no-print\">\(c.labelled("plan.zoom"))\(HTML.joined(links, separator: " · "))</p>"
    }

    /// Gantt (with zoom links and the baseline comparison when one is chosen), flowchart and burn-up;
    /// `charts` is the path the three chart documents live under, `ganttQuery` the Gantt's options.
    /// A plan without work shows one line instead of three sets of empty axes; `chartQuery` goes on the
    /// flowchart's and burn-up's addresses (a preview's contact).
    static func plan(
        _ c: PageContext, charts: String, ganttQuery: String, zoom: HTML, comparison: HTML, isEmpty: Bool = false, chartQuery: String = ""
    ) -> HTML {
        guard !isEmpty else {
            return
                "<section class=\"card plan\" id=\"plan\"><h2>\(c.t("plan.title"))</h2><p class=\"empty chart-empty\">\(c.t("plan.empty"))</p></section>"
        }
        return """
            <section class="card plan" id="plan"><h2>\(c.t("plan.title"))</h2>\(zoom)<p class="hint scroll-hint no-print">\(c.t("plan.scrollHint"))</p>\
            \(embed(c, charts + "/gantt.svg" + ganttQuery, kind: "gantt", label: c.t("plan.title")))\
            <p class="hint no-print">\(c.t("plan.printHint"))</p>\(comparison)</section>
            <section class="card flow no-print" id="flowchart"><h2>\(c.t("plan.flowchart"))</h2>\
            \(embed(c, charts + "/flowchart.svg" + chartQuery, kind: "flow", label: c.t("plan.flowchart")))</section>
            <section class="card burnup no-print" id="burnup"><h2>\(c.t("plan.burnUp"))</h2><p class="hint">\(c.t("plan.burnUpHint"))</p>\
            \(embed(c, charts + "/burnup.svg" + chartQuery, kind: "burnup", label: c.t("plan.burnUp")))</section>
            """
    }

    /// Slip of each item and milestone against the chosen baseline.
    static func comparison(_ c: PageContext, _ result: BaselineComparisonResponse, base: String) -> HTML {
        func row(_ name: String, milestone: Bool, then: String?, now: String, slip: Int) -> HTML {
            let slipText = then == nil ? c.t("baseline.added") : (slip > 0 ? "+\(slip)" : String(slip))
            return """
                <tr class="\(slip > 0 ? "slipped" : "")"><td>\(milestone ? "◆ " : "")\(name)</td><td class="date">\(then ?? "—")</td>\
                <td class="date">\(now)</td><td class="num">\(slipText)</td></tr>
                """
        }
        let rows: [HTML] =
            result.milestones.map { row($0.name, milestone: true, then: $0.baselineDue, now: $0.currentDue, slip: $0.slipDays) }
            + result.items.map { row($0.title, milestone: false, then: $0.baselineFinish, now: $0.currentFinish, slip: $0.slipDays) }
        return """
            <div id="comparison"><h3>\(c.t("baseline.comparing", result.baseline.name, result.baseline.endDate))</h3>\
            <div class="scroll"><table id="baseline-comparison"><thead><tr><th>\(c.t("baseline.item"))</th><th>\(c.t("baseline.then"))</th>\
            <th>\(c.t("baseline.now"))</th><th>\(c.t("baseline.slip"))</th></tr></thead><tbody>\(rows)</tbody></table></div>\
            <p class="no-print"><a href="\(url: base + "#plan")">\(c.t("baseline.clear"))</a></p></div>
            """
    }

    /// The team's baselines: one link each to compare, and a form to save the current plan.
    static func baselines(
        _ c: PageContext, _ records: [BaselineSummary], selected: UUID?, base: String, timeZone: String, form: FormState? = nil
    ) -> HTML {
        let f = FormFields(c, "new-baseline", form)
        let rows: [HTML] = records.reversed().map { record in
            let link: HTML =
                record.id == selected
                ? "<strong>\(c.t("baseline.compare"))</strong>"
                : "<a href=\"\(url: "\(base)?baseline=\(record.id.uuidString)#plan")\">\(c.t("baseline.compare"))</a>"
            return
                "<li><strong>\(record.name)</strong> <span class=\"muted\">\(c.date(record.createdAt, in: timeZone)) · \(c.t("baseline.endDate", record.endDate))</span> \(link)</li>"
        }
        return """
            <section class="card no-print" id="baselines"><h2>\(c.t("baseline.title"))</h2>\
            \(records.isEmpty ? "<p class=\"empty\">\(c.t("baseline.none"))</p>" : "<ul class=\"list\">\(rows)</ul>" as HTML)\
            \(c.form(action: base + "/baselines", id: "new-baseline", cssClass: "inline", """
              <input name="name" required maxlength="200"\(f.attributes("name")) value="\(f.value("name"))" placeholder="\(c.t("baseline.name"))" aria-label="\(c.t("baseline.name"))">\
              <button type="submit">\(c.t("baseline.create"))</button>\(f.error("name"))
            """))</section>
            """
    }

    /// The project's working calendar as two lists of dates.
    static func calendar(_ c: PageContext, _ calendar: WorkingCalendar, base: String, form: FormState? = nil) -> HTML {
        let f = FormFields(c, "working-calendar", form)
        let off = calendar.nonWorkingDates.sorted().map(\.description).joined(separator: "\n")
        let on = calendar.workingDates.sorted().map(\.description).joined(separator: "\n")
        return """
            <section class="card no-print" id="calendar"><h2>\(c.t("calendar.title"))</h2><p class="hint">\(c.t("calendar.intro"))</p>\
            \(c.form(action: base + "/calendar", id: "working-calendar", """
              <div class="row">\(f.textarea("nonWorkingDates", label: c.t("calendar.nonWorking"), value: off, rows: 5))
              \(f.textarea("workingDates", label: c.t("calendar.working"), value: on, rows: 5))</div>
              <button type="submit">\(c.t("calendar.save"))</button>
            """))</section>
            """
    }
}
