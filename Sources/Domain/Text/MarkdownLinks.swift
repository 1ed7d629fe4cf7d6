/// Which URLs a message may link to: an explicit http, https or mailto scheme and only the characters RFC 3986
/// allows, so no quote, space, angle bracket or control character can reach an `href`, and no entity or
/// percent-encoding trick can smuggle in another scheme (the scheme must be the literal letters before the first `:`).
public enum MarkdownLinks {
    /// `url` when it is safe to link to, nil otherwise.
    public static func safe(_ url: String) -> String? {
        guard !url.isEmpty, url.unicodeScalars.count <= 2_000, url.unicodeScalars.allSatisfy(isURLCharacter),
            let colon = url.firstIndex(of: ":")
        else { return nil }
        let scheme = url[..<colon].lowercased()
        let rest = url[url.index(after: colon)...]
        switch scheme {
        case "http", "https":
            guard rest.hasPrefix("//") else { return nil }
            let host = rest.dropFirst(2).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            return host.isEmpty ? nil : url
        case "mailto":
            return rest.isEmpty ? nil : url
        default:
            return nil
        }
    }

    /// Unreserved, reserved and `%` (RFC 3986 sections 2.1–2.3).
    static func isURLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9": true
        case "-", ".", "_", "~", ":", "/", "?", "#", "[", "]", "@", "!", "$", "&", "'", "(", ")", "*", "+", ",", ";", "=", "%": true
        default: false
        }
    }

    /// Where a bare URL starts: `http://`, `https://` or `mailto:`, in any letter case.
    static let autolinkPrefixes = ["http://", "https://", "mailto:"]
}
