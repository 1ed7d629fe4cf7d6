import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// The team's project page: goals, scope with sign-off state, milestones with deliverables, work items with inline
/// progress. `ProjectPageModel.load` gathers it, `render` draws it.
enum ProjectPage {
    @Sendable static func show(req: Request) async throws -> Response {
        let c = try await PageContext.make(req)
        let model = try await ProjectPageModel.load(req, catalogue: c.catalogue, language: c.language)
        return Layout.page(c, title: model.name, render(c, model))
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
            comparison: comparison)
        let baselines = PlanSections.baselines(c, model.baselines, selected: model.selectedBaseline, base: base, timeZone: model.timeZone)
        let goals: [HTML] = model.goals.map { "<li>\($0)</li>" }
        let manage: HTML =
            model.canManage
            ? "<a class=\"button\" id=\"invite-link\" href=\"\(base)/invite\">\(c.t("invite.title"))</a>" : .empty
        let milestones = model.plan.milestoneDetails(customerView: false)
        return """
            <div class="head"><div><h1>\(model.name)</h1><p class="muted">\(model.customerName ?? "") · \(c.t("status.\(model.status.rawValue)")) · \
            \(c.t("field.startDate")) \(model.startDate) · \(c.t("field.endDate")) \(model.summary.endDate?.description ?? "—")</p></div>\
            <div class="actions">\(manage)<a class="button secondary" id="edit-project-link" href="\(PagePath.projectEdit(model.projectID))">\(c.t("project.edit"))</a>\
            <a class="button secondary" href="\(PagePath.portalProject(model.projectID))">\(c.t("project.previewPortal"))</a></div></div>
            <section class="card"><h2>\(c.t("field.progress"))</h2>\(Layout.progress(model.summary.progress, label: c.t("field.progress")))\
            <h3>\(c.t("field.goals"))</h3><ul>\(goals)</ul></section>
            \(planBlocks)
            \(scopeSection(c, versions: model.versions, base: base, timeZone: model.timeZone))
            \(milestoneSection(c, milestones, base: base))
            \(workSection(c, plan: model.plan, milestones: milestones.map(\.milestone), memberNames: model.memberNames, pager: model.pager, base: base))
            \(baselines)
            \(PlanSections.calendar(c, model.plan.calendar, base: base))
            """
    }

    static func scopeSection(_ c: PageContext, versions: [ScopeVersion], base: String, timeZone: String) -> HTML {
        let rendered: [HTML] = versions.map { version in
            """
            <article class="scope-version"><h3>\(c.t("scope.version", String(version.number))) \
            <span class="scope-status tag \(version.status.rawValue)">\(c.t("scope.status.\(version.status.rawValue)"))</span></h3>\
            \(ScopeView.lists(c, version, timeZone: timeZone))</article>
            """
        }
        let latest = versions.first
        return """
            <section class="card no-print" id="scope"><h2>\(c.t("scope.title"))</h2>\(versions.isEmpty ? "<p class=\"empty\">\(c.t("scope.none"))</p>" : HTML.empty)\(rendered)
            <details\(flag: "open", versions.isEmpty)><summary>\(c.t("scope.propose"))</summary>\(c.form(action: base + "/scope-versions", id: "new-scope", """
              <label>\(c.t("field.goals")) <small>\(c.t("hint.onePerLine"))</small><textarea name="goals" rows="3">\(latest.map { $0.goals.joined(separator: "\n") } ?? "")</textarea></label>
              <label>\(c.t("scope.inScope")) <small>\(c.t("hint.onePerLine"))</small><textarea name="inScope" rows="3">\(latest.map { $0.inScope.joined(separator: "\n") } ?? "")</textarea></label>
              <label>\(c.t("scope.outOfScope")) <small>\(c.t("hint.onePerLine"))</small><textarea name="outOfScope" rows="3">\(latest.map { $0.outOfScope.joined(separator: "\n") } ?? "")</textarea></label>
              <label>\(c.t("field.notes"))<textarea name="notes" rows="2"></textarea></label>
              <button type="submit">\(c.t("scope.submit"))</button>
            """))</details></section>
            """
    }

    static func milestoneSection(_ c: PageContext, _ milestones: [MilestoneDetail], base: String) -> HTML {
        let rendered: [HTML] = milestones.map { detail in
            let milestone = detail.milestone
            let rows: [HTML] = detail.deliverables.map { deliverable in
                let canSubmit = DeliverableFlow.allows(.submit, from: deliverable.status)
                let submit: HTML =
                    canSubmit
                    ? c.form(
                        action: "\(PagePath.deliverableSubmit(deliverable.id))", cssClass: "inline",
                        """
                        <input name="link" type="url" placeholder="https://…" aria-label="\(c.t("deliverable.link"))">\
                        <input name="note" placeholder="\(c.t("deliverable.note"))" aria-label="\(c.t("deliverable.note"))">\
                        <button type="submit">\(c.t("deliverable.submit"))</button>
                        """) : .empty
                return """
                    <li><strong>\(deliverable.name)</strong> <span class="tag \(deliverable.status.rawValue)">\(c.t("deliverable.status.\(deliverable.status.rawValue)"))</span>\
                    \(deliverable.decisionComment.map { "<div class=\"muted\">“\($0)”</div>" as HTML } ?? .empty)\(submit)\
                    <a class="edit-link" href="\(PagePath.deliverableEdit(deliverable.id))">\(c.t("action.edit"))</a></li>
                    """
            }
            let visibility: HTML =
                milestone.visibleToCustomer
                ? "<span class=\"tag\">\(c.t("visibility.customer"))</span>" : "<span class=\"tag muted\">\(c.t("visibility.internal"))</span>"
            return """
                <article class="milestone"><h3>◆ \(milestone.name) <small>\(milestone.dueDate.description)</small> \(visibility) \
                <a class="edit-link" href="\(PagePath.milestoneEdit(milestone.id))">\(c.t("action.edit"))</a></h3>\
                \(milestone.description.map { "<p>\($0)</p>" as HTML } ?? .empty)<ul class="list">\(rows)</ul>\
                <details><summary>\(c.t("deliverable.new"))</summary>\(c.form(action: "\(PagePath.milestoneDeliverables(milestone.id))", cssClass: "new-deliverable", """
                  <label>\(c.t("field.name"))<input name="name" required maxlength="200"></label>
                  <label>\(c.t("deliverable.criteria"))<textarea name="acceptanceCriteria" rows="2"></textarea></label>
                  <button type="submit">\(c.t("deliverable.create"))</button>
                """))</details></article>
                """
        }
        return """
            <section class="card no-print" id="milestones"><h2>\(c.t("milestones.title"))</h2>\(rendered)
            <details\(flag: "open", milestones.isEmpty)><summary>\(c.t("milestones.new"))</summary>\(c.form(action: base + "/milestones", id: "new-milestone", """
              <label>\(c.t("field.name"))<input name="name" required maxlength="200"></label>
              <label>\(c.t("field.dueDate"))<input name="dueDate" type="date" required></label>
              <label>\(c.t("field.description"))<textarea name="description" rows="2"></textarea></label>
              <label class="check"><input type="checkbox" name="visibleToCustomer" checked> \(c.t("visibility.showCustomer"))</label>
              <button type="submit">\(c.t("milestones.create"))</button>
            """))</details></section>
            """
    }

    static let fullDependencyList = 300

    static func workSection(
        _ c: PageContext, plan: ProjectPlan, milestones: [Milestone], memberNames: [UUID: String],
        pager: Pager, base: String
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
            return """
                <tr><td>\(item.isKey ? "★ " : "")\(item.title)\(item.visibleToCustomer ? HTML.empty : " <span class=\"tag muted\">\(c.t("visibility.internal"))</span>")</td>\
                <td>\(item.assigneeID.flatMap { memberNames[$0] } ?? "—")</td><td>\(start)</td><td>\(due)</td>\
                <td>\(deps.isEmpty ? "—" : deps)</td><td>\(c.t("workStatus.\(item.status.rawValue)"))</td>\
                <td>\(c.form(action: "\(PagePath.workItemProgress(item.id))", cssClass: "inline progress-form", """
                <input name="progress" type="number" min="0" max="100" step="5" value="\(item.progress)" aria-label="\(c.t("field.progress")) \(item.title)">\
                <button type="submit">\(c.t("action.save"))</button>
                """))<a class="edit-link" href="\(PagePath.workItemEdit(item.id))">\(c.t("work.edit"))</a></td></tr>
                """
        }
        let memberOptions = Components.options(memberNames.sorted { $0.value < $1.value }.map { ($0.key.uuidString, $0.value) })
        let milestoneOptions: [HTML] = milestones.map { "<option value=\"\($0.id.uuidString)\">\($0.name)</option>" }
        // A select of every item is fine for a few hundred; beyond that, offer the items of the table page shown.
        let candidates = items.count <= Self.fullDependencyList ? items[...] : items[pager.range]
        let dependencyOptions: [HTML] = candidates.map { "<option value=\"\($0.id.uuidString)\">\($0.title)</option>" }
        return """
            <section class="card no-print" id="work"><h2>\(c.t("work.title"))</h2>\
            <div class="scroll"><table id="work-items"><thead><tr><th>\(c.t("field.title"))</th><th>\(c.t("field.owner"))</th>\
            <th>\(c.t("field.startDate"))</th><th>\(c.t("field.dueDate"))</th><th>\(c.t("field.dependsOn"))</th><th>\(c.t("field.status"))</th>\
            <th>\(c.t("field.progress"))</th></tr></thead><tbody>\(rows)</tbody></table></div>\(pager.links(c))
            <details\(flag: "open", items.isEmpty)><summary>\(c.t("work.new"))</summary>\(c.form(action: base + "/work-items", id: "new-work-item", """
              <label>\(c.t("field.title"))<input name="title" required maxlength="200"></label>
              <div class="row"><label>\(c.t("field.startDate"))<input name="startDate" type="date" required></label>
              <label>\(c.t("field.dueDate"))<input name="dueDate" type="date" required></label>
              <label>\(c.t("field.estimateHours"))<input name="estimateHours" inputmode="decimal"></label></div>
              <div class="row"><label>\(c.t("field.owner"))<select name="assigneeId"><option value="">—</option>\(memberOptions)</select></label>
              <label>\(c.t("field.milestone"))<select name="milestoneId"><option value="">—</option>\(milestoneOptions)</select></label></div>
              <label>\(c.t("field.dependsOn"))<select name="dependsOn[]" multiple size="4">\(dependencyOptions)</select></label>
              <label class="check"><input type="checkbox" name="visibleToCustomer" checked> \(c.t("visibility.showCustomer"))</label>
              <label class="check"><input type="checkbox" name="isKey"> \(c.t("work.isKey"))</label>
              <button type="submit">\(c.t("work.create"))</button>
            """))</details></section>
            """
    }
}

/// Goals and in/out of scope lists of one scope version, shared by the team page and the portal.
enum ScopeView {
    static func lists(_ c: PageContext, _ version: ScopeVersion, timeZone: String) -> HTML {
        func list(_ title: String, _ lines: [String]) -> HTML {
            let items: [HTML] = lines.map { "<li>\($0)</li>" }
            return items.isEmpty ? .empty : "<h4>\(title)</h4><ul>\(items)</ul>"
        }
        let signed: HTML =
            version.signedOffAt.map {
                "<p class=\"muted\">\(c.t("scope.signedAt", c.date($0, in: timeZone)))\(version.signOffComment.map { " — “" + $0 + "”" } ?? "")</p>"
            } ?? .empty
        return """
            \(list(c.t("field.goals"), version.goals))\(list(c.t("scope.inScope"), version.inScope))\
            \(list(c.t("scope.outOfScope"), version.outOfScope))\(version.notes.map { "<p>\($0)</p>" as HTML } ?? .empty)\(signed)
            """
    }
}
