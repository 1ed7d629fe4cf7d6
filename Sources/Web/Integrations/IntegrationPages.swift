import Domain
import Foundation
import Persistence
import Vapor

/// The project's chat robots and webhooks as a team page (owner, manager): add (kind, URL, secret, audience), list
/// by kind and host, remove. Linked from the project page.
struct IntegrationPages {
    func register(_ app: any RoutesBuilder) {
        app.endpoint(.GET, "projects", ":projectID", "integrations", rule: .projectManage, surface: .page, use: index)
        app.endpoint(.POST, "projects", ":projectID", "integrations", rule: .projectManage, surface: .page, use: create)
        app.endpoint(.POST, "integrations", ":integrationID", "remove", rule: .projectManage, surface: .page, use: remove)
    }

    static let formKey = "new-integration"

    @Sendable func index(req: Request) async throws -> Response {
        try await Self.show(req, project: try await req.authorizedProject())
    }

    static func show(_ req: Request, project: ProjectRecord, form: FormState? = nil) async throws -> Response {
        let c = try await PageContext.make(req)
        let projectID = try project.requireID()
        let records = try await IntegrationActions.list(projectID: projectID, in: req.context)
        let rows: [HTML] = try records.map { record in
            let id = try record.requireID()
            let secret: HTML = record.secretSealed == nil ? "—" : "\(c.t("integrations.signed"))"
            return """
                <tr data-integration="\(id.uuidString)"><td data-label="\(c.t("integrations.kind"))">\(c.t("integrations.kind.\(record.kind)"))</td>\
                <td data-label="\(c.t("integrations.host"))">\(record.host)</td>\
                <td data-label="\(c.t("integrations.audience"))">\(c.t("integrations.audience.\(record.audience)"))</td>\
                <td data-label="\(c.t("integrations.secret"))">\(secret)</td>\
                <td data-label="\(c.t("integrations.added"))">\(c.date(record.createdAt, in: project.timeZone))</td>\
                <td>\(c.form(action: "\(PagePath.integrationRemove(id))", cssClass: "inline",
                "<button type=\"submit\" class=\"secondary\" aria-label=\"\(c.t("integrations.remove")) \(record.host)\">\(c.t("integrations.remove"))</button>"))</td></tr>
                """
        }
        let table: HTML =
            rows.isEmpty
            ? "<p class=\"muted\" id=\"no-integrations\">\(c.t("integrations.none"))</p>"
            : """
            <div class="scroll"><table id="integrations"><thead><tr><th>\(c.t("integrations.kind"))</th><th>\(c.t("integrations.host"))</th>\
            <th>\(c.t("integrations.audience"))</th><th>\(c.t("integrations.secret"))</th><th>\(c.t("integrations.added"))</th><th></th></tr></thead>\
            <tbody>\(rows)</tbody></table></div>
            """
        let f = FormFields(c, formKey, form)
        let kinds = IMKind.allCases.map { (value: $0.rawValue, label: c.t("integrations.kind.\($0.rawValue)")) }
        let audiences = IMAudience.allCases.map { (value: $0.rawValue, label: c.t("integrations.audience.\($0.rawValue)")) }
        let newForm = c.form(
            action: "\(PagePath.projectIntegrations(projectID))", id: formKey,
            """
            \(f.select("kind", label: c.t("integrations.kind"), options: kinds, selected: ["wecom"]))
            \(f.input("url", label: c.t("integrations.url"), type: "url", keep: false, "required maxlength=\"2048\" autocomplete=\"off\""))
            <p class="hint">\(c.t("integrations.urlHint"))</p>
            \(f.input("secret", label: c.t("integrations.secret"), type: "password", keep: false, "maxlength=\"200\" autocomplete=\"off\""))
            <p class="hint">\(c.t("integrations.secretHint"))</p>
            \(f.select("audience", label: c.t("integrations.audience"), options: audiences, selected: ["customer"]))
            <button type="submit">\(c.t("integrations.add"))</button>
            """)
        return FormState.page(
            c, title: c.t("integrations.title"), form: form,
            """
            <h1>\(c.t("integrations.title")) · \(project.name)</h1>
            <section class="card"><p class="hint">\(c.t("integrations.intro"))</p>\(table)</section>
            <section class="card narrow"><h2>\(c.t("integrations.add"))</h2>\(newForm)</section>
            <p><a href="\(PagePath.project(projectID))">\(c.t("action.backToProject"))</a></p>
            """)
    }

    struct NewIntegrationForm: Decodable {
        var kind: String?
        var url: String?
        var secret: String?
        var audience: String?
    }

    @Sendable func create(req: Request) async throws -> Response {
        let project = try await req.authorizedProject()
        do {
            let form = try FormInput.decode(NewIntegrationForm.self, from: req)
            guard let kind = IMKind(rawValue: form.kind ?? "") else { throw DomainError.validation(field: "kind", rule: .notAllowed) }
            guard let audience = IMAudience(rawValue: form.audience ?? "customer") else {
                throw DomainError.validation(field: "audience", rule: .notAllowed)
            }
            guard let url = form.url, !url.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw DomainError.validation(field: "url", rule: .required)
            }
            _ = try await IntegrationActions.create(
                CreateIntegrationRequest(kind: kind, url: url, secret: form.secret, audience: audience), project: project, in: req.context)
            return Layout.redirect("\(PagePath.projectIntegrations(try project.requireID()))")
        } catch {
            return try await Self.show(req, project: project, form: try req.refusal(of: error, form: Self.formKey))
        }
    }

    @Sendable func remove(req: Request) async throws -> Response {
        let record = try await req.authorizedIntegration()
        try await IntegrationActions.remove(record, in: req.context)
        return Layout.redirect("\(PagePath.projectIntegrations(record.projectID))")
    }
}
