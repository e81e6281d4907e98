/* file.c - writing a file so that readers see the old version or the new
 * one, never a part: shared by every exporter and the model writer.
 *
 * The data goes to PATH.tmp.XXXXXX (mkstemp, same directory, so the rename
 * cannot cross file systems), which is flushed, fsynced and closed checking
 * each step, and only then renamed over PATH.  On any failure the temporary
 * file is removed and an existing PATH is left as it was.  The new file gets
 * the mode of the file it replaces, or 0644. */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kg/base.h"

static kg_status io_error(kg_error *err)
{
    return kg_error_set(err, KG_ERR_IO, "cannot write: %s", strerror(errno));
}

/* Makes err read "PATH: <what went wrong>". */
static kg_status with_path(kg_error *err, kg_status st, const char *path, const char *what)
{
    char msg[sizeof err->message];
    snprintf(msg, sizeof msg, "%s", what);
    return kg_error_set(err, st, "%s: %s", path, msg);
}

/* Makes the rename durable; the file is already in place, so a failure here
 * is not reported (there is nothing the caller could undo). */
static void sync_directory(const char *path)
{
    char *copy = strdup(path);
    if (!copy)
        return;
    int fd = open(dirname(copy), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
    free(copy);
}

kg_status kg_file_write_atomic(const char *path, kg_file_writer write, const void *ctx,
                               kg_error *err)
{
    size_t n = strlen(path);
    char *tmp = malloc(n + sizeof ".tmp.XXXXXX");
    if (!tmp)
        return kg_error_set(err, KG_ERR_NOMEM, "%s: out of memory", path);
    memcpy(tmp, path, n);
    memcpy(tmp + n, ".tmp.XXXXXX", sizeof ".tmp.XXXXXX");

    kg_error inner;
    kg_error_clear(&inner);
    kg_status st = KG_OK;
    int fd = mkstemp(tmp);
    if (fd < 0) {
        st = io_error(&inner);
        free(tmp);
        return with_path(err, st, path, inner.message);
    }
    struct stat old;
    mode_t mode = stat(path, &old) == 0 ? (old.st_mode & 07777) : 0644;
    FILE *out = NULL;
    if (fchmod(fd, mode) != 0 || !(out = fdopen(fd, "wb"))) {
        st = io_error(&inner);
        close(fd);
    } else {
        st = write(ctx, out, &inner);
        if (st == KG_OK && fsync(fileno(out)) != 0)
            st = io_error(&inner);
        if (fclose(out) != 0 && st == KG_OK)
            st = io_error(&inner);
    }
    if (st == KG_OK && rename(tmp, path) != 0)
        st = io_error(&inner);
    if (st != KG_OK)
        unlink(tmp);
    else
        sync_directory(path);
    free(tmp);
    return st == KG_OK ? KG_OK : with_path(err, st, path, inner.message);
}

