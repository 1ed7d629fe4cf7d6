import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// The team's project page: goals, scope with sign-off state, milestones with deliverables, work items with inline
/// progress. `ProjectPageModel.load` gathers it, `render` draws it.
enum ProjectPage {
    @Sendable static func show(req: Request) async throws -> Response {
        try await show(req, project: try await req.authorizedProject(), form: nil)
    }

    /// The page, re-showing `form` (a refused form of it) when given; the caller has authorized `project`.
    static func show(_ req: Request, project: ProjectRecord, form: FormState?) async throws -> Response {
        let c = try await PageContext.make(req)
        var model = try await ProjectPageModel.load(req, project: project, catalogue: c.catalogue, language: c.language)
        model.form = form
        return FormState.page(c, title: model.name, form: form, render(c, model))
    }

    /// The same, for routes that name a milestone, deliverable or work item (already authorized) of the project.
    static func show(_ req: Request, projectID: UUID, form: FormState?) async throws -> Response {
        guard let project = try await ProjectRecord.find(projectID, on: req.db) else { throw DomainError.notFound }
        return try await show(req, project: project, form: form)
    }

    /// The page from its model; reads nothing else.
    static func render(_ c: PageContext, _ model: ProjectPageModel) -> HTML {
        let base = model.base
        let comparison = model.comparison.map { PlanSections.comparison(c, $0, base: base) } ?? .empty
        var ganttQuery = "?zoom=\(model.zoom.rawValue)"
        if let baseline = model.selectedBaseline { ganttQuery += "&baseline=\(baseline.uuidString)" }
        let planBlocks = PlanSections.plan(
            c, charts: base, ganttQuery: ganttQuery,
            zoom: PlanSections.zoomLinks(c, base: base, current: model.zoom, baselineID: model.selectedBaseline),
            comparison:
                "\(DecisionViews.lateList(c, model.plan.milestones(customerView: false), outlooks: model.plan.milestoneOutlooks(customerView: false)))\(comparison)",
            isEmpty: model.plan.items.isEmpty)
        let baselines = PlanSections.baselines(
            c, model.baselines, selected: model.selectedBaseline, base: base, timeZone: model.timeZone, form: model.form)
        let goals: [HTML] = model.goals.map { "<li>\($0)</li>" }
        let manage: HTML =
            model.canManage
            ? """
            <a class="button" id="invite-link" href="\(base)/invite">\(c.t("invite.title"))</a>\
            <a class="button secondary" id="integrations-link" href="\(PagePath.projectIntegrations(model.projectID))">\(c.t("integrations.title"))</a>
            """
            : .empty
        let milestones = model.plan.milestoneDetails(customerView: false)
        let outlooks = model.plan.milestoneOutlooks(customerView: false)
        return """
            <div class="head"><div><h1>\(model.name)</h1><p class="muted">\(model.customerName ?? "") · \(c.t("status.\(model.status.rawValue)")) · \
            \(c.t("field.startDate")) \(model.startDate) · \(c.t("field.endDate")) \(model.summary.endDate?.description ?? "—")</p></div>\
            <div class="actions">\(manage)<a class="button secondary" id="edit-project-link" href="\(PagePath.projectEdit(model.projectID))">\(c.t("project.edit"))</a>\
            <a class="button secondary" id="communication-link" href="\(PagePath.projectCommunication(model.projectID))">\(c.t("comms.title"))</a>\
            <a class="button secondary" id="history-link" href="\(PagePath.projectHistory(model.projectID))">\(c.t("activity.title"))</a>\
            <a class="button secondary" id="messages-link" href="\(PagePath.projectMessages(model.projectID))">\(c.t("messages.link"))</a>\
            <a class="button secondary" id="preview-link" href="\(PagePath.portalProject(model.projectID))">\(c.t("project.previewPortal"))</a></div></div>
            <section class="card"><h2>\(c.t("field.progress"))</h2>\(Layout.progress(model.summary.progress, label: c.t("field.progress")))\
            <h3>\(c.t("field.goals"))</h3><ul>\(goals)</ul></section>
            \(MetricsView.section(c, model.metrics, projectID: model.projectID))
            \(model.reports.teamSection(c, projectID: model.projectID, timeZone: model.timeZone))
            \(planBlocks)
            \(MeetingSection.render(c, projectID: model.projectID, meetings: model.meetings, timeZone: model.timeZone, form: model.form))
            \(scopeSection(c, versions: model.versions, base: base, timeZone: model.timeZone, names: model.contactNames, files: model.files, form: model.form))
            \(milestoneSection(
                c, milestones, base: base, names: model.contactNames, outlooks: outlooks, timeZone: model.timeZone, files: model.files, form: model.form))
            \(workSection(
                c, plan: model.plan, milestones: milestones.map(\.milestone), memberNames: model.memberNames, pager: model.pager, base: base,
                form: model.form))
            \(baselines)
            \(PlanSections.calendar(c, model.plan.calendar, base: base, form: model.form))
            """
    }

