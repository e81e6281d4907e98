/* parse_cache.c - a directory of UD annotations, one file per sentence.
 *
 * An entry file, DIR/<sha256(key) in hex>:
 *
 *   kg-parse-cache <format>\n
 *   <sha256 of everything after this line, hex>\n
 *   key <bytes>\n<key>\n
 *   words <n>\n  then per word:  <head> <lemma> <upos> <xpos> <deprel>\n
 *   end\n
 *
 * A string is <len>:<bytes>, so any byte but NUL may occur in it, or "-" for
 * NULL (only lemma and xpos may be NULL).  The forms are not repeated: they
 * are in the key, which must match in full.  Writing goes to
 * DIR/.tmp-<hash>-XXXXXX (mkstemp) and rename(2) puts it in place, which is
 * atomic within a directory: concurrent writers of the same key both write a
 * whole file and the last rename wins; readers open either one.
 *
 * The hash is SHA-256 (FIPS 180-4), written here because nothing else in kg
 * needs a cryptographic library.
 */
#include "parse_cache.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_ENTRY_BYTES (16u * 1024 * 1024)
#define MAGIC "kg-parse-cache"

struct kg_parse_cache {
    char *dir;
};

/* ---------------------------------------------------------------- SHA-256 */

typedef struct sha256 {
    uint32_t h[8];
    uint64_t bytes;
    unsigned char buf[64];
    size_t fill;
} sha256;

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

static uint32_t ror(uint32_t x, unsigned n)
{
    return (x >> n) | (x << (32 - n));
}

