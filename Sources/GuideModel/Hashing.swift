/// FNV-1a, 64 bits: a fast, deterministic hash for noticing changes (file
/// bytes, entry fingerprints, the site's version); not for security.
public struct FNV1a: Sendable {
    public var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    @inlinable
    public mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
    }

    /// Bytes read through a buffer pointer: an array's iterator is not
    /// always inlined, and would cost more than the hash.
    @inlinable
    public mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes { add(byte) }
    }

    public mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add($0) }
    }

    /// A number's 8 bytes, least significant first.
    public mutating func add(littleEndian number: UInt64) {
        var number = number
        for _ in 0..<8 {
            add(UInt8(number & 0xff))
            number >>= 8
        }
    }

    /// A file's bytes hashed eight at a time (FNV-1a's step on 64-bit
    /// words, folded so high bits reach the low ones; the last few bytes
    /// one by one): a change detector for written files, several times
    /// faster than `add` byte by byte on a 30 KB page (a different value).
    public static func wordHash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { raw in
            var value: UInt64 = 0xcbf2_9ce4_8422_2325
            let words = raw.count / 8
            for index in 0..<words {
                value =
                    (value ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)))
                    &* 0x100_0000_01b3
                value ^= value >> 29
            }
            for byte in raw[(words * 8)...] { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
            return value
        }
    }
}
