{
  "targets": [
    {
      "target_name": "sqlsh_interrupt",
      "sources": ["src/engines/sqlite/native/sqlsh-interrupt.c"],
      "include_dirs": [
        "<!(node -p \"require('path').join(require('path').dirname(require.resolve('better-sqlite3/package.json')), 'deps', 'sqlite3')\")"
      ],
      "cflags": ["-std=c11", "-Wall"]
    }
  ]
}
