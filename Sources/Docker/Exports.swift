// The engine's API takes and returns image references, so its users get them with it.
@_exported import ImageReferences
