/// Lower-case hexadecimal for digests (source hashes, content hashes).
public enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    public static func string<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        var out: [UInt8] = []
        for byte in bytes { out += [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]] }
        return String(decoding: out, as: UTF8.self)
    }
}