static void sha256_block(sha256 *s, const unsigned char *p)
{
    uint32_t w[64];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
               (uint32_t)p[4 * i + 2] << 8 | (uint32_t)p[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = s->h[0], b = s->h[1], c = s->h[2], d = s->h[3];
    uint32_t e = s->h[4], f = s->h[5], g = s->h[6], h = s->h[7];
    for (int i = 0; i < 64; i++) {
        uint32_t t1 =
            h + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
        uint32_t t2 = (ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    s->h[0] += a;
    s->h[1] += b;
    s->h[2] += c;
    s->h[3] += d;
    s->h[4] += e;
    s->h[5] += f;
    s->h[6] += g;
    s->h[7] += h;
}

static void sha256_init(sha256 *s)
{
    static const uint32_t h0[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    memcpy(s->h, h0, sizeof h0);
    s->bytes = 0;
    s->fill = 0;
}

static void sha256_update(sha256 *s, const void *data, size_t len)
{
    const unsigned char *p = data;
    s->bytes += len;
    while (len > 0) {
        size_t take = 64 - s->fill < len ? 64 - s->fill : len;
        memcpy(s->buf + s->fill, p, take);
        s->fill += take;
        p += take;
        len -= take;
        if (s->fill == 64) {
            sha256_block(s, s->buf);
            s->fill = 0;
        }
    }
}

static void sha256_hex(sha256 *s, char hex[65])
{
    uint64_t bits = s->bytes * 8;
    unsigned char pad[72] = {0x80};
    size_t n = (s->fill < 56 ? 56 : 120) - s->fill;
    for (int i = 0; i < 8; i++)
        pad[n + (size_t)i] = (unsigned char)(bits >> (56 - 8 * i));
    sha256_update(s, pad, n + 8);
    for (int i = 0; i < 8; i++)
        snprintf(hex + 8 * i, 9, "%08x", (unsigned)s->h[i]);
    hex[64] = '\0';
}

void kg_parse_cache_sha256_hex(const void *data, size_t len, char hex[65])
{
    sha256 s;
    sha256_init(&s);
    sha256_update(&s, data, len);
    sha256_hex(&s, hex);
}

/* ---------------------------------------------------------------- opening */

static kg_status io_error(kg_error *err, const char *what, const char *path)
{
    int e = errno;
    char msg[256];
    if (e == 0 || strerror_r(e, msg, sizeof msg) != 0)
        snprintf(msg, sizeof msg, "I/O error");
    return kg_error_set(err, KG_ERR_IO, "%s: %s: %s", path, what, msg);
}

/* mkdir -p: every missing ancestor, then dir itself. */
static int make_dirs(char *path)
{
    for (char *p = path + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        int rc = mkdir(path, 0777);
        *p = '/';
        if (rc != 0 && errno != EEXIST)
            return -1;
    }
    return mkdir(path, 0777) != 0 && errno != EEXIST ? -1 : 0;
}

kg_status kg_parse_cache_open(const char *dir, kg_parse_cache **out, kg_error *err)
{
    *out = NULL;
    if (!dir || !*dir)
        return kg_error_set(err, KG_ERR_USAGE, "parse cache: no directory given");
    kg_parse_cache *c = calloc(1, sizeof *c);
    char *path = strdup(dir);
    if (!c || !path) {
        free(c);
        free(path);
        return kg_error_set(err, KG_ERR_NOMEM, "%s: out of memory", dir);
    }
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/')
        path[--n] = '\0';
    struct stat st;
    kg_status rc = KG_OK;
    if (make_dirs(path) != 0)
        rc = io_error(err, "cannot create the cache directory", dir);
    else if (stat(path, &st) != 0)
        rc = io_error(err, "cannot open the cache directory", dir);
    else if (!S_ISDIR(st.st_mode))
        rc = kg_error_set(err, KG_ERR_IO, "%s: the cache is not a directory", dir);
    if (rc != KG_OK) {
        free(path);
        free(c);
        return rc;
    }
    c->dir = path;
    *out = c;
    return KG_OK;
}

void kg_parse_cache_close(kg_parse_cache *c)
{
    if (!c)
        return;
    free(c->dir);
    free(c);
}

const char *kg_parse_cache_dir(const kg_parse_cache *c)
{
    return c->dir;
}

/* ---------------------------------------------------------------- buffers */

typedef struct buffer {
    char *data;
    size_t len, cap;
    bool failed;
} buffer;

static void buf_add(buffer *b, const void *p, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 1024;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *d = realloc(b->data, cap);
        if (!d) {
            b->failed = true;
            return;
        }
        b->data = d;
        b->cap = cap;
    }
    memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void buf_printf(buffer *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void buf_printf(buffer *b, const char *fmt, ...)
{
    char small[128];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof small) {
        b->failed = true; /* only short fixed fields come through here */
        return;
    }
    buf_add(b, small, (size_t)n);
}

/* ---------------------------------------------------------------- keys */

/* s and a newline, with backslash and newline escaped: a form or model name
 * holding a newline must not read as two lines of another key. */
static void buf_line(buffer *b, const char *s)
{
    while (*s) {
        size_t span = strcspn(s, "\\\n");
        buf_add(b, s, span);
        s += span;
        if (*s) {
            buf_add(b, *s == '\n' ? "\\n" : "\\\\", 2);
            s++;
        }
    }
    buf_add(b, "\n", 1);
}

char *kg_parse_cache_key(kg_arena *a, const char *model_id, const kg_ud_word *words, size_t n)
{
    if (!a || !model_id || (n > 0 && !words))
        return NULL;
    buffer b = {0};
    buf_printf(&b, "%s %d kg %s model ", MAGIC, KG_PARSE_CACHE_FORMAT, KG_VERSION);
    buf_line(&b, model_id);
    for (size_t i = 0; i < n && !b.failed; i++) {
        if (!words[i].form)
            b.failed = true;
        else
            buf_line(&b, words[i].form);
    }
    char *key = b.failed ? NULL : kg_arena_strndup(a, b.data, b.len);
    free(b.data);
    return key;
}

/* ---------------------------------------------------------------- trees */

/* What kg_ud_annotate promises of its heads and a hit must keep, so that a
 * caller may follow head chains without guarding against loops: every head
 * in range, exactly one root, every chain reaching it.  state: n zeroed
 * bytes of scratch (0 unseen, 1 on the current chain, 2 reaches the root). */
static bool is_tree(const kg_ud_word *w, size_t n, unsigned char *state)
{
    size_t roots = 0;
    for (size_t i = 0; i < n; i++) {
        if (w[i].head > n)
            return false;
        roots += w[i].head == 0;
    }
    if (n > 0 && roots != 1)
        return false;
    for (size_t i = 0; i < n; i++) {
        size_t j = i;
        while (state[j] != 2) {
            if (state[j] == 1)
                return false;
            state[j] = 1;
            if (w[j].head == 0)
                break;
            j = w[j].head - 1;
        }
        for (j = i; state[j] == 1; j = w[j].head - 1) {
            state[j] = 2;
            if (w[j].head == 0)
                break;
        }
    }
    return true;
}

/* NULL when the words are fit to store, else why not. */
static const char *unfit_words(const kg_ud_word *w, size_t n, bool *nomem)
{
    *nomem = false;
    for (size_t i = 0; i < n; i++)
        if (!w[i].upos || !w[i].deprel)
            return "a word has no UPOS or relation";
    unsigned char *state = calloc(n + 1, 1);
    if (!state) {
        *nomem = true;
        return "out of memory";
    }
    bool tree = is_tree(w, n, state);
    free(state);
    return tree ? NULL : "the heads are not a tree";
}

/* ---------------------------------------------------------------- writing */

static void buf_string(buffer *b, const char *s)
{
    if (!s) {
        buf_add(b, "-", 1);
        return;
    }
    size_t n = strlen(s);
    buf_printf(b, "%zu:", n);
    buf_add(b, s, n);
}

static void entry_body(buffer *b, const char *key, const kg_ud_word *words, size_t n)
{
    buf_printf(b, "key %zu\n", strlen(key));
    buf_add(b, key, strlen(key));
    buf_printf(b, "\nwords %zu\n", n);
    for (size_t i = 0; i < n; i++) {
        buf_printf(b, "%zu ", words[i].head);
        buf_string(b, words[i].lemma);
        buf_add(b, " ", 1);
        buf_string(b, words[i].upos);
        buf_add(b, " ", 1);
        buf_string(b, words[i].xpos);
        buf_add(b, " ", 1);
        buf_string(b, words[i].deprel);
        buf_add(b, "\n", 1);
    }
    buf_add(b, "end\n", 4);
}

static bool write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        p += w;
        n -= (size_t)w;
    }
    return true;
}

static char *entry_path(const kg_parse_cache *c, const char *key, const char *prefix)
{
    char hex[65];
    kg_parse_cache_sha256_hex(key, strlen(key), hex);
    size_t n = strlen(c->dir) + strlen(prefix) + sizeof hex + 16;
    char *path = malloc(n);
    if (path)
        snprintf(path, n, "%s/%s%s", c->dir, prefix, hex);
    return path;
}

/* Not kg_file_write_atomic: that fsyncs every file, which for thousands of
 * sentences a run costs more than the parses saved, and a lost entry is only
 * a miss. */
static kg_status write_entry(const kg_parse_cache *c, const char *path, const char *tmpl_base,
                             const buffer *body, kg_error *err)
{
    char hex[65];
    kg_parse_cache_sha256_hex(body->data, body->len, hex);
    char head[128];
    int head_len = snprintf(head, sizeof head, "%s %d\n%s\n", MAGIC, KG_PARSE_CACHE_FORMAT, hex);
    size_t n = strlen(tmpl_base) + 8;
    char *tmpl = malloc(n);
    if (!tmpl)
        return kg_error_set(err, KG_ERR_NOMEM, "%s: out of memory", c->dir);
    snprintf(tmpl, n, "%s-XXXXXX", tmpl_base);
    kg_status st = KG_OK;
    int fd = mkstemp(tmpl);
    if (fd < 0) {
        st = io_error(err, "cannot write a cache entry", c->dir);
    } else {
        bool ok = fchmod(fd, 0644) == 0 && write_all(fd, head, (size_t)head_len) &&
                  write_all(fd, body->data, body->len);
        if (close(fd) != 0)
            ok = false;
        if (!ok || rename(tmpl, path) != 0) {
            st = io_error(err, "cannot write a cache entry", c->dir);
            unlink(tmpl);
        }
    }
    free(tmpl);
    return st;
}

kg_status kg_parse_cache_put(const kg_parse_cache *c, const char *key, const kg_ud_word *words,
                             size_t n, kg_error *err)
{
    if (!c || !key || (n > 0 && !words))
        return kg_error_set(err, KG_ERR_USAGE, "%s: no key or no words to cache",
                            c ? c->dir : "parse cache");
    bool nomem;
    const char *why = unfit_words(words, n, &nomem);
    if (why)
        return kg_error_set(err, nomem ? KG_ERR_NOMEM : KG_ERR_USAGE,
                            "%s: cannot cache a sentence: %s", c->dir, why);
    buffer body = {0};
    entry_body(&body, key, words, n);
    char *path = body.failed ? NULL : entry_path(c, key, "");
    char *tmp = path ? entry_path(c, key, ".tmp-") : NULL;
    kg_status st = tmp ? write_entry(c, path, tmp, &body, err)
                       : kg_error_set(err, KG_ERR_NOMEM, "%s: out of memory", c->dir);
    free(body.data);
    free(path);
    free(tmp);
    return st;
}

/* ---------------------------------------------------------------- reading */

/* A cursor over an entry; every reader fails softly (p = NULL) on anything
 * unexpected, and later readers then do nothing. */
typedef struct cursor {
    const char *p, *end;
} cursor;

static bool lit(cursor *c, const char *s)
{
    size_t n = strlen(s);
    if (!c->p || (size_t)(c->end - c->p) < n || memcmp(c->p, s, n) != 0) {
        c->p = NULL;
        return false;
    }
    c->p += n;
    return true;
}

static bool number(cursor *c, size_t *out)
{
    if (!c->p || c->p == c->end || *c->p < '0' || *c->p > '9') {
        c->p = NULL;
        return false;
    }
    size_t v = 0;
    while (c->p < c->end && *c->p >= '0' && *c->p <= '9') {
        size_t d = (size_t)(*c->p - '0');
        if (v > (SIZE_MAX - d) / 10) {
            c->p = NULL;
            return false;
        }
        v = v * 10 + d;
        c->p++;
    }
    *out = v;
    return true;
}

/* A string, or NULL for "-" when may_be_null; a NUL inside is corruption,
 * since no C string the caller stored could hold one. */
static const char *string(cursor *c, kg_arena *a, bool may_be_null)
{
    if (may_be_null && c->p && c->p < c->end && *c->p == '-') {
        c->p++;
        return NULL;
    }
    size_t n;
    if (!number(c, &n) || !lit(c, ":") || (size_t)(c->end - c->p) < n ||
        memchr(c->p, '\0', n) != NULL) {
        c->p = NULL;
        return NULL;
    }
    char *s = kg_arena_strndup(a, c->p, n);
    c->p = s ? c->p + n : NULL;
    return s;
}

/* Checks magic and checksum and compares the key; on success c points at
 * the line after the key. */
static bool open_entry(const char *data, size_t len, const char *key, cursor *c)
{
    char head[64];
    int n = snprintf(head, sizeof head, "%s %d\n", MAGIC, KG_PARSE_CACHE_FORMAT);
    const char *end = data + len;
    if (len < (size_t)n + 65 || memcmp(data, head, (size_t)n) != 0 || data[n + 64] != '\n')
        return false;
    const char *body = data + n + 65;
    char hex[65];
    kg_parse_cache_sha256_hex(body, (size_t)(end - body), hex);
    if (memcmp(hex, data + n, 64) != 0)
        return false;
    *c = (cursor){body, end};
    size_t klen;
    if (!lit(c, "key ") || !number(c, &klen) || !lit(c, "\n") || klen != strlen(key) ||
        (size_t)(c->end - c->p) < klen || memcmp(c->p, key, klen) != 0)
        return false;
    c->p += klen;
    return lit(c, "\n");
}

/* The word lines into w[0..n), whose forms are already set. */
static bool read_words(cursor *c, kg_arena *a, kg_ud_word *w, size_t n)
{
    for (size_t i = 0; i < n && c->p; i++) {
        number(c, &w[i].head);
        lit(c, " ");
        w[i].lemma = string(c, a, true);
        lit(c, " ");
        w[i].upos = string(c, a, false);
        lit(c, " ");
        w[i].xpos = string(c, a, true);
        lit(c, " ");
        w[i].deprel = string(c, a, false);
        lit(c, "\n");
    }
    return lit(c, "end\n") && c->p == c->end;
}

/* Parses the entry into a copy of words, so that a bad entry found halfway
 * leaves the caller's words as they were. */
static bool read_entry(const char *data, size_t len, const char *key, kg_arena *a,
                       kg_ud_word *words, size_t n)
{
    cursor cur;
    size_t stored;
    if (!open_entry(data, len, key, &cur) || !lit(&cur, "words ") || !number(&cur, &stored) ||
        !lit(&cur, "\n") || stored != n || n > (size_t)(cur.end - cur.p))
        return false;
    kg_ud_word *w = malloc((n + 1) * sizeof *w);
    unsigned char *state = calloc(n + 1, 1);
    bool ok = w && state;
    if (ok) {
        if (n > 0)
            memcpy(w, words, n * sizeof *w);
        ok = read_words(&cur, a, w, n) && is_tree(w, n, state);
    }
    for (size_t i = 0; ok && i < n; i++) {
        words[i].lemma = w[i].lemma;
        words[i].upos = w[i].upos;
        words[i].xpos = w[i].xpos;
        words[i].head = w[i].head;
        words[i].deprel = w[i].deprel;
    }
    free(w);
    free(state);
    return ok;
}

bool kg_parse_cache_get(const kg_parse_cache *c, const char *key, kg_arena *a, kg_ud_word *words,
                        size_t n)
{
    if (!c || !key || !a || (n > 0 && !words))
        return false;
    char *path = entry_path(c, key, "");
    char *data = NULL;
    size_t len = 0;
    /* any failure to read, a missing file or a FIFO included, is a miss */
    bool ok = path && kg_file_read_regular(path, MAX_ENTRY_BYTES, &data, &len, NULL) == KG_OK &&
              read_entry(data, len, key, a, words, n);
    free(data);
    free(path);
    return ok;
}
