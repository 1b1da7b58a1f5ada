{
  "targets": [
    {
      "target_name": "sqlsh_interrupt",
      "sources": ["src/engines/sqlite/native/sqlsh-interrupt.c", "src/engines/sqlite/native/sqlsh-export.cc", "src/engines/sqlite/native/sqlsh-run-many.cc", "src/engines/sqlite/native/sqlsh-backup.cc"],
      "include_dirs": [
        "<!(node -p \"require('path').join(require('path').dirname(require.resolve('better-sqlite3/package.json')), 'deps', 'sqlite3')\")"
      ],
      "cflags": ["-Wall"],
      "cflags_c": ["-std=c11"],
      "cflags_cc": ["-std=c++17"],
      "xcode_settings": { "CLANG_CXX_LANGUAGE_STANDARD": "c++17", "GCC_C_LANGUAGE_STANDARD": "c11" },
      "msvs_settings": { "VCCLCompilerTool": { "AdditionalOptions": ["/std:c++17"] } }
    }
  ]
}
