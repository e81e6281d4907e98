/* paths.c - see paths.h: the environment, then beside the program, then the
 * build tree.
 *
 * The program's directory comes from readlink(/proc/self/exe), which names
 * the file itself with every symbolic link resolved: a kg reached through a
 * link (/usr/bin/kg -> /opt/kg/bin/kg) finds /opt/kg/share/kg.  Without
 * /proc (a chroot, another kernel) the step is skipped rather than failing,
 * since the build-tree path may still serve. */
/* dladdr1, for the file that holds libkg */
#define _GNU_SOURCE
#include "paths.h"

#include <dlfcn.h>
#include <link.h>

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef KG_DATADIR
#define KG_DATADIR "data"
#endif
#ifndef KG_MODELDIR
#define KG_MODELDIR "models"
#endif

/* Copies what (from where, for the message) into buf. */
static kg_status put(char *buf, size_t size, const char *what, const char *where, kg_error *err)
{
    int n = snprintf(buf, size, "%s", what);
    if (n < 0 || (size_t)n >= size)
        return kg_error_set(err, KG_ERR_USAGE, "%s: path longer than %zu bytes", where,
                            size ? size - 1 : 0);
    return KG_OK;
}

/* BIN/../share/kg/SUB, resolved (no "..": messages name the real place),
 * into buf when it is a directory; false when it is not, or when the
 * program's path is unknown or too long. */
static bool beside(const char *file, const char *sub, char *buf, size_t size)
{
    char exe[PATH_MAX];
    if (snprintf(exe, sizeof exe, "%s", file) >= (int)sizeof exe)
        return false;
    char *slash = strrchr(exe, '/');
    if (!slash)
        return false;
    *slash = '\0';
    char candidate[PATH_MAX], resolved[PATH_MAX];
    int len = snprintf(candidate, sizeof candidate, "%s/../share/kg/%s", exe, sub);
    if (len < 0 || (size_t)len >= sizeof candidate || !realpath(candidate, resolved))
        return false;
    struct stat st;
    if (stat(resolved, &st) != 0 || !S_ISDIR(st.st_mode))
        return false;
    return snprintf(buf, size, "%s", resolved) < (int)size;
}

static bool beside_program(const char *sub, char *buf, size_t size)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0 || (size_t)n >= sizeof exe - 1)
        return false;
    exe[n] = '\0';
    return beside(exe, sub, buf, size);
}

/* A program linked with an installed libkg.so finds PREFIX/share/kg from
 * PREFIX/lib/libkg.so.0: the shared object's link map names its file (the
 * main program's has no name, and a static libkg is the program). */
static bool beside_library(const char *sub, char *buf, size_t size)
{
    Dl_info info;
    struct link_map *map = NULL;
    if (!dladdr1((void *)beside_library, &info, (void **)&map, RTLD_DL_LINKMAP) || !map ||
        !map->l_name || map->l_name[0] != '/')
        return false;
    char real[PATH_MAX];
    return realpath(map->l_name, real) && beside(real, sub, buf, size);
}

static kg_status lookup(const char *env, const char *sub, const char *built_in, char *buf,
                        size_t size, kg_error *err)
{
    const char *dir = getenv(env);
    if (dir && *dir) {
        char where[64];
        snprintf(where, sizeof where, "$%s", env);
        return put(buf, size, dir, where, err);
    }
    if (beside_program(sub, buf, size) || beside_library(sub, buf, size))
        return KG_OK;
    return put(buf, size, built_in, "the built-in path", err);
}

kg_status kg_paths_data_dir(char *buf, size_t size, kg_error *err)
{
    return lookup("KG_DATA_DIR", "data", KG_DATADIR, buf, size, err);
}

kg_status kg_paths_model_dir(char *buf, size_t size, kg_error *err)
{
    return lookup("KG_MODEL_DIR", "models", KG_MODELDIR, buf, size, err);
}

kg_status kg_paths_model_file(const char *file, char *buf, size_t size, kg_error *err)
{
    kg_status st = kg_paths_model_dir(buf, size, err);
    if (st != KG_OK)
        return st;
    size_t len = strlen(buf);
    int n = snprintf(buf + len, size - len, "/%s", file);
    if (n < 0 || (size_t)n >= size - len) {
        buf[len] = '\0';
        return kg_error_set(err, KG_ERR_USAGE, "%s/%s: path longer than %zu bytes", buf, file,
                            size ? size - 1 : 0);
    }
    return KG_OK;
}
