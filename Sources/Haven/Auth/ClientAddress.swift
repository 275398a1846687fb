import Foundation
import Vapor

#if canImport(Glibc)
    import Glibc
#endif

/// The address of the person behind a request. Behind a reverse proxy every request comes from the
/// proxy, which names the client in `X-Forwarded-For`; that header is believed only from the proxies an
/// operator lists (`HAVEN_TRUSTED_PROXIES`), since anyone else can write whatever they like in it.
public enum ClientAddress {
    /// Addresses and networks (`10.0.0.5`, `10.0.0.0/8`, `::1`, `fd00::/8`).
    public struct Network: Sendable, Equatable {
        var bytes: [UInt8]
        var prefix: Int

        public init?(_ text: String) {
            let parts = text.trimmingCharacters(in: .whitespaces).split(
                separator: "/", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count), let bytes = ClientAddress.bytes(String(parts[0])) else { return nil }
            let bits = bytes.count * 8
            if parts.count == 2 {
                guard parts[1].count <= 3, parts[1].allSatisfy(\.isASCIIDigit), let prefix = Int(parts[1]),
                    prefix <= bits
                else { return nil }
                self.prefix = prefix
            } else {
                prefix = bits
            }
            self.bytes = bytes
        }

        func contains(_ address: [UInt8]) -> Bool {
            guard address.count == bytes.count else { return false }
            for bit in 0..<prefix where (address[bit / 8] ^ bytes[bit / 8]) & (0x80 >> UInt8(bit % 8)) != 0 {
                return false
            }
            return true
        }
    }

    /// The client: the peer itself unless it is a trusted proxy; then, reading `X-Forwarded-For` from the
    /// right, the first address that is not a trusted proxy.
    static func resolve(peer: String?, forwardedFor: [String], trusted: [Network]) -> String {
        guard var client = peer, !trusted.isEmpty else { return peer ?? "unknown" }
        let chain = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
            .suffix(20)
        for hop in chain.reversed() {
            guard isTrusted(client, trusted) else { break }
            guard bytes(hop) != nil else { break }
            client = hop
        }
        return client
    }

    static func of(_ request: Request) -> String {
        resolve(
            peer: request.remoteAddress?.ipAddress, forwardedFor: request.headers[.xForwardedFor],
            trusted: request.application.havenSettings.trustedProxies)
    }

    private static func isTrusted(_ address: String, _ trusted: [Network]) -> Bool {
        guard let bytes = bytes(address) else { return false }
        return trusted.contains { $0.contains(bytes) }
    }

    /// The bytes of an IPv4 or IPv6 address written as text, or nil when it is not one.
    static func bytes(_ text: String) -> [UInt8]? {
        guard text.utf8.count <= 45 else { return nil }
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
        return nil
    }
}
