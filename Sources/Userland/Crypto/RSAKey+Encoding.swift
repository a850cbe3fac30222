/// PKCS #1 `RSAPrivateKey` DER, in PEM as `RSA PRIVATE KEY` (OpenSSL's traditional format).
extension RSAKey {
    public var der: [UInt8] {
        DER.sequence([.integer(BigUInt()), .integer(modulus), .integer(publicExponent), .integer(privateExponent), .integer(prime1),
                      .integer(prime2), .integer(exponent1), .integer(exponent2), .integer(coefficient)]).encoded
    }

    public var pem: String { PEM.encode("RSA PRIVATE KEY", der) }

    /// Reads PKCS #1 DER, or PKCS #8 (`PRIVATE KEY`) wrapping it.
    public init?(der bytes: [UInt8]) {
        guard var root = try? DER.parse(bytes), root.tag == 0x30 else { return nil }
        if root.children.count == 3, root.children[2].tag == 0x04, let inner = try? DER.parse(root.children[2].content) { root = inner }
        let values = root.children
        guard values.count == 9, values.allSatisfy({ $0.tag == 0x02 }) else { return nil }
        let numbers = values.map { BigUInt(bytes: $0.content) }
        self.init(modulus: numbers[1], publicExponent: numbers[2], privateExponent: numbers[3], prime1: numbers[4], prime2: numbers[5],
                  exponent1: numbers[6], exponent2: numbers[7], coefficient: numbers[8])
    }

    /// The first private key in a PEM text.
    public init?(pem text: String) {
        guard let block = PEM.decode(text).first(where: { $0.type == "RSA PRIVATE KEY" || $0.type == "PRIVATE KEY" }) else { return nil }
        self.init(der: block.bytes)
    }
}
