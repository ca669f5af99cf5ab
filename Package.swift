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
        // libFuzzer target: build only with Scripts/fuzz.sh (-sanitize=fuzzer), see docs/fuzzing.md
        .executableTarget(name: "kg-fuzz", dependencies: ["KGKit"], path: "Sources/kg-fuzz",
                          swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        .testTarget(name: "KGKitTests", dependencies: ["KGKit"]),
        .testTarget(name: "KGEndToEndTests", dependencies: ["KGKit"]),
    ]
)
