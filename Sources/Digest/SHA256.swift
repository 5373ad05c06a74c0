import CLibCrypto

/// SHA-256 from the system's OpenSSL (libcrypto's EVP digest API): the hash
/// behind source hashes, entry and bundle content hashes, and output
/// fingerprints.
///
/// A class because it owns a C context, freed in `deinit`; use one per thread.
public final class SHA256 {
    private let context: OpaquePointer

    public init() {
        // Allocation failure of a few hundred bytes: nothing sensible to do but stop.
        guard let context = EVP_MD_CTX_new(), EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
            fatalError("libcrypto could not start a SHA-256 digest")
        }
        self.context = context
    }

    deinit { EVP_MD_CTX_free(context) }

    public func update<Bytes: Sequence>(data bytes: Bytes) where Bytes.Element == UInt8 {
        let handled: Bool? = bytes.withContiguousStorageIfAvailable { buffer in
            EVP_DigestUpdate(context, buffer.baseAddress, buffer.count) == 1
        }
        if handled == nil {
            let copy = Array(bytes)
            copy.withUnsafeBufferPointer { _ = EVP_DigestUpdate(context, $0.baseAddress, $0.count) }
        }
    }

    /// The 32-byte digest. The hasher cannot be used afterwards.
    public func finalize() -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        _ = EVP_DigestFinal_ex(context, &digest, &length)
        return Array(digest.prefix(Int(length)))
    }

    /// The digest of `bytes` in one call.
    public static func hash<Bytes: Sequence>(data bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        let hasher = SHA256()
        hasher.update(data: bytes)
        return hasher.finalize()
    }
}
