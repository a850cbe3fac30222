import Testing
@testable import REPL

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The key reader used while a saved world replays must decode input as libedit's own does.
@Suite struct KeyReadingTests {
    @Test func charactersAreDecodedAsLibeditDecodesThem() throws {
        setlocale(LC_CTYPE, "C.UTF-8")
        var descriptors: [Int32] = [0, 0]
        #expect(pipe(&descriptors) == 0)
        // "a", "中", an invalid byte (skipped), "b", then end of input.
        let bytes: [UInt8] = [0x61, 0xE4, 0xB8, 0xAD, 0xFF, 0x62]
        #expect(write(descriptors[1], bytes, bytes.count) == bytes.count)
        close(descriptors[1])
        defer { close(descriptors[0]) }

        var read: [String] = []
        var character: wchar_t = 0
        while LineEditor.readCharacter(from: descriptors[0], into: &character) == 1 {
            read.append(Unicode.Scalar(UInt32(character)).map { String(Character($0)) } ?? "?")
        }
        #expect(read == ["a", "中", "b"])
    }
}
