/* paths.h - where kg finds its word lists (data/) and models (models/).
 *
 * One lookup for every loader, in this order:
 *   1. the environment: $KG_DATA_DIR, $KG_MODEL_DIR (when set and not empty);
 *   2. beside the running program: BIN/../share/kg/data and
 *      BIN/../share/kg/models, BIN being the directory of /proc/self/exe,
 *      when that directory exists (an installed kg, `make install`), then
 *      the same beside an installed libkg.so (LIB/../share/kg), for
 *      programs that link it;
 *   3. the build tree's path compiled in (KG_DATADIR, KG_MODELDIR).
 * So an installed kg never depends on the clone it was built from, and a kg
 * run from the build tree reads the tree's files.  Each call computes the
 * answer afresh into the caller's buffer: nothing is cached, so any thread
 * may call at any time.
 */
#ifndef KG_PATHS_H
#define KG_PATHS_H

#include <stddef.h>

#include "kg/base.h"

/* A buffer this large holds any directory the lookup gives. */
#define KG_PATHS_MAX 4096

/* Writes the data directory into buf (size bytes, KG_PATHS_MAX is enough
 * for anything Linux names).  A longer path is a KG_ERR_USAGE naming where
 * it came from ("$KG_DATA_DIR: path longer than 4095 bytes"). */
kg_status kg_paths_data_dir(char *buf, size_t size, kg_error *err);
/* The same for the model directory ($KG_MODEL_DIR, share/kg/models). */
kg_status kg_paths_model_dir(char *buf, size_t size, kg_error *err);
/* buf = the model directory, "/", file: where a model is read by default. */
kg_status kg_paths_model_file(const char *file, char *buf, size_t size, kg_error *err);

#endif
