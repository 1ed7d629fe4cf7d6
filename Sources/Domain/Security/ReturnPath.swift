import Foundation

/// Where a redirect may go when the target came from outside (`?next=`, a `Referer`): only a path on
/// this site. The one rule every redirect passes, so no request can put CR/LF into a `Location` header
/// or send a visitor to another origin.
public enum ReturnPath {
    public static let maxLength = 2_000

    /// `value` when it is a same-origin path: it starts with exactly one `/`, has no `\`, no control or
    /// whitespace characters and no scheme or authority — also once percent-decoded, because browsers
    /// and proxies decode (`/%2F%2Fevil.example`) and drop tabs and newlines (`/\t/evil.example`).
    public static func sanitize(_ value: String?) -> String? {
        guard let value, value.utf8.count <= maxLength else { return nil }
        var current = value
        // Each pass removes one layer of encoding; three layers is already far past anything honest.
        for _ in 0..<4 {
            guard isPlainLocalPath(current) else { return nil }
            guard let decoded = current.removingPercentEncoding else { return nil }
            if decoded == current { return value }
            current = decoded
        }
        return nil
    }

    static func isPlainLocalPath(_ path: String) -> Bool {
        let scalars = Array(path.unicodeScalars)
        guard scalars.first == "/" else { return false }
        if scalars.count > 1, scalars[1] == "/" || scalars[1] == "\\" { return false }
        guard !scalars.contains(where: { $0 == "\\" || isUnsafe($0) }) else { return false }
        guard let components = URLComponents(string: path), components.scheme == nil, components.host == nil else { return false }
        return true
    }

    /// Control characters (C0, DEL, C1) and every kind of whitespace, including the Unicode line separators.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.properties.isWhitespace
            || scalar.properties.generalCategory == .format
    }
}
