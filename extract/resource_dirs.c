/* resource_dirs.c - the public answer to where kg finds its word lists and
 * models (kg/extract.h), from the one lookup every loader uses (paths.h). */
#include <stdlib.h>
#include <string.h>

#include "kg/extract.h"
#include "paths.h"

typedef kg_status (*dir_lookup)(char *buf, size_t size, kg_error *err);

static kg_status copy_dir(dir_lookup lookup, char **out, kg_error *err)
{
    char buf[KG_PATHS_MAX];
    *out = NULL;
    kg_status st = lookup(buf, sizeof buf, err);
    if (st != KG_OK)
        return st;
    if (!(*out = strdup(buf)))
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    return KG_OK;
}

kg_status kg_resources_data_dir(char **out, kg_error *err)
{
    return copy_dir(kg_paths_data_dir, out, err);
}

kg_status kg_resources_model_dir(char **out, kg_error *err)
{
    return copy_dir(kg_paths_model_dir, out, err);
}
