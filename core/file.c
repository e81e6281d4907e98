/* file.c - whole files in and out: reading an input under a byte limit, and
 * writing outputs so that readers see the old version or the new one, never
 * a part.  Shared by every reader (articles, graph JSON, kg diff's inputs),
 * every exporter and the model writer.
 *
 * Reading never goes more than one byte past the limit, so /dev/zero or a
 * 200 MB pipe costs the limit, not its length.  A directory is refused when
 * opened, because fopen accepts one and only the first read would fail.
 *
 * Writing: the data goes to PATH.tmp.XXXXXX (a new name, same directory, so the
 * rename cannot cross file systems), which is flushed, fsynced and closed
 * checking each step; only when every output of one call is staged are they
 * renamed into place.  On any failure the temporary files are removed and
 * existing files are left as they were.  A new file gets the mode of the file
 * it replaces, or what open(2) gives any new file (0666 less the umask, or
 * the directory's default ACL): the temporary file is created with mode 0666
 * rather than by mkstemp, whose 0600 would make every output private.
 *
 * Signals: a staged file is listed in a fixed table while it exists, so that
 * kg_file_cleanup_on_signals's handler can unlink it (unlink is
 * async-signal-safe; nothing else is done in the handler) and re-raise the
 * signal.  The table is the one piece of process-wide mutable state in the
 * library: signal dispositions are process-wide themselves, and a handler can
 * reach nothing else.  Slots are claimed with atomics, so threads may stage
 * at once; signals are held back while a slot and its file change together
 * (creation and claim, rename or unlink and release) in the thread that
 * writes, so the table never names a file that is not there nor misses one
 * that is, unless the signal is taken by another thread at that moment (kg
 * writes its outputs after its workers have ended).  A full table costs only
 * the clean-up of the outputs past it. */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "kg/base.h"

#define READ_CHUNK ((size_t)64 * 1024)
/* More outputs staged at once than any command writes (8 formats). */
#define STAGE_SLOTS 32

/* ------------------------------------------------------------ reading */

kg_status kg_file_open(const char *path, FILE **out, kg_error *err)
{
    *out = NULL;
    if (!strcmp(path, "-")) {
        *out = stdin;
        return KG_OK;
    }
    FILE *f = fopen(path, "rb");
    if (!f)
        return kg_error_set(err, KG_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        return kg_error_set(err, KG_ERR_IO, "%s: cannot open: %s", path, strerror(EISDIR));
    }
    *out = f;
    return KG_OK;
}

kg_status kg_file_read(FILE *f, const char *name, size_t max, char **buf, size_t *len,
                       kg_error *err)
{
    size_t cap = *len, used = *len;
    char *b = *buf;
    if (used > max)
        return kg_error_set(err, KG_ERR_INPUT, "%s: larger than %zu bytes", name, max);
    for (;;) {
        if (cap - used < READ_CHUNK) {
            size_t ncap = cap < READ_CHUNK ? 2 * READ_CHUNK : cap > SIZE_MAX / 2 ? 0 : cap * 2;
            char *nb = ncap ? realloc(b, ncap) : NULL;
            if (!nb) {
                *buf = b;
                *len = used;
                return kg_error_set(err, KG_ERR_NOMEM, "%s: out of memory", name);
            }
            b = nb;
            cap = ncap;
        }
        /* never read more than one byte past the limit */
        size_t want = cap - used;
        if (max - used < want)
            want = max - used + 1;
        size_t got = fread(b + used, 1, want, f);
        used += got;
        *buf = b;
        *len = used;
        if (used > max)
            return kg_error_set(err, KG_ERR_INPUT, "%s: larger than %zu bytes", name, max);
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        int e = errno;
        return kg_error_set(err, KG_ERR_IO, "%s: cannot read: %s", name, strerror(e));
    }
    return KG_OK;
}

/* Reads all of f, which it closes (but standard input), into a new *buf:
 * NULL on failure. */
static kg_status read_whole(FILE *f, const char *path, size_t max, char **buf, size_t *len,
                            kg_error *err)
{
    kg_status st = kg_file_read(f, path, max, buf, len, err);
    if (f != stdin)
        fclose(f);
    if (st != KG_OK) {
        free(*buf);
        *buf = NULL;
        *len = 0;
    }
    return st;
}

kg_status kg_file_read_all(const char *path, size_t max, char **buf, size_t *len, kg_error *err)
{
    *buf = NULL;
    *len = 0;
    FILE *f = NULL;
    kg_status st = kg_file_open(path, &f, err);
    return st == KG_OK ? read_whole(f, path, max, buf, len, err) : st;
}

