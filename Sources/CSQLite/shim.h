#ifndef ISAQ_CSQLITE_SHIM_H
#define ISAQ_CSQLITE_SHIM_H
#include <sqlite3.h>

// SQLITE_TRANSIENT is a cast macro Swift cannot import; binding text that Swift owns
// only for the duration of the call needs SQLite to copy it.
static inline sqlite3_destructor_type csqlite_transient(void) {
    return SQLITE_TRANSIENT;
}

// sqlite3_db_config is variadic, which Swift cannot call.
static inline int csqlite_enable_defensive(sqlite3 *db) {
    return sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)0);
}

// sqlite3_config is variadic too. Memory statistics take a global mutex on every allocation
// (3-4 % of ingest and judging time in a profile) and isaq never reads them. Only effective
// before SQLite initialises, i.e. before the first connection opens.
static inline int csqlite_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
#endif
