import Domain
import Foundation
import Persistence

/// The text the team pastes into WeChat or an e-mail with a link: in the RECIPIENT's language (not the
/// team member's), naming the agency (the workspace) so the customer knows who sends it.
enum ReadyMessage {
    static func invitation(to contact: ContactRecord, workspace: String, project: String, url: String, in ctx: ActionContext) -> String {
        ctx.services.catalogue.text("ready.invitation", contact.language, [contact.name, workspace, project, url])
    }

    static func signInLink(to contact: ContactRecord, workspace: String, url: String, in ctx: ActionContext) -> String {
        ctx.services.catalogue.text("ready.signInLink", contact.language, [contact.name, workspace, url])
    }

    static func colleague(language: Language, workspace: String, url: String, in ctx: ActionContext) -> String {
        ctx.services.catalogue.text("ready.colleague", language, [workspace, url])
    }

    /// The acting member's workspace name ("" for anyone else).
    static func workspaceName(in ctx: ActionContext) async throws -> String {
        guard let id = ctx.identity.workspaceID else { return "" }
        return try await WorkspaceRecord.find(id, on: ctx.db)?.name ?? ""
    }
}
