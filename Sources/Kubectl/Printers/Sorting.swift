import Eras
import KubernetesAPI
import StructuredData

/// `--sort-by=<jsonpath>`: orders objects by one integer or string field.
enum Sorting {
    static func sort(_ objects: [any APIObject], by expression: String, era: Era) throws(KubectlError) -> [any APIObject] {
        let template: String
        do {
            template = try CustomColumns.relaxedExpression(expression)
        } catch {
            throw .message(error.message)
        }
        let printer: JSONPathPrinter
        do {
            printer = try JSONPathPrinter(template: template, generation: .init(era))
        } catch {
            throw .message(error.message)
        }
        let keyed = objects.map { object -> (String, any APIObject) in
            ((try? printer.print(ObjectOutput.withTypeMeta(object))) ?? "", object)
        }
        let numeric = keyed.allSatisfy { Double($0.0) != nil || $0.0.isEmpty }
        return keyed.enumerated().sorted { left, right in
            let (a, b) = (left.element.0, right.element.0)
            if a == b { return left.offset < right.offset }
            if numeric { return (Double(a) ?? -Double.infinity) < (Double(b) ?? -Double.infinity) }
            return a < b
        }.map(\.element.1)
    }
}