    static func scopeSection(
        _ c: PageContext, versions: [ScopeVersion], base: String, timeZone: String, names: [UUID: String] = [:], files: PageFiles = PageFiles(),
        form: FormState? = nil
    ) -> HTML {
        let current = ScopeVersion.current(of: versions)
        let rendered: [HTML] = versions.map { version in
            // The version waiting on the customer (or sent back) shows what it changes against the signed one.
            let diff: HTML =
                version.id == current?.id && !version.wasSignedOff
                ? ScopeView.diff(c, ScopeDiff(version, among: versions)) : .empty
            return """
                <article class="scope-version" id="scope-v\(version.number)"><h3>\(c.t("scope.version", String(version.number))) \
                <span class="scope-status tag \(version.status.rawValue)">\(c.t("scope.status.\(version.status.rawValue)"))</span></h3>\
                \(diff)\(ScopeView.lists(c, version, timeZone: timeZone, names: names))\(files.team(c, version))</article>
                """
        }
        let latest = versions.first
        let f = FormFields(c, "new-scope", form)
        let hint: HTML = " <small>\(c.t("hint.onePerLine"))</small>"
        return """
            <section class="card no-print" id="scope"><h2>\(c.t("scope.title"))</h2>\(versions.isEmpty ? "<p class=\"empty\">\(c.t("scope.none"))</p>" : HTML.empty)\(rendered)
            <details\(flag: "open", versions.isEmpty || f.refused)><summary>\(c.t("scope.propose"))</summary>\(c.form(action: base + "/scope-versions", id: "new-scope", """
              \(f.textarea("goals", label: c.t("field.goals"), hint: hint, value: latest.map { $0.goals.joined(separator: "\n") }))
              \(f.textarea("inScope", label: c.t("scope.inScope"), hint: hint, value: latest.map { $0.inScope.joined(separator: "\n") }))
              \(f.textarea("outOfScope", label: c.t("scope.outOfScope"), hint: hint, value: latest.map { $0.outOfScope.joined(separator: "\n") }))
              \(f.textarea("notes", label: c.t("field.notes"), rows: 2))
              <button type="submit">\(c.t("scope.submit"))</button>
            """))</details></section>
            """
    }

