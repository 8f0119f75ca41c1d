// swift-tools-version: 6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "isaq",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "isaq", targets: ["isaq"]),
        .library(name: "Warehouse", targets: ["Warehouse"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(
            name: "Warehouse",
            dependencies: [
                "CSQLite",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.embedInCode("Schema"), .embedInCode("Judge/Normalizer/english.json")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "isaq",
            dependencies: [
                "Warehouse",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "isaq-bench",
            dependencies: ["Warehouse", "CSQLite"],
            path: "Benchmarks/isaq-bench",
            swiftSettings: swiftSettings
        ),
        // libFuzzer target over the parsers and judges (scripts/fuzz.sh); a plain build replays inputs.
        .executableTarget(
            name: "isaq-fuzz",
            dependencies: ["Warehouse"],
            path: "Fuzz/isaq-fuzz",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WarehouseTests",
            dependencies: ["Warehouse", "CSQLite"],
            // Snapshot files are read from the source tree by path (Support/Snapshot.swift), not bundled.
            exclude: ["Snapshots"],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
