/* lexicon_cache.c - see lexicon_internal.h.
 *
 * Building the lexicon scans some 25 MB of word lists (WordNet's data
 * files, the American English word list, the census names) into hash maps:
 * about two thirds of what `kg build` does for one article, paid again by
 * every process.  The maps, once built, are written out as they are; a later
 * run maps the file and looks words up in place.
 *
 * The file: "KGLX", a u32 format version, a u32 stamp length, the stamp,
 * zero padding to 8 bytes, then u64 counts (countries, organization names,
 * verb lemmas, title_max_words, string bytes), the strings (each string a
 * u32 offset into them), the countries (name offset, alpha-2, alpha-3), the
 * organization names' and verb lemmas' offsets, padding to 8, and the maps
 * in kg_lexicon_maps order as kg_strmap_freeze images.  Native byte order
 * and sizes: a cache serves the machine that wrote it, and the stamp names
 * the format.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lexicon_internal.h"

#define MAGIC "KGLX"
#define FORMAT 1
#define PREFIX "lexicon-"
#define SUFFIX ".kgl"

/* ---------------------------------------------------------------- the stamp */

static bool append(char **s, size_t *len, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static bool append(char **s, size_t *len, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return false;
    char *grown = realloc(*s, *len + (size_t)n + 1);
    if (!grown)
        return false;
    *s = grown;
    va_start(ap, fmt);
    vsnprintf(*s + *len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    *len += (size_t)n;
    return true;
}

static bool stamp_stat(char **s, size_t *len, const char *path, const struct stat *st)
{
    return append(s, len, "%s %lld %lld.%09ld %llu\n", path, (long long)st->st_size,
                  (long long)st->st_mtim.tv_sec, (long)st->st_mtim.tv_nsec,
                  (unsigned long long)st->st_ino);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

bool kg_lexicon_cache_stamp(char **stamp, size_t *len, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return append(stamp, len, "%s absent\n", path);
    if (!stamp_stat(stamp, len, path, &st))
        return false;
    if (!S_ISDIR(st.st_mode))
        return true;
    DIR *d = opendir(path);
    if (!d)
        return false;
    kg_vec names;
    kg_vec_init(&names, sizeof(char *));
    bool ok = true;
    for (struct dirent *e; ok && (e = readdir(d));) {
        char *name = e->d_name[0] == '.' ? NULL : strdup(e->d_name);
        if (e->d_name[0] != '.' && (!name || !kg_vec_push(&names, &name))) {
            free(name);
            ok = false;
        }
    }
    closedir(d);
    if (names.len)
        qsort(names.items, names.len, sizeof(char *), by_name);
    for (size_t i = 0; i < names.len; i++) {
        char *name = *(char **)kg_vec_at(&names, i);
        char file[4096];
        if (ok && (size_t)snprintf(file, sizeof file, "%s/%s", path, name) < sizeof file &&
            stat(file, &st) == 0 && S_ISREG(st.st_mode))
            ok = stamp_stat(stamp, len, file, &st);
        free(name);
    }
    kg_vec_free(&names);
    return ok;
}

bool kg_lexicon_cache_dir(char *buf, size_t size)
{
    const char *kg = getenv("KG_CACHE_DIR");
    const char *xdg = getenv("XDG_CACHE_HOME");
    const char *home = getenv("HOME");
    int n = -1;
    if (kg && *kg)
        n = strcmp(kg, "off") ? snprintf(buf, size, "%s", kg) : -1;
    else if (xdg && *xdg == '/')
        n = snprintf(buf, size, "%s/kg", xdg);
    else if (home && *home == '/')
        n = snprintf(buf, size, "%s/.cache/kg", home);
    return n > 0 && (size_t)n < size;
}

/* The file for stamp: its name carries a hash of the stamp, so that
 * lexicons of other sources (another data directory) keep their own. */
static bool cache_path(char *buf, size_t size, const char *dir, const char *stamp)
{
    uint64_t h = 1469598103934665603ull;
    for (const char *p = stamp; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211ull;
    int n = snprintf(buf, size, "%s/" PREFIX "%016llx" SUFFIX, dir, (unsigned long long)h);
    return n > 0 && (size_t)n < size;
}

/* ---------------------------------------------------------------- writing */

typedef struct writing {
    kg_lexicon *lx;
    const char *stamp;
} writing;

typedef struct country_rec {
    uint32_t name;
    char alpha2[3];
    char alpha3[4];
    char pad[1];
} country_rec;

static bool put_u64(FILE *out, uint64_t v)
{
    return fwrite(&v, sizeof v, 1, out) == 1;
}

static bool pad_to_8(FILE *out, size_t written)
{
    for (; written % 8; written++)
        if (fputc('\0', out) == EOF)
            return false;
    return true;
}

/* Offsets of a string list in the string bytes that strings_write lays out:
 * country names, then organization names, then verb lemmas. */
static uint64_t strings_len(const kg_lexicon *lx)
{
    uint64_t n = 0;
    for (size_t i = 0; i < lx->n_countries; i++)
        n += strlen(lx->countries[i].name) + 1;
    for (size_t i = 0; i < lx->org_names.len; i++)
        n += strlen(*(const char **)kg_vec_at(&lx->org_names, i)) + 1;
    for (size_t i = 0; i < lx->verb_lemmas.len; i++)
        n += strlen(*(const char **)kg_vec_at(&lx->verb_lemmas, i)) + 1;
    return n;
}

static bool put_string(FILE *out, const char *s)
{
    return fwrite(s, strlen(s) + 1, 1, out) == 1;
}

static bool put_offsets(FILE *out, const kg_vec *v, uint64_t *at)
{
    for (size_t i = 0; i < v->len; i++) {
        const char *s = *(const char **)kg_vec_at(v, i);
        uint32_t off = (uint32_t)*at;
        if (fwrite(&off, sizeof off, 1, out) != 1)
            return false;
        *at += strlen(s) + 1;
    }
    return true;
}

static kg_status write_cache(const void *ctx, FILE *out, kg_error *err)
{
    const writing *w = ctx;
    kg_lexicon *lx = w->lx;
    uint64_t nstr = strings_len(lx);
    size_t stamp_len = strlen(w->stamp);
    if (nstr > UINT32_MAX || stamp_len > UINT32_MAX)
        return kg_error_set(err, KG_ERR_INPUT, "lexicon too large for its cache");
    uint32_t head[2] = {FORMAT, (uint32_t)stamp_len};
    bool ok = fwrite(MAGIC, 4, 1, out) == 1 && fwrite(head, sizeof head, 1, out) == 1 &&
              fwrite(w->stamp, stamp_len, 1, out) == 1 && pad_to_8(out, 12 + stamp_len) &&
              put_u64(out, lx->n_countries) && put_u64(out, lx->org_names.len) &&
              put_u64(out, lx->verb_lemmas.len) && put_u64(out, lx->title_max_words) &&
              put_u64(out, nstr);
    for (size_t i = 0; ok && i < lx->n_countries; i++)
        ok = put_string(out, lx->countries[i].name);
    for (size_t i = 0; ok && i < lx->org_names.len; i++)
        ok = put_string(out, *(const char **)kg_vec_at(&lx->org_names, i));
    for (size_t i = 0; ok && i < lx->verb_lemmas.len; i++)
        ok = put_string(out, *(const char **)kg_vec_at(&lx->verb_lemmas, i));
    uint64_t at = 0;
    for (size_t i = 0; ok && i < lx->n_countries; i++) {
        country_rec c = {(uint32_t)at, {0}, {0}, {0}};
        memcpy(c.alpha2, lx->countries[i].alpha2, sizeof c.alpha2);
        memcpy(c.alpha3, lx->countries[i].alpha3, sizeof c.alpha3);
        at += strlen(lx->countries[i].name) + 1;
        ok = fwrite(&c, sizeof c, 1, out) == 1;
    }
    ok = ok && put_offsets(out, &lx->org_names, &at) && put_offsets(out, &lx->verb_lemmas, &at);
    size_t body = (size_t)nstr + lx->n_countries * sizeof(country_rec) +
                  (lx->org_names.len + lx->verb_lemmas.len) * sizeof(uint32_t);
    ok = ok && pad_to_8(out, body);
    kg_strmap **maps[KG_LEXICON_N_MAPS];
    kg_lexicon_maps(lx, maps);
    kg_status st = KG_OK;
    for (size_t i = 0; ok && !st && i < KG_LEXICON_N_MAPS; i++)
        st = kg_strmap_freeze(*maps[i], out);
    if (!ok || st == KG_ERR_IO)
        return kg_error_set(err, KG_ERR_IO, "cannot write the lexicon cache");
    return st ? kg_error_set(err, st, "lexicon does not fit its cache") : KG_OK;
}

/* Other lexicon-*.kgl files in dir are caches of other sources or other
 * builds of kg (several may be in use: a plain and a sanitized build);
 * the KEEP_OTHERS newest stay, so a cache directory cannot grow without
 * bound as kg is rebuilt. */
#define KEEP_OTHERS 3

typedef struct cache_file {
    char *path;
    struct timespec mtime;
} cache_file;

static int newest_first(const void *a, const void *b)
{
    const cache_file *x = a, *y = b;
    if (x->mtime.tv_sec != y->mtime.tv_sec)
        return x->mtime.tv_sec < y->mtime.tv_sec ? 1 : -1;
    if (x->mtime.tv_nsec != y->mtime.tv_nsec)
        return x->mtime.tv_nsec < y->mtime.tv_nsec ? 1 : -1;
    return strcmp(x->path, y->path);
}

static void remove_others(const char *dir, const char *keep)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    kg_vec files;
    kg_vec_init(&files, sizeof(cache_file));
    for (struct dirent *e; (e = readdir(d));) {
        size_t n = strlen(e->d_name);
        char path[4096];
        struct stat st;
        if (strncmp(e->d_name, PREFIX, strlen(PREFIX)) || n < strlen(SUFFIX) ||
            strcmp(e->d_name + n - strlen(SUFFIX), SUFFIX) ||
            (size_t)snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= sizeof path ||
            !strcmp(path, keep) || lstat(path, &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        cache_file f = {strdup(path), st.st_mtim};
        if (!f.path || !kg_vec_push(&files, &f))
            free(f.path);
    }
    closedir(d);
    if (files.len)
        qsort(files.items, files.len, sizeof(cache_file), newest_first);
    for (size_t i = 0; i < files.len; i++) {
        cache_file *f = kg_vec_at(&files, i);
        if (i >= KEEP_OTHERS)
            unlink(f->path);
        free(f->path);
    }
    kg_vec_free(&files);
}

void kg_lexicon_cache_save(const char *dir, const char *stamp, kg_lexicon *lx)
{
    char path[4096];
    if (!cache_path(path, sizeof path, dir, stamp))
        return;
    /* the parents of $HOME/.cache/kg, as XDG asks, mode 0700 */
    char parent[4096];
    snprintf(parent, sizeof parent, "%s", dir);
    for (char *p = parent + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            mkdir(parent, 0700);
            *p = '/';
        }
    if (mkdir(parent, 0700) != 0 && errno != EEXIST)
        return;
    writing w = {lx, stamp};
    kg_error err = {0};
    if (kg_file_write_atomic(path, write_cache, &w, &err) == KG_OK)
        remove_others(dir, path);
}

/* ---------------------------------------------------------------- reading */

typedef struct cursor {
    const char *p;
    size_t left;
    bool bad;
} cursor;

static const void *take(cursor *c, size_t n)
{
    if (c->bad || n > c->left) {
        c->bad = true;
        return NULL;
    }
    const void *at = c->p;
    c->p += n;
    c->left -= n;
    return at;
}

static uint64_t take_u64(cursor *c)
{
    uint64_t v = 0;
    const void *at = take(c, sizeof v);
    if (at)
        memcpy(&v, at, sizeof v);
    return v;
}

static void skip_pad(cursor *c, size_t written)
{
    if (written % 8)
        take(c, 8 - written % 8);
}

/* The string at off of strs (n bytes), or NULL when off is outside it or
 * the string runs past its end. */
static const char *string_at(const char *strs, uint64_t n, uint32_t off)
{
    return off < n && memchr(strs + off, '\0', (size_t)(n - off)) ? strs + off : NULL;
}

static bool take_strings(cursor *c, kg_vec *v, size_t count, const char *strs, uint64_t nstr)
{
    const char *at = take(c, count * sizeof(uint32_t));
    for (size_t i = 0; at && i < count; i++) {
        uint32_t off;
        memcpy(&off, at + i * sizeof off, sizeof off);
        const char *s = string_at(strs, nstr, off);
        if (!s || !kg_vec_push(v, &s))
            return false;
    }
    return at != NULL;
}

static bool read_tables(kg_lexicon *lx, cursor *c)
{
    uint64_t ncountries = take_u64(c), norgs = take_u64(c), nlemmas = take_u64(c);
    uint64_t title_max = take_u64(c), nstr = take_u64(c);
    /* no count can exceed the bytes that remain: a bound before allocating */
    if (c->bad || ncountries > c->left || norgs > c->left || nlemmas > c->left || nstr > c->left ||
        title_max > 64)
        return false;
    const char *strs = take(c, (size_t)nstr);
    const char *recs = take(c, (size_t)ncountries * sizeof(country_rec));
    if (!strs || !recs || !(lx->countries = calloc((size_t)ncountries + 1, sizeof(kg_country))))
        return false;
    for (size_t i = 0; i < ncountries; i++) {
        country_rec r;
        memcpy(&r, recs + i * sizeof r, sizeof r);
        kg_country *k = &lx->countries[i];
        k->name = string_at(strs, nstr, r.name);
        memcpy(k->alpha2, r.alpha2, sizeof k->alpha2);
        memcpy(k->alpha3, r.alpha3, sizeof k->alpha3);
        if (!k->name || k->alpha2[2] || k->alpha3[3])
            return false;
    }
    lx->n_countries = (size_t)ncountries;
    lx->title_max_words = (size_t)title_max;
    if (!take_strings(c, &lx->org_names, (size_t)norgs, strs, nstr) ||
        !take_strings(c, &lx->verb_lemmas, (size_t)nlemmas, strs, nstr))
        return false;
    skip_pad(c, (size_t)nstr + (size_t)ncountries * sizeof(country_rec) +
                    (size_t)(norgs + nlemmas) * sizeof(uint32_t));
    kg_strmap **maps[KG_LEXICON_N_MAPS];
    kg_lexicon_maps(lx, maps);
    for (size_t i = 0; i < KG_LEXICON_N_MAPS && !c->bad; i++) {
        size_t used = 0;
        if (!(*maps[i] = kg_strmap_thaw(c->p, c->left, &used)))
            return false;
        take(c, used);
    }
    return !c->bad && c->left == 0;
}

/* Values index the tables: a damaged file must not make a lookup index
 * past them.  Every map whose value is an index is checked here (the
 * others hold flags); the scan reads only those maps' pages. */
static bool values_in_range(const kg_lexicon *lx)
{
    struct {
        const kg_strmap *m;
        size_t limit;
    } checks[] = {{lx->country_names, lx->n_countries}, {lx->country_codes, lx->n_countries},
                  {lx->demonyms, lx->n_countries * 4},  {lx->organizations, lx->org_names.len},
                  {lx->locations, lx->n_countries + 1}, {lx->verb_forms, lx->verb_lemmas.len}};
    for (size_t k = 0; k < sizeof checks / sizeof *checks; k++)
        for (size_t i = 0; i < kg_strmap_capacity(checks[k].m); i++) {
            size_t v = 0;
            if (kg_strmap_slot(checks[k].m, i, &v) && v >= checks[k].limit)
                return false;
        }
    return true;
}

kg_lexicon *kg_lexicon_cache_open(const char *dir, const char *stamp)
{
    char path[4096];
    if (!cache_path(path, sizeof path, dir, stamp))
        return NULL;
    /* a FIFO planted under the name must not hang the run */
    int fd = kg_file_open_regular(path, NULL);
    if (fd < 0)
        return NULL;
    struct stat st;
    void *map = MAP_FAILED;
    if (fstat(fd, &st) == 0 && st.st_size > 16)
        map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (map == MAP_FAILED)
        return NULL;
    size_t len = (size_t)st.st_size;
    cursor c = {map, len, false};
    const char *magic = take(&c, 4);
    const uint32_t *head = take(&c, 2 * sizeof(uint32_t));
    size_t stamp_len = strlen(stamp);
    const char *got =
        head && head[0] == FORMAT && head[1] == stamp_len ? take(&c, stamp_len) : NULL;
    kg_lexicon *lx = NULL;
    if (magic && !memcmp(magic, MAGIC, 4) && got && !memcmp(got, stamp, stamp_len)) {
        skip_pad(&c, 12 + stamp_len);
        lx = calloc(1, sizeof *lx);
    }
    if (lx) {
        kg_vec_init(&lx->org_names, sizeof(const char *));
        kg_vec_init(&lx->verb_lemmas, sizeof(const char *));
        lx->mapped = map;
        lx->mapped_len = len;
        if (!read_tables(lx, &c) || !values_in_range(lx)) {
            kg_lexicon_free(lx); /* unmaps */
            return NULL;
        }
        return lx;
    }
    munmap(map, len);
    return NULL;
}
