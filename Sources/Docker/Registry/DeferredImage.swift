/// A public image known by its name before its definition exists: building a definition means
/// building a whole root file system, which start-up should not pay for images nobody pulls.
public struct DeferredImage: Sendable {
    /// The image's name; the definition `make` returns carries the same one.
    public let name: ImageName
    /// Builds the definition (its root file system, layers and config).
    public let make: @Sendable () -> BaseImageDefinition

    public init(_ name: ImageName, make: @escaping @Sendable () -> BaseImageDefinition) {
        self.name = name
        self.make = make
    }

    /// An image whose definition is already built.
    public init(built definition: BaseImageDefinition) {
        self.name = definition.name
        self.make = { definition }
    }
}