    static func milestoneSection(
        _ c: PageContext, _ milestones: [MilestoneDetail], base: String, names: [UUID: String] = [:],
        outlooks: [UUID: MilestoneOutlook] = [:], timeZone: String = "UTC", files: PageFiles = PageFiles(), form: FormState? = nil
    ) -> HTML {
        let rendered: [HTML] = milestones.map { detail in
            let milestone = detail.milestone
            let rows: [HTML] = detail.deliverables.map { deliverable in
                let canSubmit = DeliverableFlow.allows(.submit, from: deliverable.status)
                let s = FormFields(c, "submit-\(deliverable.id.uuidString)", form)
                let submit: HTML =
                    canSubmit
                    ? c.form(
                        action: "\(PagePath.deliverableSubmit(deliverable.id))", cssClass: "inline",
                        """
                        <input name="link" type="url"\(s.attributes("link")) value="\(s.value("link"))" placeholder="https://…" aria-label="\(c.t("deliverable.link"))">\
                        <input name="note"\(s.attributes("note")) value="\(s.value("note"))" placeholder="\(c.t("deliverable.note"))" aria-label="\(c.t("deliverable.note"))">\
                        <button type="submit">\(c.t("deliverable.submit"))</button>\(s.error("link"))\(s.error("note"))
                        """) : .empty
                return """
                    <li><strong>\(deliverable.name)</strong> <span class="tag \(deliverable.status.rawValue)">\(c.t("deliverable.status.\(deliverable.status.rawValue)"))</span>\
                    \(DecisionViews.submission(c, deliverable))\(DecisionViews.deliverableRecord(c, deliverable, names: names, timeZone: timeZone))\
                    \(submit)\(files.team(c, deliverable))\
                    <a class="edit-link" href="\(PagePath.deliverableEdit(deliverable.id))">\(c.t("action.edit"))</a></li>
                    """
            }
            let d = FormFields(c, "new-deliverable-\(milestone.id.uuidString)", form)
            let visibility: HTML =
                milestone.visibleToCustomer
                ? "<span class=\"tag\">\(c.t("visibility.customer"))</span>" : "<span class=\"tag muted\">\(c.t("visibility.internal"))</span>"
            return """
                <article class="milestone\(outlooks[milestone.id]?.late == true ? " late" : "")" id="m-\(milestone.id.uuidString)"><h3>◆ \(milestone.name) \
                <small>\(milestone.dueDate.description)</small> \(visibility) \(DecisionViews.lateBadge(c, outlooks[milestone.id])) \
                <a class="edit-link" href="\(PagePath.milestoneEdit(milestone.id))">\(c.t("action.edit"))</a></h3>\
                \(milestone.description.map { "<p>\($0)</p>" as HTML } ?? .empty)<ul class="list">\(rows)</ul>\
                <details\(flag: "open", d.refused)><summary>\(c.t("deliverable.new"))</summary>\(c.form(action: "\(PagePath.milestoneDeliverables(milestone.id))", cssClass: "new-deliverable", """
                  \(d.input("name", label: c.t("field.name"), "required maxlength=\"200\""))
                  \(d.textarea("acceptanceCriteria", label: c.t("deliverable.criteria"), rows: 2))
                  <button type="submit">\(c.t("deliverable.create"))</button>
                """))</details></article>
                """
        }
        let f = FormFields(c, "new-milestone", form)
        return """
            <section class="card no-print" id="milestones"><h2>\(c.t("milestones.title"))</h2>\(rendered)
            <details\(flag: "open", milestones.isEmpty || f.refused)><summary>\(c.t("milestones.new"))</summary>\(c.form(action: base + "/milestones", id: "new-milestone", """
              \(f.input("name", label: c.t("field.name"), "required maxlength=\"200\""))
              \(f.input("dueDate", label: c.t("field.dueDate"), type: "date", "required"))
              \(f.textarea("description", label: c.t("field.description"), rows: 2))
              \(f.check("visibleToCustomer", label: c.t("visibility.showCustomer"), checked: true))
              <button type="submit">\(c.t("milestones.create"))</button>
            """))</details></section>
            """
    }

    static let fullDependencyList = 300

