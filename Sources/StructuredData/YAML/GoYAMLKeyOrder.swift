/// The order go-yaml v2 writes map keys in (its `keyList.Less`): letters before other characters,
/// runs of digits compared as numbers, so `item9` comes before `item10`.
func goYAMLKeyPrecedes(_ left: String, _ right: String) -> Bool {
    let a = Array(left.unicodeScalars), b = Array(right.unicodeScalars)
    var index = 0
    while index < a.count && index < b.count {
        defer { index += 1 }
        if a[index] == b[index] { continue }
        let leftIsLetter = isLetter(a[index]), rightIsLetter = isLetter(b[index])
        if leftIsLetter && rightIsLetter { return a[index].value < b[index].value }
        if leftIsLetter || rightIsLetter { return rightIsLetter }
        var leftNumber: Int64 = 0, rightNumber: Int64 = 0
        if a[index] == "0" || b[index] == "0" {
            var back = index - 1
            while back >= 0 && isDigit(a[back]) {
                if a[back] != "0" {
                    leftNumber = 1
                    rightNumber = 1
                    break
                }
                back -= 1
            }
        }
        var leftEnd = index
        while leftEnd < a.count && isDigit(a[leftEnd]) {
            leftNumber = leftNumber &* 10 &+ (Int64(a[leftEnd].value) &- 48)
            leftEnd += 1
        }
        var rightEnd = index
        while rightEnd < b.count && isDigit(b[rightEnd]) {
            rightNumber = rightNumber &* 10 &+ (Int64(b[rightEnd].value) &- 48)
            rightEnd += 1
        }
        if leftNumber != rightNumber { return leftNumber < rightNumber }
        if leftEnd != rightEnd { return leftEnd < rightEnd }
        return a[index].value < b[index].value
    }
    return a.count < b.count
}

private func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
    default: return false
    }
}

private func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.generalCategory == .decimalNumber
}
