/* model_file.c - see model_file.h. */
#include "model_file.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "reader.h"

static const char magic[8] = "KGMODEL";
static const uint32_t byte_order = 0x01020304u;

/* Large enough for any model we train, small enough to refuse garbage. */
#define MAX_MODEL_BYTES ((size_t)512 * 1024 * 1024)

static void put(kg_mbuf *b, const void *p, size_t n)
{
    if (b->failed)
        return;
    if (b->cap - b->len < n) {
        size_t cap = b->cap ? b->cap : 1 << 16;
        while (cap - b->len < n)
            cap *= 2;
        unsigned char *d = realloc(b->data, cap);
        if (!d) {
            b->failed = true;
            return;
        }
        b->data = d;
        b->cap = cap;
    }
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
}

static void pad8(kg_mbuf *b)
{
    static const unsigned char zeros[8] = {0};
    put(b, zeros, (8 - b->len % 8) % 8);
}

void kg_mbuf_init(kg_mbuf *b)
{
    memset(b, 0, sizeof *b);
    put(b, magic, sizeof magic);
    uint32_t v[2] = {byte_order, KG_MODEL_VERSION};
    put(b, v, sizeof v);
}

void kg_mbuf_free(kg_mbuf *b)
{
    free(b->data);
    memset(b, 0, sizeof *b);
}

void kg_mbuf_tag(kg_mbuf *b, const char tag[4])
{
    put(b, tag, 4);
    pad8(b);
}

void kg_mbuf_u64(kg_mbuf *b, uint64_t v)
{
    put(b, &v, sizeof v);
}

void kg_mbuf_f32(kg_mbuf *b, float v)
{
    put(b, &v, sizeof v);
    pad8(b);
}

void kg_mbuf_str(kg_mbuf *b, const char *s)
{
    size_t n = strlen(s);
    kg_mbuf_u64(b, n);
    put(b, s, n + 1);
    pad8(b);
}

void kg_mbuf_array(kg_mbuf *b, const void *items, size_t size, size_t count)
{
    kg_mbuf_u64(b, count);
    put(b, items, size * count);
    pad8(b);
}

static kg_status write_buf(const void *ctx, FILE *out, kg_error *err)
{
    const kg_mbuf *b = ctx;
    if (fwrite(b->data, 1, b->len, out) != b->len || fflush(out) != 0)
        return kg_error_set(err, KG_ERR_IO, "cannot write");
    return KG_OK;
}

kg_status kg_mbuf_save(const kg_mbuf *b, const char *path, kg_error *err)
{
    if (b->failed)
        return kg_error_set(err, KG_ERR_NOMEM, "%s: out of memory", path);
    return kg_file_write_atomic(path, write_buf, b, err);
}

/* ---------------------------------------------------------------- reading */

void kg_mread_fail(kg_mread *r, const char *why)
{
    if (!r->bad)
        snprintf(r->why, sizeof r->why, "%s (at byte %zu)", why, r->pos);
    r->bad = true;
}

static const void *take(kg_mread *r, size_t n)
{
    if (r->bad)
        return NULL;
    if (r->len - r->pos < n) {
        kg_mread_fail(r, "cut short");
        return NULL;
    }
    const void *p = r->data + r->pos;
    r->pos += n;
    return p;
}

static void skip_pad(kg_mread *r)
{
    size_t n = (8 - r->pos % 8) % 8;
    if (!r->bad && r->len - r->pos >= n)
        r->pos += n;
}

/* Maps a regular file; false (nothing mapped) where it cannot. */
static bool map_file(const char *path, kg_mfile *f)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct stat st;
    bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
              (uintmax_t)st.st_size <= MAX_MODEL_BYTES;
    void *p = ok ? mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED;
    close(fd);
    if (p == MAP_FAILED)
        return false;
    f->data = p;
    f->len = (size_t)st.st_size;
    f->mapped = true;
    return true;
}

void kg_mfile_close(kg_mfile *f)
{
    if (f->mapped)
        munmap(f->data, f->len);
    else
        free(f->data);
    memset(f, 0, sizeof *f);
}

kg_status kg_mread_open(const char *path, kg_mfile *f, kg_mread *r, kg_error *err)
{
    memset(r, 0, sizeof *r);
    memset(f, 0, sizeof *f);
    if (strcmp(path, "-") == 0 || !map_file(path, f)) {
        char *data = NULL;
        kg_status st = kg_reader_read_bytes(path, MAX_MODEL_BYTES, &data, &f->len, err);
        if (st != KG_OK)
            return st;
        f->data = (unsigned char *)data;
    }
    r->data = f->data;
    r->len = f->len;
    r->path = path;
    const char *m = take(r, sizeof magic);
    const uint32_t *v = take(r, 2 * sizeof(uint32_t));
    if (!m || !v || memcmp(m, magic, sizeof magic) != 0)
        kg_mread_fail(r, "no KGMODEL header");
    else if (v[0] != byte_order)
        kg_mread_fail(r, "written on a machine of other byte order");
    else if (v[1] != KG_MODEL_VERSION)
        kg_mread_fail(r, "another format version (retrain with this kg)");
    return kg_mread_status(r, err);
}

bool kg_mread_tag(kg_mread *r, const char tag[4])
{
    const char *t = take(r, 4);
    skip_pad(r);
    if (t && memcmp(t, tag, 4) != 0)
        kg_mread_fail(r, "sections out of order");
    return !r->bad;
}

uint64_t kg_mread_u64(kg_mread *r)
{
    const void *p = take(r, sizeof(uint64_t));
    uint64_t v = 0;
    if (p)
        memcpy(&v, p, sizeof v);
    return v;
}

float kg_mread_f32(kg_mread *r)
{
    const void *p = take(r, sizeof(float));
    float v = 0;
    if (p)
        memcpy(&v, p, sizeof v);
    skip_pad(r);
    return v;
}

size_t kg_mread_count(kg_mread *r, size_t max)
{
    uint64_t v = kg_mread_u64(r);
    if (v > max) {
        kg_mread_fail(r, "a count or index out of range");
        return 0;
    }
    return (size_t)v;
}

const char *kg_mread_str(kg_mread *r)
{
    size_t n = kg_mread_count(r, r->len);
    const char *s = take(r, n + 1);
    skip_pad(r);
    if (s && (s[n] != '\0' || memchr(s, '\0', n))) {
        kg_mread_fail(r, "a malformed string");
        return NULL;
    }
    return s;
}

const void *kg_mread_array(kg_mread *r, size_t size, size_t count)
{
    size_t n = kg_mread_count(r, r->len);
    if (!r->bad && n != count)
        kg_mread_fail(r, "an array of unexpected length");
    if (r->bad || (size && count > (r->len - r->pos) / size)) {
        kg_mread_fail(r, "cut short");
        return NULL;
    }
    const void *p = take(r, size * count);
    skip_pad(r);
    return p;
}

kg_status kg_mread_status(const kg_mread *r, kg_error *err)
{
    if (!r->bad)
        return KG_OK;
    return kg_error_set(err, KG_ERR_INPUT, "%s: not a usable kg model: %s", r->path, r->why);
}
