import Formatting
import KubernetesAPI

extension DescribeText {
    /// The sections aligned as kubectl prints them.
    var rendered: String {
        var writer = TabWriter.kubectlDescribe()
        writer.write(text)
        return writer.flush()
    }
}
