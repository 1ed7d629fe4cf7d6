/// The safe Markdown subset of messages, as a tree: what `MarkdownParser` reads and `Markdown` renders. Text is
/// kept raw here; escaping happens once, while rendering, so no node can carry live markup.
public enum MarkdownBlock: Equatable, Sendable {
    /// Lines of inline content; each line after the first starts after a hard line break.
    case paragraph([[MarkdownInline]])
    /// A fenced code block, verbatim.
    case code(String)
    case list(ordered: Bool, start: Int, items: [[MarkdownInline]])
    case quote([MarkdownBlock])
}

public indirect enum MarkdownInline: Equatable, Sendable {
    case text(String)
    case code(String)
    case strong([MarkdownInline])
    case emphasis([MarkdownInline])
    /// A link whose URL passed `MarkdownLinks.safe` (http, https or mailto); anything else never becomes a link.
    case link(text: [MarkdownInline], url: String)
}
