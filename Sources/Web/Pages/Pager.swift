import Foundation
import Vapor

/// Splits a long table into pages of `size` rows (`?page=`, 1-based), so a 2,000-item plan stays a light, quick page.
struct Pager {
    static let size = 50

    let page: Int
    let pages: Int
    let count: Int
    let anchor: String
    let path: String

    init(_ req: Request, count: Int, anchor: String) {
        self.init(page: req.query[Int.self, at: "page"] ?? 1, count: count, anchor: anchor, path: req.url.path)
    }

    /// `page` is clamped into the pages there are.
    init(page: Int, count: Int, anchor: String, path: String) {
        self.count = count
        self.anchor = anchor
        self.path = path
        pages = max(1, (count + Self.size - 1) / Self.size)
        self.page = min(max(1, page), pages)
    }

    var range: Range<Int> { ((page - 1) * Self.size)..<min(page * Self.size, count) }

    /// "1–100 of 2,000 · previous · next", or nothing when everything fits on one page.
    func links(_ c: PageContext) -> HTML {
        guard pages > 1 else { return .empty }
        let previous: HTML = page > 1 ? "<a rel=\"prev\" href=\"\(url: "\(path)?page=\(page - 1)#\(anchor)")\">\(c.t("pager.previous"))</a>" : .empty
        let next: HTML = page < pages ? "<a rel=\"next\" href=\"\(url: "\(path)?page=\(page + 1)#\(anchor)")\">\(c.t("pager.next"))</a>" : .empty
        return """
            <nav class="pager" aria-label="\(c.t("pager.label"))"><span>\(c.t("pager.showing", String(range.lowerBound + 1), String(range.upperBound), String(count)))</span> \
            \(previous) \(next)</nav>
            """
    }
}
