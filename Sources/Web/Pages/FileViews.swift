import Domain
import Fluent
import Foundation
import Persistence

/// The files a page shows, by owner (deliverable or scope version id), loaded with the page's model.
struct PageFiles {
    var byOwner: [UUID: [StoredFile]] = [:]
    /// The upload limit the team's forms name.
    var maxUploadBytes = 0

    /// The files of the deliverables and scope versions a page shows (and only those: a portal passes only
    /// what the contact may see).
    static func load(deliverables: [Deliverable], versions: [ScopeVersion], maxUploadBytes: Int, on db: any Database) async throws -> PageFiles {
        let onDeliverables = try await FileStore.files(of: .deliverable, ownerIDs: deliverables.map(\.id), on: db)
        let onVersions = try await FileStore.files(of: .scopeVersion, ownerIDs: versions.map(\.id), on: db)
        return PageFiles(byOwner: onDeliverables.merging(onVersions) { first, _ in first }, maxUploadBytes: maxUploadBytes)
    }

    /// A deliverable's files on the team page, with the upload form while it may take files.
    func team(_ c: PageContext, _ deliverable: Deliverable) -> HTML {
        let form: HTML =
            (try? FileRules.canAttach(to: deliverable.status)) != nil
            ? FileViews.uploadForm(c, action: .deliverableFiles(deliverable.id), maxBytes: maxUploadBytes) : .empty
        return "\(FileViews.list(c, byOwner[deliverable.id]))\(form)"
    }

    /// A scope version's files on the team page, with the upload form until it is signed.
    func team(_ c: PageContext, _ version: ScopeVersion) -> HTML {
        let form: HTML =
            (try? FileRules.canAttach(to: version.status, signedOffAt: version.signedOffAt)) != nil
            ? FileViews.uploadForm(c, action: .scopeVersionFiles(version.projectID, version.number), maxBytes: maxUploadBytes) : .empty
        return "\(FileViews.list(c, byOwner[version.id]))\(form)"
    }

    /// The files of a deliverable or scope version in the portal (links only).
    func portal(_ c: PageContext, _ ownerID: UUID) -> HTML { FileViews.list(c, byOwner[ownerID]) }
}

/// The files of a deliverable or scope version on a page (download links with their size), and the team's
/// upload form: multipart, with the form token as its first field so the streaming reader sees it first.
enum FileViews {
    static func list(_ c: PageContext, _ files: [StoredFile]?) -> HTML {
        guard let files, !files.isEmpty else { return .empty }
        let items: [HTML] = files.map { file in
            """
            <li><a class="file-link" href="\(PagePath.file(file.id))" data-sha256="\(file.sha256)" \
            aria-label="\(c.t("file.download", file.name))">\(file.name)</a> <small class="muted file-size">\(FileRules.sizeText(file.size))</small></li>
            """
        }
        return "<ul class=\"files\" aria-label=\"\(c.t("file.title"))\">\(items)</ul>"
    }

    static func uploadForm(_ c: PageContext, action: PagePath, maxBytes: Int) -> HTML {
        """
        <form method="post" action="\(url: action.description)" enctype="multipart/form-data" class="inline upload-file">\(c.csrfField)\
        <label>\(c.t("file.choose")) <small class="muted">\(c.t("file.limit", String(maxBytes >> 20)))</small>\
        <input type="file" name="file" required></label><button type="submit" class="secondary">\(c.t("file.upload"))</button></form>
        """
    }
}