int kg_file_open_regular(const char *path, kg_error *err)
{
    /* O_NONBLOCK only matters for the open, which is where a FIFO with no
     * writer would wait; reading a regular file never blocks on it */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        kg_error_set(err, KG_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        kg_error_set(err, KG_ERR_IO, "%s: not a regular file", path);
        return -1;
    }
    return fd;
}

kg_status kg_file_read_regular(const char *path, size_t max, char **buf, size_t *len, kg_error *err)
{
    *buf = NULL;
    *len = 0;
    int fd = kg_file_open_regular(path, err);
    if (fd < 0)
        return KG_ERR_IO;
    FILE *f = fdopen(fd, "rb");
    if (!f) {
        close(fd);
        return kg_error_set(err, KG_ERR_NOMEM, "%s: out of memory", path);
    }
    return read_whole(f, path, max, buf, len, err);
}

/* ------------------------------------------------------------ the staged files' table */

enum { SLOT_FREE, SLOT_CLAIMED, SLOT_LIVE };

static atomic_int slot_state[STAGE_SLOTS];
static char slot_path[STAGE_SLOTS][PATH_MAX];

static const int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP};
#define N_CLEANUP_SIGNALS (sizeof cleanup_signals / sizeof cleanup_signals[0])

static void block_signals(sigset_t *saved)
{
    sigset_t set;
    sigemptyset(&set);
    for (size_t i = 0; i < N_CLEANUP_SIGNALS; i++)
        sigaddset(&set, cleanup_signals[i]);
    pthread_sigmask(SIG_BLOCK, &set, saved);
}

static void restore_signals(const sigset_t *saved)
{
    pthread_sigmask(SIG_SETMASK, saved, NULL);
}

/* Lists path (already created); -1 when the table is full or path too long,
 * which only costs the clean-up on a signal. */
static int slot_claim(const char *path)
{
    size_t n = strlen(path);
    if (n >= PATH_MAX)
        return -1;
    for (int i = 0; i < STAGE_SLOTS; i++) {
        int expected = SLOT_FREE;
        if (atomic_compare_exchange_strong(&slot_state[i], &expected, SLOT_CLAIMED)) {
            memcpy(slot_path[i], path, n + 1);
            atomic_store(&slot_state[i], SLOT_LIVE);
            return i;
        }
    }
    return -1;
}

static void slot_release(int i)
{
    if (i >= 0)
        atomic_store(&slot_state[i], SLOT_FREE);
}

static void unlink_staged_and_reraise(int sig)
{
    int saved = errno;
    for (int i = 0; i < STAGE_SLOTS; i++)
        if (atomic_load(&slot_state[i]) == SLOT_LIVE)
            unlink(slot_path[i]);
    errno = saved;
    /* SA_RESETHAND put the default back: the signal, delivered again when
     * this handler returns, ends the process as it would have */
    raise(sig);
}

