// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "kg",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kg", targets: ["kg"]),
        .library(name: "KGKit", targets: ["KGKit"]),
    ],
    targets: [
        .target(
            name: "KGKit",
            resources: [.copy("Resources")]
        ),
        .executableTarget(name: "kg", dependencies: ["KGKit"]),
        .executableTarget(name: "kg-bench", dependencies: ["KGKit"], path: "Sources/kg-bench"),
        .testTarget(name: "KGKitTests", dependencies: ["KGKit"]),
        .testTarget(name: "KGEndToEndTests", dependencies: ["KGKit"]),
    ]
)
