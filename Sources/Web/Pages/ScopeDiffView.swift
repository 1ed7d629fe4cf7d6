import Domain
import Foundation

/// A scope version's changes against the signed one: added, removed and changed lines marked with + / − / ~
/// and `<ins>` / `<del>`, so the change reads without colour too; links to the signed version on the page.
enum ScopeDiffView {
    /// `signedAnchor` is the fragment of the signed version's text on the same page.
    static func render(_ c: PageContext, _ diff: ScopeDiff, signedAnchor: String) -> HTML {
        guard let against = diff.against else { return .empty }
        guard diff.hasChanges else {
            return "<p class=\"scope-diff muted\" id=\"scope-diff\">\(c.t("scope.diffSame", String(against)))</p>"
        }
        func list(_ title: String, _ lines: [ScopeLine]) -> HTML {
            guard lines.contains(where: { if case .kept = $0 { false } else { true } }) else { return .empty }
            let items: [HTML] = lines.map { line in
                switch line {
                case .kept(let text):
                    return "<li class=\"kept\"><span class=\"mark\" aria-hidden=\"true\"> </span>\(text)</li>"
                case .added(let text):
                    return
                        "<li class=\"added\"><span class=\"mark\" aria-hidden=\"true\">+</span><ins><span class=\"sr\">\(c.t("scope.added")): </span>\(text)</ins></li>"
                case .removed(let text):
                    return
                        "<li class=\"removed\"><span class=\"mark\" aria-hidden=\"true\">−</span><del><span class=\"sr\">\(c.t("scope.removed")): </span>\(text)</del></li>"
                case .changed(let old, let new):
                    return """
                        <li class="changed"><span class="mark" aria-hidden="true">~</span><span class="sr">\(c.t("scope.changed")): </span>\
                        <del>\(old)</del> → <ins>\(new)</ins></li>
                        """
                }
            }
            return "<h4>\(title)</h4><ul class=\"diff-lines\">\(items)</ul>"
        }
        return """
            <div class="scope-diff" id="scope-diff"><h4>\(c.t("scope.diffTitle", String(against))) \
            <a class="signed-link" href="#\(signedAnchor)">\(c.t("scope.viewSigned", String(against)))</a></h4>\
            <p class="muted diff-legend">+ \(c.t("scope.added")) · − \(c.t("scope.removed")) · ~ \(c.t("scope.changed"))</p>\
            \(list(c.t("field.goals"), diff.goals))\(list(c.t("scope.inScope"), diff.inScope))\(list(c.t("scope.outOfScope"), diff.outOfScope))</div>
            """
    }
}