void kg_file_cleanup_on_signals(void)
{
    for (size_t i = 0; i < N_CLEANUP_SIGNALS; i++) {
        struct sigaction old;
        /* a signal the caller's parent chose to ignore (nohup, a background
         * job) stays ignored */
        if (sigaction(cleanup_signals[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            continue;
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = unlink_staged_and_reraise;
        sa.sa_flags = SA_RESETHAND;
        sigemptyset(&sa.sa_mask);
        for (size_t k = 0; k < N_CLEANUP_SIGNALS; k++)
            sigaddset(&sa.sa_mask, cleanup_signals[k]);
        sigaction(cleanup_signals[i], &sa, NULL);
    }
}

/* ------------------------------------------------------------ writing */

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

/* Makes the renames durable; the files are already in place, so a failure
 * here is not reported (there is nothing the caller could undo). */
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

/* One output on its way: its temporary file and table slot. */
typedef struct staged {
    char *tmp; /* NULL once renamed or removed */
    int slot;
} staged;

static void discard(staged *s)
{
    if (!s->tmp)
        return;
    sigset_t saved;
    block_signals(&saved);
    unlink(s->tmp);
    slot_release(s->slot);
    restore_signals(&saved);
    free(s->tmp);
    s->tmp = NULL;
}

/* Fills the last 6 bytes of name (the X's) and creates it with mode 0666,
 * which open(2) reduces by the umask (mkstemp would give 0600 whatever the
 * umask).  The letters come from the time, the process id and the address
 * of name (no two live buffers share one, so threads differ), mixed; O_EXCL
 * makes a name another writer took a retry, never a clash.  Returns the
 * descriptor, or -1 with errno set. */
static int create_temporary(char *name)
{
    static const char letters[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    size_t n = strlen(name);
    for (uint64_t attempt = 0; attempt < 100; attempt++) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        uint64_t x = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 30) ^
                     ((uint64_t)getpid() << 40) ^ (uint64_t)(uintptr_t)name ^
                     attempt * 0x9E3779B97F4A7C15u;
        /* splitmix64's finalizer: every input bit reaches every letter */
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9u;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBu;
        x ^= x >> 31;
        for (size_t i = n - 6; i < n; i++, x /= sizeof letters - 1)
            name[i] = letters[x % (sizeof letters - 1)];
        int fd = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    errno = EEXIST;
    return -1;
}

/* Writes o to a new temporary file beside o->path, closed and fsynced. */
static kg_status stage(const kg_file_output *o, staged *s, kg_error *err)
{
    size_t n = strlen(o->path);
    s->slot = -1;
    s->tmp = malloc(n + sizeof ".tmp.XXXXXX");
    if (!s->tmp)
        return kg_error_set(err, KG_ERR_NOMEM, "%s: out of memory", o->path);
    memcpy(s->tmp, o->path, n);
    memcpy(s->tmp + n, ".tmp.XXXXXX", sizeof ".tmp.XXXXXX");

    kg_error inner;
    kg_error_clear(&inner);
    sigset_t saved;
    block_signals(&saved);
    int fd = create_temporary(s->tmp);
    if (fd >= 0)
        s->slot = slot_claim(s->tmp);
    restore_signals(&saved);
    if (fd < 0) {
        kg_status st = io_error(&inner);
        free(s->tmp);
        s->tmp = NULL;
        return with_path(err, st, o->path, inner.message);
    }
    /* a replaced file keeps its mode (a private 0600 file stays private); a
     * new one has the mode open gave the temporary file */
    struct stat old;
    bool replacing = stat(o->path, &old) == 0;
    FILE *out = NULL;
    kg_status st;
    if ((replacing && fchmod(fd, old.st_mode & 07777) != 0) || !(out = fdopen(fd, "wb"))) {
        st = io_error(&inner);
        close(fd);
    } else {
        st = o->write(o->ctx, out, &inner);
        if (st == KG_OK && (fflush(out) != 0 || fsync(fileno(out)) != 0))
            st = io_error(&inner);
        if (fclose(out) != 0 && st == KG_OK)
            st = io_error(&inner);
    }
    if (st != KG_OK) {
        discard(s);
        return with_path(err, st, o->path, inner.message);
    }
    return KG_OK;
}

/* A rename over a directory fails only once earlier outputs are in place:
 * refused here, before any rename. */
static kg_status check_target(const char *path, kg_error *err)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return kg_error_set(err, KG_ERR_IO, "%s: cannot write: %s", path, strerror(EISDIR));
    return KG_OK;
}

kg_status kg_file_write_all(const kg_file_output *outs, size_t n, kg_error *err)
{
    staged *s = calloc(n ? n : 1, sizeof *s);
    if (!s)
        return kg_error_set(err, KG_ERR_NOMEM, "out of memory");
    kg_status st = KG_OK;
    for (size_t i = 0; i < n && st == KG_OK; i++)
        st = check_target(outs[i].path, err);
    for (size_t i = 0; i < n && st == KG_OK; i++)
        st = stage(&outs[i], &s[i], err);
    if (st == KG_OK) {
        /* held back, a signal cannot leave some outputs renamed and the
         * others gone */
        sigset_t saved;
        block_signals(&saved);
        for (size_t i = 0; i < n && st == KG_OK; i++) {
            if (rename(s[i].tmp, outs[i].path) != 0) {
                kg_error inner;
                st = with_path(err, io_error(&inner), outs[i].path, inner.message);
                break;
            }
            slot_release(s[i].slot);
            free(s[i].tmp);
            s[i].tmp = NULL;
        }
        restore_signals(&saved);
    }
    for (size_t i = 0; i < n; i++) {
        if (st == KG_OK)
            sync_directory(outs[i].path);
        discard(&s[i]);
    }
    free(s);
    return st;
}

kg_status kg_file_write_atomic(const char *path, kg_file_writer write, const void *ctx,
                               kg_error *err)
{
    kg_file_output o = {path, write, ctx};
    return kg_file_write_all(&o, 1, err);
}

/* ------------------------------------------------------------ inputs and outputs */

kg_status kg_file_check_not_input(const char *output, const char *const *inputs, size_t n,
                                  kg_error *err)
{
    struct stat out;
    if (stat(output, &out) != 0)
        return KG_OK; /* a new file is no input */
    for (size_t i = 0; i < n; i++) {
        struct stat in;
        int rc = strcmp(inputs[i], "-") ? stat(inputs[i], &in) : fstat(STDIN_FILENO, &in);
        if (rc == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino)
            return kg_error_set(err, KG_ERR_USAGE, "%s: would write over the input %s", output,
                                inputs[i]);
    }
    return KG_OK;
}