    static func workSection(
        _ c: PageContext, plan: ProjectPlan, milestones: [Milestone], memberNames: [UUID: String],
        pager: Pager, base: String, form: FormState? = nil
    ) -> HTML {
        let items = plan.items
        let titles = plan.titles
        let schedule = plan.schedule
        let rows: [HTML] = items[pager.range].map { item in
            let deps = item.dependsOn.compactMap { titles[$0] }.joined(separator: ", ")
            // Show where the scheduler put the item when dependencies or the calendar moved it.
            let scheduled = schedule[item.id]
            let start: HTML =
                scheduled.map {
                    $0.earlyStart != item.startDate
                        ? "<s>\(item.startDate.description)</s> \($0.earlyStart.description)" : "\(item.startDate.description)"
                } ?? "\(item.startDate.description)"
            let due: HTML =
                scheduled.map {
                    $0.earlyFinish != item.dueDate
                        ? "<s>\(item.dueDate.description)</s> \($0.earlyFinish.description)" : "\(item.dueDate.description)"
                } ?? "\(item.dueDate.description)"
            let p = FormFields(c, "progress-\(item.id.uuidString)", form)
            return """
                <tr><td>\(item.isKey ? "★ " : "")\(item.title)\(item.visibleToCustomer ? HTML.empty : " <span class=\"tag muted\">\(c.t("visibility.internal"))</span>")</td>\
                <td>\(item.assigneeID.flatMap { memberNames[$0] } ?? "—")</td><td class="date">\(start)</td><td class="date">\(due)</td>\
                <td>\(deps.isEmpty ? "—" : deps)</td><td>\(c.t("workStatus.\(item.status.rawValue)"))</td>\
                <td>\(c.form(action: "\(PagePath.workItemProgress(item.id))", cssClass: "inline progress-form", """
                <input name="progress" type="number" min="0" max="100" step="5"\(p.attributes("progress")) value="\(p.value("progress", String(item.progress)))" aria-label="\(c.t("field.progress")) \(item.title)">\
                <button type="submit">\(c.t("action.save"))</button>\(p.error("progress"))
                """))<a class="edit-link" href="\(PagePath.workItemEdit(item.id))">\(c.t("work.edit"))</a></td></tr>
                """
        }
        let none = [(value: "", label: "—")]
        let memberOptions = none + memberNames.sorted { $0.value < $1.value }.map { (value: $0.key.uuidString, label: $0.value) }
        let milestoneOptions = none + milestones.map { (value: $0.id.uuidString, label: $0.name) }
        // A select of every item is fine for a few hundred; beyond that, offer the items of the table page shown.
        let candidates = items.count <= Self.fullDependencyList ? items[...] : items[pager.range]
        let dependencyOptions = candidates.map { (value: $0.id.uuidString, label: $0.title) }
        let f = FormFields(c, "new-work-item", form)
        return """
            <section class="card no-print" id="work"><h2>\(c.t("work.title"))</h2>\
            <div class="scroll"><table id="work-items"><thead><tr><th>\(c.t("field.title"))</th><th>\(c.t("field.owner"))</th>\
            <th>\(c.t("field.startDate"))</th><th>\(c.t("field.dueDate"))</th><th>\(c.t("field.dependsOn"))</th><th>\(c.t("field.status"))</th>\
            <th>\(c.t("field.progress"))</th></tr></thead><tbody>\(rows)</tbody></table></div>\(pager.links(c))
            <details\(flag: "open", items.isEmpty || f.refused)><summary>\(c.t("work.new"))</summary>\(c.form(action: base + "/work-items", id: "new-work-item", """
              \(f.input("title", label: c.t("field.title"), "required maxlength=\"200\""))
              <div class="row">\(f.input("startDate", label: c.t("field.startDate"), type: "date", "required"))
              \(f.input("dueDate", label: c.t("field.dueDate"), type: "date", "required"))
              \(f.input("estimateHours", label: c.t("field.estimateHours"), "inputmode=\"decimal\""))</div>
              <div class="row">\(f.select("assigneeId", label: c.t("field.owner"), options: memberOptions))
              \(f.select("milestoneId", label: c.t("field.milestone"), options: milestoneOptions))</div>
              \(f.select("dependsOn", label: c.t("field.dependsOn"), options: dependencyOptions, multiple: true, "size=\"4\""))
              \(f.check("visibleToCustomer", label: c.t("visibility.showCustomer"), checked: true))
              \(f.check("isKey", label: c.t("work.isKey"), checked: false))
              <button type="submit">\(c.t("work.create"))</button>
            """))</details></section>
            """
    }
}

/// Goals and in/out of scope lists of one scope version, shared by the team page and the portal.
enum ScopeView {
    static func lists(_ c: PageContext, _ version: ScopeVersion, timeZone: String, names: [UUID: String] = [:]) -> HTML {
        func list(_ title: String, _ lines: [String]) -> HTML {
            let items: [HTML] = lines.map { "<li>\($0)</li>" }
            return items.isEmpty ? .empty : "<h4>\(title)</h4><ul>\(items)</ul>"
        }
        let signed = DecisionViews.scopeRecord(c, version, names: names, timeZone: timeZone)
        return """
            \(list(c.t("field.goals"), version.goals))\(list(c.t("scope.inScope"), version.inScope))\
            \(list(c.t("scope.outOfScope"), version.outOfScope))\(version.notes.map { "<p>\($0)</p>" as HTML } ?? .empty)\(signed)
            """
    }
}

extension ScopeView {
    /// The diff against the signed version, linking to that version's text (`#scope-v<number>`) on the page.
    static func diff(_ c: PageContext, _ diff: ScopeDiff) -> HTML {
        ScopeDiffView.render(c, diff, signedAnchor: "scope-v\(diff.against ?? 0)")
    }
}
