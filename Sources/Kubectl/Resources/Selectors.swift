import KubernetesAPI

/// `-l` and `--field-selector` read into list options.
enum Selectors {
    static func listOptions(_ flags: ParsedFlags) throws(KubectlError) -> ListOptions {
        var options = ListOptions()
        if let text = flags.string("selector"), !text.isEmpty {
            do {
                options.labelSelector = try Labels.Selector.parse(text)
            } catch {
                throw .message(error.message)
            }
        }
        if let text = flags.string("field-selector"), !text.isEmpty {
            do {
                options.fieldSelector = try Fields.Selector.parse(text)
            } catch {
                throw .message(error.message)
            }
        }
        return options
    }
}
