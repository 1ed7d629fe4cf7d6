import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// Setup, tokens, me, members.
struct AccountAPIController {
    func register(_ api: any RoutesBuilder) {
        api.endpoint(.POST, "setup", rule: .open, surface: .api, use: setup)
        api.endpoint(.POST, "auth", "tokens", rule: .open, surface: .api, use: createToken)
        api.endpoint(.DELETE, "auth", "tokens", "current", rule: .signedIn, surface: .api, use: deleteToken)
        api.endpoint(.POST, "auth", "invitations", "accept", rule: .open, surface: .api, use: acceptInvitation)
        api.endpoint(.POST, "auth", "sign-in-links", rule: .open, surface: .api, use: requestSignInLink)
        api.endpoint(.GET, "me", rule: .signedIn, surface: .api, use: me)
        api.endpoint(.POST, "members", rule: .manager, surface: .api, use: createMember)
        api.endpoint(.GET, "members", rule: .member, surface: .api, use: listMembers)
        api.endpoint(.PATCH, "members", ":memberID", rule: .member, surface: .api, use: updateMember)
        api.endpoint(.POST, "members", "invitations", rule: .manager, surface: .api, use: inviteMember)
        api.endpoint(.POST, "auth", "member-invitations", "accept", rule: .open, surface: .api, use: acceptMemberInvitation)
        api.endpoint(.POST, "contacts", ":contactID", "sign-in-links", rule: .manager, surface: .api, use: issueSignInLink)
    }

    struct SessionResponse: Encodable {
        var member: MemberResponse
        var token: String
    }

    /// `POST /api/v1/setup`: the workspace and its owner, once.
    @Sendable func setup(req: Request) async throws -> Response {
        let member = try await AccountActions.setup(JSON.decode(SetupRequest.self, from: req), in: req.context)
        let token = try await req.write { [now = req.now] db in try await Credentials.issue(.api, memberID: member.id, on: db, now: now) }
        return JSON.response(SessionResponse(member: try MemberResponse(member), token: token), status: .created)
    }

    /// `POST /api/v1/auth/tokens`: sign in for a bearer token.
    @Sendable func createToken(req: Request) async throws -> Response {
        let member = try await AccountActions.signIn(
            JSON.decode(SignInRequest.self, from: req),
            from: SignInOrigin(client: req.clientAddress, deviceToken: nil), in: req.context)
        let token = try await req.write { [now = req.now] db in try await Credentials.issue(.api, memberID: member.id, on: db, now: now) }
        return JSON.response(SessionResponse(member: try MemberResponse(member), token: token), status: .created)
    }

    /// `DELETE /api/v1/auth/tokens/current`: the token is dead at once.
    @Sendable func deleteToken(req: Request) async throws -> Response {
        let credentialID = try await req.identity.credentialID
        try await req.write { db in try await Credentials.revoke(credentialID, on: db) }
        return Response(status: .noContent)
    }

    struct AcceptResponse: Encodable {
        var token: String
        var contact: ContactResponse
    }

    /// `POST /api/v1/auth/invitations/accept`: the invitation's token for a contact bearer token.
    @Sendable func acceptInvitation(req: Request) async throws -> Response {
        let input = try JSON.decode(AcceptInvitationRequest.self, from: req)
        let (contact, token, _) = try await InvitationActions.accept(token: input.token, credential: .api, in: req.context)
        return JSON.response(AcceptResponse(token: token, contact: try ContactResponse(contact)))
    }

    /// `POST /api/v1/auth/sign-in-links`: the same answer whether or not the address is known.
    @Sendable func requestSignInLink(req: Request) async throws -> Response {
        let input = try JSON.decode(SignInLinkRequest.self, from: req)
        try await InvitationActions.requestSignInLink(email: input.email, client: req.clientAddress, in: req.context)
        return JSON.response(["ok": true], status: .accepted)
    }

    struct MeResponse: Encodable {
        var kind: String
        var id: UUID
        var name: String
        var email: String
        var language: String
        var role: String?
    }

    /// `GET /api/v1/me`.
    @Sendable func me(req: Request) async throws -> Response {
        let identity = try await req.identity
        switch identity.principal {
        case .member(let id, let role):
            return JSON.response(
                MeResponse(
                    kind: "member", id: id, name: identity.name, email: identity.email,
                    language: identity.language.rawValue, role: role.rawValue))
        case .contact(let id, _):
            return JSON.response(
                MeResponse(
                    kind: "contact", id: id, name: identity.name, email: identity.email,
                    language: identity.language.rawValue, role: nil))
        case .anonymous:
            throw DomainError.unauthenticated
        }
    }

    /// `POST /api/v1/members`.
    @Sendable func createMember(req: Request) async throws -> Response {
        guard let inviter = try await req.identity.memberID else { throw DomainError.forbidden }
        let member = try await AccountActions.createMember(JSON.decode(CreateMemberRequest.self, from: req), by: inviter, in: req.context)
        return JSON.response(try MemberResponse(member), status: .created)
    }

    /// `GET /api/v1/members`.
    @Sendable func listMembers(req: Request) async throws -> Response {
        let paging = try Paging(req)
        let workspaceID = try await CustomerActions.workspaceID(in: req.context)
        let members = try await MemberStore.page(workspaceID: workspaceID, offset: paging.offset, limit: paging.limit + 1, on: req.db)
        return JSON.response(
            ListResponse(items: try members.prefix(paging.limit).map(MemberResponse.init), nextCursor: paging.nextCursorIfFull(members.count)))
    }

    /// `PATCH /api/v1/members/{id}`: owner/manager change anyone but an owner (managers), a member only
    /// their own name, language and password; `active: false` ends the member's sessions and tokens at once.
    @Sendable func updateMember(req: Request) async throws -> Response {
        guard let id = req.parameters.get("memberID", as: UUID.self) else { throw DomainError.notFound }
        let member = try await MemberActions.update(id, JSON.decode(UpdateMemberRequest.self, from: req), in: req.context)
        return JSON.response(try MemberResponse(member))
    }

    struct MemberInvitationResponse: Encodable {
        var url: String
        var token: String
        var expiresAt: Date
        var message: String
    }

    /// `POST /api/v1/members/invitations`: a single-use link (7 days) for a colleague to join.
    @Sendable func inviteMember(req: Request) async throws -> Response {
        let issued = try await MemberActions.invite(JSON.decode(CreateMemberInvitationRequest.self, from: req), in: req.context)
        return JSON.response(
            MemberInvitationResponse(url: issued.url, token: issued.token, expiresAt: issued.expiresAt, message: issued.message), status: .created)
    }

    /// `POST /api/v1/auth/member-invitations/accept`: the colleague sets name and password and gets a token.
    @Sendable func acceptMemberInvitation(req: Request) async throws -> Response {
        let member = try await MemberActions.accept(JSON.decode(AcceptMemberInvitationRequest.self, from: req), in: req.context)
        let token = try await req.write { [now = req.now] db in try await Credentials.issue(.api, memberID: member.id, on: db, now: now) }
        return JSON.response(SessionResponse(member: try MemberResponse(member), token: token), status: .created)
    }

    /// `POST /api/v1/contacts/{id}/sign-in-links`: the team hands a contact a fresh portal sign-in link.
    @Sendable func issueSignInLink(req: Request) async throws -> Response {
        let issued = try await InvitationActions.issueSignInLink(contactID: try req.uuidParameter("contactID"), in: req.context)
        return JSON.response(
            MemberInvitationResponse(url: issued.url, token: issued.token, expiresAt: issued.expiresAt, message: issued.message), status: .created)
    }
}
